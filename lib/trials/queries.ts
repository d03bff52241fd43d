import "server-only";
import { referenceOrganizations } from "@/lib/organizations/reference";
import { db } from "@/lib/db";
import { groupMatching } from "@/lib/groups/queries";
import { shared } from "@/lib/shared-cache";
import { pageArgs, toPage } from "@/lib/pagination";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { PROPOSAL_STATUSES } from "@/lib/proposals/workflow";
import { currentAccrual, milestoneState, DUE_WITHIN_DAYS } from "./progress";
import { REGISTRIES, type Registry } from "./registry";
import { requireKey, withoutControlCharacters } from "@/lib/validation";
import { allowed } from "@/lib/authz/rules";

export function registryLink(registry: string, value: string): string | null {
  return registry in REGISTRIES ? REGISTRIES[registry as Registry].url(value) : null;
}

export async function getTrial(actor: Actor | null, proposalId: string) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      title: true,
      status: true,
      leadOrganizationId: true,
      authors: { select: { userId: true } },
      group: { select: { name: true, members: { where: { role: "CHAIR" }, select: { userId: true } } } },
      interests: {
        where: { level: { in: ["LEAD", "PARTICIPATE"] } },
        orderBy: { level: "asc" },
        select: { level: true, organization: { select: { shortName: true, country: true } } },
      },
      trial: {
        include: {
          registryIds: { orderBy: { registry: "asc" } },
          accrual: {
            orderBy: [{ date: "asc" }, { createdAt: "asc" }],
            take: 500,
            include: { organization: { select: { shortName: true } } },
          },
          sites: {
            orderBy: [{ country: "asc" }, { facility: "asc" }],
            take: 500,
            include: { organization: { select: { shortName: true } } },
          },
          milestones: true,
        },
      },
    },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  const canManage = allowed(actor, "trial.keep", {
    authorIds: proposal.authors.map((a) => a.userId),
    leadOrganizationId: proposal.leadOrganizationId,
    chairIds: proposal.group.members.map((m) => m.userId),
  });
  const organizations = await referenceOrganizations();
  return { proposal, trial: proposal.trial, canManage, organizations };
}

export interface PortfolioFilters {
  group?: string;
  organization?: string;
  status?: ProposalStatus;
}

/**
 * The whole portfolio at a glance, in a fixed number of queries whatever its size. The unfiltered
 * view, which everyone opens first, is shared between requests for a minute (any change made here
 * drops it at once); filtered views are computed each time, so the cache stays small.
 */
export async function portfolio(actor: Actor | null, filters: PortfolioFilters = {}, today = new Date()) {
  assertCan(actor, "proposal.list");
  // Filters come from the address: text without control characters (PostgreSQL refuses a NUL), bounded.
  const text = (value: string | undefined) => (value ? withoutControlCharacters(value).trim().slice(0, 100) || undefined : undefined);
  filters = {
    group: text(filters.group),
    organization: text(filters.organization),
    status: PROPOSAL_STATUSES.find((s) => s === filters.status),
  };
  if (filters.group || filters.organization || filters.status) return computePortfolio(filters, today);
  return shared(`data:portfolio:${today.toISOString().slice(0, 10)}`, 60_000, () => computePortfolio({}, today));
}

async function computePortfolio(filters: PortfolioFilters, today: Date) {
  const proposalWhere: Prisma.ProposalWhereInput = {
    ...(filters.group ? { group: groupMatching(filters.group) } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.organization
      ? {
          OR: [
            { leadOrganization: { slug: filters.organization } },
            { interests: { some: { organization: { slug: filters.organization }, level: { in: ["LEAD", "PARTICIPATE"] } } } },
          ],
        }
      : {}),
  };
  const trialWhere: Prisma.TrialWhereInput = { proposal: proposalWhere };
  const horizon = new Date(today.getTime() + DUE_WITHIN_DAYS * 86400_000).toISOString().slice(0, 10);
  const [byStage, byStatus, trials, participation, countries, milestones] = await Promise.all([
    db.proposal.groupBy({ by: ["status"], where: proposalWhere, _count: { _all: true } }),
    db.trial.groupBy({ by: ["overallStatus"], where: trialWhere, _count: { _all: true } }),
    db.trial.findMany({
      where: trialWhere,
      orderBy: { proposal: { title: "asc" } },
      // A chart of more bars than this is unreadable; every trial is in the CSV export.
      take: ACCRUAL_SHOWN,
      select: {
        id: true,
        targetAccrual: true,
        overallStatus: true,
        proposal: { select: { id: true, title: true } },
        accrual: {
          where: { organizationId: null, country: null },
          select: { date: true, total: true, organizationId: true, country: true, demo: true },
        },
      },
    }),
    db.partnerInterest.groupBy({
      by: ["organizationId"],
      where: { level: { in: ["LEAD", "PARTICIPATE"] }, proposal: { ...proposalWhere, trial: { isNot: null } } },
      _count: { _all: true },
    }),
    db.$queryRaw<{ country: string; trials: number; sites: number }[]>`
      SELECT s."country", COUNT(DISTINCT s."trialId")::int AS "trials", COUNT(*) FILTER (WHERE s."facility" <> '')::int AS "sites"
      FROM "TrialSite" s
      WHERE s."trialId" IN (SELECT t."id" FROM "Trial" t JOIN "Proposal" p ON p."id" = t."proposalId" JOIN "ExpertGroup" g ON g."id" = p."groupId"
        WHERE (${filters.group ?? null}::text IS NULL OR g."slug" = ${filters.group ?? null} OR strpos(lower(g."name"), lower(${filters.group ?? null})) > 0)
          AND (${filters.status ?? null}::text IS NULL OR p."status"::text = ${filters.status ?? null})
          AND (${filters.organization ?? null}::text IS NULL OR EXISTS (
            SELECT 1 FROM "Organization" o WHERE o."slug" = ${filters.organization ?? null} AND (p."leadOrganizationId" = o."id"
              OR EXISTS (SELECT 1 FROM "PartnerInterest" i WHERE i."proposalId" = p."id" AND i."organizationId" = o."id" AND i."level" IN ('LEAD', 'PARTICIPATE'))))))
      GROUP BY s."country" ORDER BY "trials" DESC, s."country" LIMIT 100`,
    db.trialMilestone.findMany({
      where: { actual: null, planned: { not: null, lte: horizon }, trial: trialWhere },
      orderBy: { planned: "asc" },
      take: 50,
      select: { kind: true, planned: true, actual: true, trial: { select: { proposal: { select: { id: true, title: true } } } } },
    }),
  ]);
  const orgs = await referenceOrganizations();
  const count = new Map(participation.map((p) => [p.organizationId, p._count._all]));
  return {
    stages: PROPOSAL_STATUSES.map((s) => ({ status: s, count: byStage.find((b) => b.status === s)?._count._all ?? 0 })),
    trialStatuses: byStatus.map((b) => ({ status: b.overallStatus, count: b._count._all })).sort((a, b) => b.count - a.count),
    accrual: trials.map((t) => ({
      proposalId: t.proposal.id,
      title: t.proposal.title,
      target: t.targetAccrual,
      actual: currentAccrual(t.accrual),
      demo: t.accrual.some((a) => a.demo),
    })),
    byOrganization: orgs.map((o) => ({ organization: o.shortName, trials: count.get(o.id) ?? 0 })),
    byCountry: countries,
    milestones: milestones.map((m) => ({ ...m, state: milestoneState(m, today) })),
    organizations: orgs,
  };
}

/** The public portfolio: approved, underway and completed trials, public fields only. */
export const ACCRUAL_SHOWN = 25;

export const PUBLIC_STATUSES = ["APPROVED", "PLANNING", "UNDERWAY", "COMPLETED"] as const;

export const PUBLIC_TRIALS_PER_PAGE = 30;

/** A page of the public portfolio; the first page, which every visitor sees, is shared for a minute. */
export async function publicPortfolio(page = 1) {
  const load = async () => {
    const where = { status: { in: [...PUBLIC_STATUSES] }, demo: false };
    const [items, total] = await Promise.all([publicTrials(where, page), db.proposal.count({ where })]);
    return toPage(items, total, page, PUBLIC_TRIALS_PER_PAGE);
  };
  return page === 1 ? shared("data:public-portfolio", 60_000, load) : load();
}

function publicTrials(where: Prisma.ProposalWhereInput, page: number) {
  return db.proposal.findMany({
    where,
    orderBy: [{ status: "asc" }, { title: "asc" }, { id: "asc" }],
    ...pageArgs(page, PUBLIC_TRIALS_PER_PAGE),
    // Only what IRCI publishes: never authors, interests, votes, notes or anyone's name.
    select: {
      id: true,
      title: true,
      status: true,
      group: { select: { cancer: true } },
      leadOrganization: { select: { shortName: true } },
      trial: {
        select: {
          overallStatus: true,
          phases: true,
          registryIds: { select: { registry: true, value: true }, orderBy: { registry: "asc" } },
          sites: { select: { country: true }, distinct: ["country"], orderBy: { country: "asc" } },
        },
      },
    },
  });
}

/** Rows an export reads from the database at a time: memory stays flat however large IRCI grows. */
export const EXPORT_BATCH = 500;

export type ExportKind = "proposals" | "trials";

/** One batch in creation order, after the row with id `after`: keyset paging, never OFFSET. */
function exportPage(after: string | undefined) {
  return {
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    take: EXPORT_BATCH,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
  };
}

async function proposalExportBatch(after: string | undefined) {
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

/**
 * Every row of an export (signed-in people only), in batches of EXPORT_BATCH read one after another
 * by key, never cut off: the route streams each batch out before reading the next. The permission
 * is checked before the first batch, so a refusal is an answer, not a broken download.
 */
export function exportBatches(actor: Actor | null, kind: ExportKind): AsyncGenerator<Record<string, unknown>[]> {
  assertCan(actor, "proposal.list");
  const read = kind === "proposals" ? proposalExportBatch : trialExportBatch;
  return (async function* () {
    let after: string | undefined;
    for (;;) {
      const batch = await read(after);
      if (batch.length > 0) yield batch;
      if (batch.length < EXPORT_BATCH) return;
      after = String(batch.at(-1)!.id);
    }
  })();
}
