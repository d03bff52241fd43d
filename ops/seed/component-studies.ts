// The component studies of IRCI's real trials, as far as the public record says (sources in each study):
// BALLAD's UK-led study, its Japanese study J-BALLAD (JCOG1502C) and its Belgian study; InterAACT's Australian
// study. The trial's registry ids are attached to the study each registers. A study is created once, and an id is
// attached only while it still belongs to the whole trial: reseeding never changes what a keeper recorded since.
// A few accrual figures for BALLAD's studies are illustrative (demo reports, said so in their source), so that
// the roll-up and its forecast show; the public record gives no study's accrual.
import type { PrismaClient } from "@/lib/prisma-client";

interface SeedStudy {
  name: string;
  shortName?: string;
  sponsor?: string;
  /** Organization slug. */
  lead?: string;
  countries: string[];
  targetAccrual?: number;
  overallStatus: string;
  startDate?: string;
  source: string;
  /** The trial's registry ids this study registers: [registry, value], created when the trial lacks it. */
  registryIds: [registry: string, value: string][];
  /** Illustrative reports (demo data), never facts. */
  demoAccrual?: { date: string; total: number }[];
}

const DEMO_SOURCE = "Illustrative demo figure: the public record gives no study's accrual";

export const COMPONENT_STUDIES: Record<string, SeedStudy[]> = {
  "irci-ballad": [
    {
      name: "BALLAD (UK-led international study)",
      shortName: "BALLAD",
      sponsor: "NHS Greater Glasgow and Clyde",
      lead: "cruk",
      countries: ["GB", "FR"],
      overallStatus: "ACTIVE_NOT_RECRUITING",
      startDate: "2015-08",
      source:
        "IRCI reference data: UK sponsor NHS Greater Glasgow & Clyde, run by CRUK CTU Glasgow; UK arm from August 2015 " +
        "(ISRCTN15070952); recruitment completed (UK record, 2024). The sources name the trial's countries (Belgium, " +
        "France, Japan, UK), not each study's: France is placed here because Belgium and Japan have studies of their own",
      registryIds: [
        ["NCT", "NCT02502370"],
        ["ISRCTN", "ISRCTN15070952"],
        ["EudraCT", "2013-003047-29"],
      ],
      demoAccrual: [
        { date: "2018-08", total: 80 },
        { date: "2021-08", total: 190 },
      ],
    },
    {
      name: "J-BALLAD (JCOG1502C)",
      shortName: "J-BALLAD",
      sponsor: "Japan Clinical Oncology Group (JCOG)",
      lead: "jcog",
      countries: ["JP"],
      targetAccrual: 150,
      overallStatus: "UNKNOWN",
      startDate: "2017-05",
      source:
        "Japanese arm J-BALLAD (JCOG1502C) from May 2017, 150 patients planned at 20 institutions; registered as " +
        "UMIN000027280 (IRCI reference data). Its current status is not in our sources",
      registryIds: [["UMIN", "UMIN000027280"]],
      demoAccrual: [
        { date: "2019-05", total: 35 },
        { date: "2021-05", total: 80 },
      ],
    },
    {
      name: "BALLAD Belgium",
      countries: ["BE"],
      overallStatus: "UNKNOWN",
      source: "Belgian arm registered as NCT04257461 (IRCI reference data); its sponsor, target and dates are not in our sources",
      registryIds: [["NCT", "NCT04257461"]],
    },
  ],
  "irci-interaact": [
    {
      name: "InterAACT Australia",
      countries: ["AU"],
      overallStatus: "COMPLETED",
      source:
        "Australian arm registered separately (ACTRN12616000061437, submitted November 2015) with its own grant; run by " +
        "AGITG (IRCI reference data). Its sponsor as registered and its target are not in our sources",
      registryIds: [["ACTRN", "ACTRN12616000061437"]],
    },
  ],
};

export async function seedComponentStudies(db: PrismaClient): Promise<number> {
  const orgs = new Map((await db.organization.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  let created = 0;
  for (const [proposalId, studies] of Object.entries(COMPONENT_STUDIES)) {
    const trial = await db.trial.findUnique({ where: { proposalId }, select: { id: true } });
    if (!trial) continue;
    for (const s of studies) {
      await db.$transaction(async (tx) => {
        const existing = await tx.componentStudy.findUnique({ where: { trialId_name: { trialId: trial.id, name: s.name } } });
        if (existing) return;
        const study = await tx.componentStudy.create({
          data: {
            trialId: trial.id,
            name: s.name,
            shortName: s.shortName ?? null,
            sponsor: s.sponsor ?? null,
            leadOrganizationId: s.lead ? orgs.get(s.lead)! : null,
            countries: s.countries,
            targetAccrual: s.targetAccrual ?? null,
            overallStatus: s.overallStatus,
            startDate: s.startDate ?? null,
            source: s.source,
          },
        });
        created++;
        for (const [registry, value] of s.registryIds) {
          const row = await tx.trialRegistryId.findUnique({ where: { registry_value: { registry, value } } });
          if (!row) await tx.trialRegistryId.create({ data: { trialId: trial.id, registry, value, componentStudyId: study.id } });
          else if (row.trialId === trial.id && !row.componentStudyId)
            await tx.trialRegistryId.update({ where: { id: row.id }, data: { componentStudyId: study.id } });
        }
        for (const a of s.demoAccrual ?? []) {
          await tx.accrualUpdate.create({
            data: { trialId: trial.id, componentStudyId: study.id, date: a.date, total: a.total, source: DEMO_SOURCE, demo: true },
          });
        }
      });
    }
  }
  return created;
}
