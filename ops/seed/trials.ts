// Trial records of IRCI's five real trials, from the reference data only: registry ids, phases,
// ClinicalTrials.gov status, target and actual accrual where known, dated milestones the sources
// state, countries the sources name, and the organizations the sources name. A fictional accrual
// history for one underway trial is marked as demo data. Created once; reseeding leaves them alone.
import reference from "@/prisma/data/irci-reference.json";
import type { PrismaClient } from "@/lib/prisma-client";
import type { InterestLevel, MilestoneKind } from "@/lib/generated/prisma/enums";

interface SeedTrial {
  proposalId: string;
  name: string;
  accrual?: { date: string | null; total: number; source: string; demo?: boolean }[];
  milestones?: [MilestoneKind, string, string][];
  countries?: string[];
  organizations?: [slug: string, level: InterestLevel][];
}

const TRIALS: SeedTrial[] = [
  {
    proposalId: "irci-gog-0277",
    name: "GOG-0277",
    accrual: [{ date: null, total: 38, source: "Hensley et al., J Clin Oncol 2018;36:3324: total at closure for accrual futility" }],
    milestones: [["RESULTS_PUBLISHED", "2018", "Hensley et al., J Clin Oncol 2018"]],
    organizations: [
      ["nci", "LEAD"],
      ["eortc", "PARTICIPATE"],
    ],
  },
  {
    proposalId: "irci-interaact",
    name: "InterAACT",
    accrual: [{ date: "2017", total: 91, source: "91 patients randomised 2013-2017 (Rao et al., J Clin Oncol 2020;38:2510)" }],
    milestones: [["RESULTS_PUBLISHED", "2020", "Rao et al., J Clin Oncol 2020"]],
    countries: ["GB", "AU"],
  },
  {
    proposalId: "irci-inpact",
    name: "InPACT",
    organizations: [
      ["cruk", "LEAD"],
      ["nci", "PARTICIPATE"],
      ["cctg", "PARTICIPATE"],
    ],
  },
  {
    proposalId: "irci-eortc-1206",
    name: "EORTC 1206",
    accrual: [
      { date: "2016-06", total: 25, source: "Illustrative demo figure", demo: true },
      { date: "2018-06", total: 70, source: "Illustrative demo figure", demo: true },
      { date: "2020-06", total: 115, source: "Illustrative demo figure", demo: true },
    ],
    milestones: [
      ["FIRST_SITE_OPEN", "2015-02-04", "activated 2015-02-04"],
      ["ACCRUAL_COMPLETE", "2021-11-30", "closed to patient entry 2021-11-30"],
    ],
    countries: ["GB"],
    organizations: [
      ["eortc", "LEAD"],
      ["cruk", "PARTICIPATE"],
    ],
  },
  {
    proposalId: "irci-ballad",
    name: "BALLAD",
    countries: ["BE", "FR", "JP", "GB"],
    organizations: [
      ["cruk", "LEAD"],
      ["jcog", "PARTICIPATE"],
    ],
  },
];

export async function seedTrials(db: PrismaClient): Promise<number> {
  const orgs = new Map((await db.organization.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  let created = 0;
  for (const t of TRIALS) {
    const ref = reference.trials.find((r) => r.name.startsWith(t.name));
    if (!ref) throw new Error(`Seed: no trial ${t.name} in the reference data`);
    const proposal = await db.proposal.findUnique({ where: { id: t.proposalId }, select: { id: true, trial: { select: { id: true } } } });
    if (!proposal || proposal.trial) continue;
    const registryIds = Object.entries(ref.registryIds)
      .filter(([registry]) => registry !== "other")
      .map(([registry, value]) => ({ registry, value: String(value) }));
    const target = (ref as { targetAccrual?: number }).targetAccrual ?? null;
    await db.$transaction(async (tx) => {
      await tx.trial.create({
        data: {
          proposalId: t.proposalId,
          overallStatus: ref.ctgovOverallStatus,
          phases: ref.phase,
          targetAccrual: target,
          registryIds: { create: registryIds },
          accrual: { create: (t.accrual ?? []).map((a) => ({ date: a.date, total: a.total, source: a.source, demo: a.demo ?? false })) },
          milestones: { create: (t.milestones ?? []).map(([kind, actual]) => ({ kind, actual })) },
          sites: { create: (t.countries ?? []).map((country) => ({ country, facility: "" })) },
        },
      });
      for (const [slug, level] of t.organizations ?? []) {
        const organizationId = orgs.get(slug)!;
        const note = `From the IRCI reference data: ${ref.lead}`;
        await tx.partnerInterest.upsert({
          where: { proposalId_organizationId: { proposalId: t.proposalId, organizationId } },
          create: { proposalId: t.proposalId, organizationId, level, note },
          update: {},
        });
      }
    });
    created++;
  }
  return created;
}
