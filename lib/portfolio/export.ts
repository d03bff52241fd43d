import "server-only";
// The portfolio as CSV or JSON files: every row, read in keyset pages and streamed, never cut off.
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { currentAccrual } from "@/lib/trials/progress";
import { closedBallotBatch } from "@/lib/votes/export";
import { accrualBatch, interestBatch, milestoneBatch, siteBatch, type ExportBatch } from "./export-records";

/** Rows an export reads from the database at a time: memory stays flat however large IRCI grows. */
export const EXPORT_BATCH = 500;

export const EXPORT_KINDS = ["proposals", "trials", "interests", "ballots", "sites", "milestones", "accrual"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** One batch in creation order, after the row with id `after`: keyset paging, never OFFSET. */
function exportPage(after: string | undefined) {
  return {
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    take: EXPORT_BATCH,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
  };
}

type Organizations = { id: string; shortName: string }[];

/**
 * A batch of proposals, with one column per member organization (its interest, "" when none is
 * recorded): the columns follow the Organization table as it is when the export starts.
 */
async function proposalExportBatch(after: string | undefined, organizations: Organizations) {
  const rows = await db.proposal.findMany({
    ...exportPage(after),
    select: {
      id: true,
      title: true,
      status: true,
      phase: true,
      sampleSize: true,
      population: true,
      intervention: true,
      comparator: true,
      primaryOutcome: true,
      createdAt: true,
      statusChangedAt: true,
      group: { select: { name: true } },
      leadOrganization: { select: { shortName: true } },
      interests: { select: { organizationId: true, level: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    expertGroup: r.group.name,
    leadOrganization: r.leadOrganization?.shortName ?? "",
    phase: r.phase ?? "",
    plannedSampleSize: r.sampleSize ?? "",
    population: r.population,
    intervention: r.intervention,
    comparator: r.comparator,
    primaryOutcome: r.primaryOutcome,
    created: r.createdAt.toISOString(),
    statusChanged: r.statusChangedAt.toISOString(),
    ...Object.fromEntries(
      organizations.map((o) => [`interest:${o.shortName}`, r.interests.find((i) => i.organizationId === o.id)?.level ?? ""]),
    ),
  }));
}

async function trialExportBatch(after: string | undefined) {
  const trials = await db.trial.findMany({
    ...exportPage(after),
    select: {
      id: true,
      overallStatus: true,
      phases: true,
      targetAccrual: true,
      startDate: true,
      primaryCompletionDate: true,
      proposal: { select: { id: true, title: true, status: true } },
      registryIds: { select: { registry: true, value: true } },
      sites: { select: { country: true }, distinct: ["country"] },
      accrual: { where: { organizationId: null, country: null }, select: { date: true, total: true, organizationId: true, country: true } },
    },
  });
  return trials.map((t) => ({
    id: t.id,
    proposalId: t.proposal.id,
    title: t.proposal.title,
    stage: t.proposal.status,
    overallStatus: t.overallStatus,
    phases: t.phases.join(" "),
    targetAccrual: t.targetAccrual ?? "",
    accrual: currentAccrual(t.accrual) ?? "",
    startDate: t.startDate ?? "",
    primaryCompletionDate: t.primaryCompletionDate ?? "",
    registryIds: t.registryIds.map((r) => r.value).join(" "),
    countries: t.sites.map((s) => s.country).join(" "),
  }));
}

/** A reader whose rows are the records themselves, each row's id the key to read on from. */
function byRowId(read: (after: string | undefined) => Promise<({ id: string } & Record<string, unknown>)[]>) {
  return async (after: string | undefined): Promise<ExportBatch> => {
    const rows = await read(after);
    return { rows, next: rows.length === EXPORT_BATCH ? rows.at(-1)!.id : undefined };
  };
}

// Proposals are read with the member organizations (a column for each), so their reader is made per export.
const READERS: Record<Exclude<ExportKind, "proposals">, (after: string | undefined) => Promise<ExportBatch>> = {
  trials: byRowId(trialExportBatch),
  interests: (after) => interestBatch(after, EXPORT_BATCH),
  ballots: byRowId((after) => closedBallotBatch(after, EXPORT_BATCH)),
  sites: (after) => siteBatch(after, EXPORT_BATCH),
  milestones: (after) => milestoneBatch(after, EXPORT_BATCH),
  accrual: (after) => accrualBatch(after, EXPORT_BATCH),
};

/**
 * Every row of an export, in batches of EXPORT_BATCH records read one after another by key, never
 * cut off: the route streams each batch out before reading the next. Ballots (of closed votes only)
 * go to whoever may see votes, everything else to whoever may list proposals. The permission is
 * checked before the first batch, so a refusal is an answer, not a broken download.
 */
export function exportBatches(actor: Actor | null, kind: ExportKind): AsyncGenerator<Record<string, unknown>[]> {
  assertCan(actor, kind === "ballots" ? "vote.view" : "proposal.list");
  return (async function* () {
    const organizations: Organizations =
      kind === "proposals" ? await db.organization.findMany({ orderBy: { shortName: "asc" }, select: { id: true, shortName: true } }) : [];
    const read = kind === "proposals" ? byRowId((after) => proposalExportBatch(after, organizations)) : READERS[kind];
    let after: string | undefined;
    do {
      const batch = await read(after);
      if (batch.rows.length > 0) yield batch.rows;
      after = batch.next;
    } while (after);
  })();
}
