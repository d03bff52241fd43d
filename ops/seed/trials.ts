// Trial records of IRCI's five real trials, from the reference data only: registry ids, phases,
// ClinicalTrials.gov status, target and actual accrual where known, dated milestones the sources
// state, countries the sources name, and the organizations the sources name. A fictional accrual
// history for one underway trial is marked as demo data. Created once; reseeding only fills in what an
// earlier seed did not know (the accrual window, dated and per-organization reports), never what keepers changed.
import reference from "@/prisma/data/irci-reference.json";
import type { PrismaClient } from "@/lib/prisma-client";
import type { InterestLevel, MilestoneKind } from "@/lib/generated/prisma/enums";

interface SeedMilestone {
  kind: MilestoneKind;
  actual?: string;
  planned?: string;
}

interface SeedTrial {
  proposalId: string;
  name: string;
  /** When the reference data has none: a published target. */
  target?: number;
  /** Organization reports name the organization by its slug; the source says what is real and what is illustrative. */
  accrual?: { date: string | null; total: number; source: string; demo?: boolean; organization?: string }[];
  milestones?: SeedMilestone[];
  countries?: string[];
  organizations?: [slug: string, level: InterestLevel][];
}

const GOG_SOURCE =
  "Hensley et al., J Clin Oncol 2018;36:3324: 38 enrolled 2012-2016 (year only in our sources), closed for accrual futility. " +
  "Planned end ILLUSTRATIVE: four years (the planned accrual period is not in our sources)";
const INPACT_SOURCE =
  "ICR-CTSU trial page and SUO 2023 update: 114 enrolled 2017-2023 (82 in the US, 32 in the UK), planned 200 over 7 years " +
  "(year only in our sources; the planned end is 2017 + 7 years)";
const EORTC_DEMO = "Illustrative demo figure; the planned end, February 2021, is illustrative too";

interface ReportRow {
  date: string | null;
  total: number;
  source: string;
  demo: boolean;
  organizationId: string | null;
}

const TRIALS: SeedTrial[] = [
  {
    proposalId: "irci-gog-0277",
    name: "GOG-0277",
    accrual: [{ date: "2016", total: 38, source: GOG_SOURCE }],
    milestones: [
      { kind: "FIRST_PATIENT_IN", actual: "2012" },
      // ILLUSTRATIVE planned end (four years); the actual end is the closure in 2016.
      { kind: "ACCRUAL_COMPLETE", planned: "2016", actual: "2016" },
      { kind: "RESULTS_PUBLISHED", actual: "2018" },
    ],
    organizations: [
      ["nci", "LEAD"],
      ["eortc", "PARTICIPATE"],
    ],
  },
  {
    proposalId: "irci-interaact",
    name: "InterAACT",
    accrual: [{ date: "2017", total: 91, source: "91 patients randomised 2013-2017 (Rao et al., J Clin Oncol 2020;38:2510)" }],
    milestones: [{ kind: "RESULTS_PUBLISHED", actual: "2020" }],
    countries: ["GB", "AU"],
  },
  {
    proposalId: "irci-inpact",
    name: "InPACT",
    target: 200,
    accrual: [
      { date: "2023", total: 114, source: INPACT_SOURCE },
      { date: "2023", total: 82, source: INPACT_SOURCE, organization: "nci" },
      { date: "2023", total: 32, source: INPACT_SOURCE, organization: "cruk" },
    ],
    milestones: [
      { kind: "FIRST_PATIENT_IN", actual: "2017" },
      { kind: "ACCRUAL_COMPLETE", planned: "2024" },
    ],
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
      // The same illustrative totals split between the two organizations, so the monitor reads them one by one.
      { date: "2016-06", total: 20, source: EORTC_DEMO, demo: true, organization: "eortc" },
      { date: "2018-06", total: 55, source: EORTC_DEMO, demo: true, organization: "eortc" },
      { date: "2020-06", total: 90, source: EORTC_DEMO, demo: true, organization: "eortc" },
      { date: "2016-06", total: 5, source: EORTC_DEMO, demo: true, organization: "cruk" },
      { date: "2018-06", total: 15, source: EORTC_DEMO, demo: true, organization: "cruk" },
      { date: "2020-06", total: 25, source: EORTC_DEMO, demo: true, organization: "cruk" },
    ],
    milestones: [
      { kind: "FIRST_SITE_OPEN", actual: "2015-02-04" },
      // Planned: ILLUSTRATIVE (demo, said in the demo reports' source); actual: closed to patient entry 2021-11-30.
      { kind: "ACCRUAL_COMPLETE", planned: "2021-02", actual: "2021-11-30" },
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

/** GOG-0277's total as earlier seeds recorded it, without a date: dated 2016 when found unchanged. */
const UNDATED_GOG_SOURCE = "Hensley et al., J Clin Oncol 2018;36:3324: total at closure for accrual futility";

export async function seedTrials(db: PrismaClient): Promise<number> {
  const orgs = new Map((await db.organization.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  const reports = (t: SeedTrial): ReportRow[] =>
    (t.accrual ?? []).map((a) => ({
      date: a.date,
      total: a.total,
      source: a.source,
      demo: a.demo ?? false,
      organizationId: a.organization ? orgs.get(a.organization)! : null,
    }));
  let created = 0;
  for (const t of TRIALS) {
    const ref = reference.trials.find((r) => r.name.startsWith(t.name));
    if (!ref) throw new Error(`Seed: no trial ${t.name} in the reference data`);
    const proposal = await db.proposal.findUnique({ where: { id: t.proposalId }, select: { id: true, trial: { select: { id: true } } } });
    if (!proposal) continue;
    if (proposal.trial) {
      await fillIn(db, proposal.trial.id, t, reports(t));
      continue;
    }
    const registryIds = Object.entries(ref.registryIds)
      .filter(([registry]) => registry !== "other")
      .map(([registry, value]) => ({ registry, value: String(value) }));
    const target = t.target ?? (ref as { targetAccrual?: number }).targetAccrual ?? null;
    await db.$transaction(async (tx) => {
      await tx.trial.create({
        data: {
          proposalId: t.proposalId,
          overallStatus: ref.ctgovOverallStatus,
          phases: ref.phase,
          targetAccrual: target,
          registryIds: { create: registryIds },
          accrual: { create: reports(t) },
          milestones: { create: (t.milestones ?? []).map((m) => ({ kind: m.kind, actual: m.actual, planned: m.planned })) },
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

/**
 * A trial seeded by an earlier version: adds what this one knows and the record lacks (the accrual window,
 * dated and per-organization reports, a published target), never changing what its keepers entered.
 */
async function fillIn(db: PrismaClient, trialId: string, t: SeedTrial, wanted: ReportRow[]) {
  await db.$transaction(async (tx) => {
    if (t.target) await tx.trial.updateMany({ where: { id: trialId, targetAccrual: null }, data: { targetAccrual: t.target } });
    if (t.proposalId === "irci-gog-0277") {
      await tx.accrualUpdate.updateMany({
        where: { trialId, date: null, total: 38, source: UNDATED_GOG_SOURCE },
        data: { date: "2016", source: GOG_SOURCE },
      });
    }
    for (const m of t.milestones ?? []) {
      const row = await tx.trialMilestone.findUnique({ where: { trialId_kind: { trialId, kind: m.kind } } });
      if (!row) await tx.trialMilestone.create({ data: { trialId, kind: m.kind, actual: m.actual, planned: m.planned } });
      else if ((m.planned && !row.planned) || (m.actual && !row.actual))
        await tx.trialMilestone.update({
          where: { id: row.id },
          data: { planned: row.planned ?? m.planned, actual: row.actual ?? m.actual },
        });
    }
    for (const r of wanted) {
      const found = await tx.accrualUpdate.findFirst({
        where: { trialId, source: r.source, organizationId: r.organizationId, date: r.date },
      });
      if (!found) await tx.accrualUpdate.create({ data: { trialId, ...r } });
    }
  });
}
