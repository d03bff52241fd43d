// The start-up of IRCI's five real trials, as far as the public record says (sources in each row), and a
// few steps filled in for a fuller demo, flagged illustrative in the data and shown so. Dates the record
// gives as a year or a month are kept at that precision. A step is created once: reseeding never changes
// what a keeper recorded since.
import type { PrismaClient } from "@/lib/prisma-client";
import type { DatePrecision, StartupState, StartupStepKind } from "@/lib/generated/prisma/enums";

interface SeedStep {
  country: string;
  step: StartupStepKind;
  state: StartupState;
  /** yyyy, yyyy-MM or yyyy-MM-dd, as the source gives it. */
  actual?: string;
  blockedSince?: string;
  blockedReason?: string;
  /** Organization slug. */
  owner?: string;
  source: string;
  illustrative?: boolean;
}

const ILLUSTRATIVE = "Illustrative demo entry: not in the public record";

const STARTUP: Record<string, SeedStep[]> = {
  "irci-inpact": [
    { country: "GB", step: "FUNDING", state: "DONE", actual: "2013", owner: "cruk", source: "CRUK grant CRUK/13/005 (2013)" },
    {
      country: "GB",
      step: "ETHICS",
      state: "DONE",
      actual: "2016-10-17",
      owner: "cruk",
      source: "UK ethics approval 17 October 2016 (ICR-CTSU)",
    },
    { country: "GB", step: "REGULATOR", state: "DONE", actual: "2016", owner: "cruk", source: ILLUSTRATIVE, illustrative: true },
    { country: "GB", step: "FIRST_PATIENT", state: "DONE", actual: "2017", owner: "cruk", source: "First patients 2017 (SUO 2023 update)" },
    {
      country: "US",
      step: "FIRST_PATIENT",
      state: "DONE",
      actual: "2017",
      owner: "nci",
      source: "First patients 2017; 82 of 114 in the US (SUO 2023 update)",
    },
  ],
  "irci-eortc-1206": [
    {
      country: "BE",
      step: "FUNDING",
      state: "DONE",
      owner: "eortc",
      source: "Funded by EORTC, a drug company and CRUK (CRUK/13/016); the date is not in our sources",
    },
    {
      country: "BE",
      step: "FIRST_SITE",
      state: "DONE",
      actual: "2015-02-04",
      owner: "eortc",
      source: "Trial activated 4 February 2015 (EORTC trial page)",
    },
    {
      country: "GB",
      step: "FUNDING",
      state: "DONE",
      actual: "2013",
      owner: "cruk",
      source: `${ILLUSTRATIVE} (year read from the grant number CRUK/13/016)`,
      illustrative: true,
    },
  ],
  "irci-ballad": [
    {
      country: "GB",
      step: "FIRST_SITE",
      state: "DONE",
      actual: "2015-08",
      owner: "cruk",
      source: "UK arm open from August 2015 (ISRCTN15070952)",
    },
    { country: "JP", step: "FIRST_SITE", state: "DONE", actual: "2017-05", owner: "jcog", source: "J-BALLAD (JCOG1502C) from May 2017" },
    {
      country: "FR",
      step: "CONTRACTS",
      state: "BLOCKED",
      blockedSince: "2016-03-03",
      blockedReason: "Illustrative: insurance certificate for France not yet issued",
      owner: "inca",
      source: ILLUSTRATIVE,
      illustrative: true,
    },
  ],
  "irci-interaact": [
    {
      country: "GB",
      step: "FIRST_PATIENT",
      state: "DONE",
      actual: "2013",
      source: "Patients randomised from 2013 (Rao et al., J Clin Oncol 2020)",
    },
    {
      country: "AU",
      step: "FUNDING",
      state: "DONE",
      owner: "cosa",
      source:
        "Australian arm with its own grant, registered separately (ACTRN12616000061437, submitted November 2015); the grant's date is not in our sources",
    },
  ],
  "irci-gog-0277": [
    {
      country: "US",
      step: "FIRST_PATIENT",
      state: "DONE",
      actual: "2012",
      owner: "nci",
      source: "Accrual from 2012 (Hensley et al., J Clin Oncol 2018)",
    },
    {
      country: "BE",
      step: "SPONSOR",
      state: "DONE",
      owner: "eortc",
      source: "EORTC as EU sponsor (IRCI reference data); the date is not in our sources",
    },
  ],
};

function partial(text: string): { date: Date; precision: DatePrecision } {
  const [y, m, d] = text.split("-").map(Number);
  return { date: new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)), precision: d ? "DAY" : m ? "MONTH" : "YEAR" };
}

export async function seedStartup(db: PrismaClient): Promise<number> {
  const orgs = new Map((await db.organization.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  let created = 0;
  for (const [proposalId, steps] of Object.entries(STARTUP)) {
    const trial = await db.trial.findUnique({ where: { proposalId }, select: { id: true } });
    if (!trial) continue;
    for (const s of steps) {
      const exists = await db.startupStep.findUnique({
        where: { trialId_country_step: { trialId: trial.id, country: s.country, step: s.step } },
        select: { id: true },
      });
      if (exists) continue;
      const actual = s.actual ? partial(s.actual) : null;
      await db.$transaction(async (tx) => {
        const row = await tx.startupStep.create({
          data: {
            trialId: trial.id,
            country: s.country,
            step: s.step,
            state: s.state,
            actualDate: actual?.date ?? null,
            actualPrecision: actual?.precision ?? "DAY",
            blockedSince: s.blockedSince ? partial(s.blockedSince).date : null,
            blockedReason: s.blockedReason ?? null,
            ownerOrganizationId: s.owner ? orgs.get(s.owner)! : null,
            source: s.source,
            illustrative: s.illustrative ?? false,
          },
        });
        await tx.startupStepRecord.create({
          data: {
            stepId: row.id,
            version: row.version,
            state: row.state,
            actualDate: row.actualDate,
            actualPrecision: row.actualPrecision,
            blockedSince: row.blockedSince,
            blockedReason: row.blockedReason,
            ownerOrganizationId: row.ownerOrganizationId,
            illustrative: row.illustrative,
          },
        });
      });
      created++;
    }
  }
  return created;
}
