import "server-only";
import { referenceOrganizations } from "@/lib/organizations/reference";
import { db } from "@/lib/db";
import { groupMatching } from "@/lib/groups/queries";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { Prisma } from "@/lib/prisma-client";
import type { InterestLevel, ProposalStatus } from "@/lib/generated/prisma/enums";
import { pageArgs, toPage } from "@/lib/pagination";
import { getRareThreshold } from "@/lib/settings";
import { shared } from "@/lib/shared-cache";
import {
  checkEligibility,
  ineligibilityReason,
  isEligible,
  missingHypothesisParts,
  type Criterion,
  type EligibilityInput,
} from "./eligibility";
import { INTEREST_OPEN_STATUSES, availableEvents, decide, isViaVote, type Facts, type ProposalEvent } from "./workflow";
import { SEARCH_DOCUMENT } from "./search";
import { INTEREST_CHANGES_SHOWN, interestHistories, type InterestRecordRow } from "./interest-history";
import { requireKey } from "@/lib/validation";
import { allowed, proposalRoles, type ProposalContext } from "@/lib/authz/rules";
import { PROPOSAL_CACHE_TTL_MS, proposalCacheKey } from "./page-cache";

export const PROPOSALS_PER_PAGE = 20;

export interface ProposalFilters {
  status?: ProposalStatus;
  group?: string;
  lead?: string;
  /** My organization's interest: a level, or NONE for "not recorded yet". */
  myInterest?: InterestLevel | "NONE";
  q?: string;
  page?: number;
}

/**
 * Search matches ranked by relevance, at most (ten pages); beyond, the most recently updated of them
 * are listed. Finding out costs reading this many matches: for a common word at 100x, reading and
 * ranking 1,000 took 4.7 ms, 200 took 1.0 ms.
 */
export const SEARCH_RANKED = 200;

/** The list's filters as conditions on "Proposal" p, for the search, which Prisma cannot express. */
function filterConditions(actor: Actor, filters: ProposalFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const org = actor.organizationId;
  const statuses = filters.status ? [filters.status] : filters.myInterest === "NONE" && org ? [...INTEREST_OPEN_STATUSES] : null;
  if (statuses) conditions.push(Prisma.sql`p."status"::text = ANY(${statuses}::text[])`);
  if (filters.group) {
    // As groupMatching: the slug, or a part of the name in any case.
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ExpertGroup" g WHERE g."id" = p."groupId"
      AND (g."slug" = ${filters.group} OR strpos(lower(g."name"), lower(${filters.group})) > 0))`);
  }
  if (filters.lead) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Organization" o WHERE o."id" = p."leadOrganizationId" AND o."slug" = ${filters.lead})`,
    );
  }
  if (filters.myInterest && org) {
    conditions.push(
      filters.myInterest === "NONE"
        ? Prisma.sql`NOT EXISTS (SELECT 1 FROM "PartnerInterest" i WHERE i."proposalId" = p."id" AND i."organizationId" = ${org})`
        : Prisma.sql`EXISTS (SELECT 1 FROM "PartnerInterest" i WHERE i."proposalId" = p."id" AND i."organizationId" = ${org}
            AND i."level"::text = ${filters.myInterest})`,
    );
  }
  return conditions;
}

/**
 * A page of a full-text search's matches that pass the other filters. While there are at most
 * SEARCH_RANKED of them they are ranked by relevance, and counted exactly. Beyond, ranking them
 * would read every match, a cost that grows with the portal while the ranks of a word or two in
 * short titles barely differ: the page then lists them newest first, reading the list's index
 * until it has the page, and says only that there are more than SEARCH_RANKED.
 */
async function searchPage(actor: Actor, q: string, filters: ProposalFilters, page: number) {
  const query = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const where = Prisma.join([Prisma.sql`p.${Prisma.raw(SEARCH_DOCUMENT)} @@ ${query}`, ...filterConditions(actor, filters)], " AND ");
  const ranked = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT m."id" FROM (
      SELECT p."id", p."updatedAt", p.${Prisma.raw(SEARCH_DOCUMENT)} AS "document" FROM "Proposal" p
      WHERE ${where} LIMIT ${SEARCH_RANKED + 1}
    ) m
    ORDER BY ts_rank(m."document", ${query}) DESC, m."updatedAt" DESC, m."id"`);
  if (ranked.length <= SEARCH_RANKED) {
    const { skip, take } = pageArgs(page, PROPOSALS_PER_PAGE);
    return { ids: ranked.slice(skip, skip + take).map((r) => r.id), total: ranked.length, moreThan: false };
  }
  // Pages of the SEARCH_RANKED newest matches: a bounded offset into the list's own order.
  const shown = Math.min(page, SEARCH_RANKED / PROPOSALS_PER_PAGE);
  const { skip, take } = pageArgs(shown, PROPOSALS_PER_PAGE);
  const newest = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT p."id" FROM "Proposal" p WHERE ${where}
    ORDER BY p."updatedAt" DESC, p."id" LIMIT ${take} OFFSET ${skip}`);
  return { ids: newest.map((r) => r.id), total: SEARCH_RANKED, moreThan: true, page: shown };
}

/**
 * How many proposals pass filters that are chosen from a list (no typed text, so the keys are
 * few): exact, and shared until the next audited change (every change to a proposal or an
 * interest is one) or for a minute, as counting grows with the portal and the page is opened often.
 */
async function countProposals(actor: Actor, filters: ProposalFilters, where: Prisma.ProposalWhereInput) {
  // The lead comes from the address too: only an organization's slug makes a key.
  const leadKnown = !filters.lead || (await referenceOrganizations()).some((o) => o.slug === filters.lead);
  if (filters.group || !leadKnown) return db.proposal.count({ where });
  const mine = filters.myInterest ? `${filters.myInterest}:${actor.organizationId ?? ""}` : "";
  return shared(`data:proposal-count:${filters.status ?? ""}:${filters.lead ?? ""}:${mine}`, 60_000, () => db.proposal.count({ where }));
}

export async function listProposals(actor: Actor | null, filters: ProposalFilters = {}) {
  assertCan(actor, "proposal.list");
  let page = filters.page ?? 1;
  const q = filters.q?.trim();
  const where: Prisma.ProposalWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.group ? { group: groupMatching(filters.group) } : {}),
    ...(filters.lead ? { leadOrganization: { slug: filters.lead } } : {}),
  };
  if (filters.myInterest && actor.organizationId) {
    if (filters.myInterest === "NONE") {
      // "Not recorded yet" means: still open to interest, and my organization has said nothing.
      where.interests = { none: { organizationId: actor.organizationId } };
      where.status ??= { in: [...INTEREST_OPEN_STATUSES] };
    } else {
      where.interests = { some: { organizationId: actor.organizationId, level: filters.myInterest } };
    }
  }
  const shown = {
    id: true,
    title: true,
    status: true,
    updatedAt: true,
    demo: true,
    group: { select: { slug: true, name: true } },
    leadOrganization: { select: { shortName: true } },
    // My organization's interest only (none for the secretariat without an organization).
    interests: { where: { organizationId: actor.organizationId ?? "" }, select: { level: true } },
    _count: { select: { interests: { where: { level: { in: ["LEAD", "PARTICIPATE"] } } } } },
  } satisfies Prisma.ProposalSelect;
  const order = [{ updatedAt: "desc" }, { id: "asc" }] satisfies Prisma.ProposalOrderByWithRelationInput[];
  const { skip, take } = pageArgs(page, PROPOSALS_PER_PAGE);
  if (!q && skip === 0 && Object.keys(where).length === 0) {
    // The first page of the whole list, which everyone opens first: the index's first twenty with
    // what they show, in one statement (only those twenty rows are ever joined).
    const [rows, total] = await Promise.all([
      db.proposal.findMany({ orderBy: order, take, select: shown }),
      countProposals(actor, filters, where),
    ]);
    return { ...toPage(rows, total, page, PROPOSALS_PER_PAGE), moreThan: false };
  }
  // Otherwise first the page's ids, from the index alone (a deep page skips ids, not joined rows),
  // then the rows of those twenty with what the list shows.
  let pageIds: string[];
  let total: number;
  let moreThan = false;
  if (q) {
    const found = await searchPage(actor, q, filters, page);
    pageIds = found.ids;
    total = found.total;
    moreThan = found.moreThan;
    page = found.page ?? page;
  } else {
    const [found, count] = await Promise.all([
      db.proposal.findMany({ where, orderBy: order, skip, take, select: { id: true } }),
      countProposals(actor, filters, where),
    ]);
    pageIds = found.map((r) => r.id);
    total = count;
  }
  const rows = pageIds.length ? await db.proposal.findMany({ where: { id: { in: pageIds } }, select: shown }) : [];
  const position = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  // moreThan: `total` is a lower bound (a search with more than SEARCH_RANKED matches).
  return { ...toPage(rows, total, page, PROPOSALS_PER_PAGE), moreThan };
}

const proposalDetail = {
  group: {
    select: {
      id: true,
      slug: true,
      name: true,
      cancer: true,
      incidencePer100k: true,
      incidenceIsDemo: true,
      members: { where: { role: "CHAIR" }, select: { userId: true, user: { select: { name: true } } } },
    },
  },
  leadOrganization: { select: { id: true, slug: true, shortName: true, name: true } },
  authors: {
    select: { userId: true, user: { select: { name: true, membership: { select: { organization: { select: { shortName: true } } } } } } },
  },
  interests: {
    select: {
      organizationId: true,
      level: true,
      expectedSites: true,
      expectedPatientsPerYear: true,
      note: true,
      updatedAt: true,
      recordedBy: { select: { name: true } },
    },
  },
  _count: { select: { revisions: true } },
} satisfies Prisma.ProposalSelect;

const readProposal = (id: string) => db.proposal.findUnique({ where: { id }, include: proposalDetail });
/** The proposal row as pages show it, shared between requests (see ./page-cache.ts). */
const sharedProposal = (id: string) => shared(proposalCacheKey(id, "core"), PROPOSAL_CACHE_TTL_MS, () => readProposal(id));

/** Who stands in which relation to the proposal, for the authorization rules. */
function accessTo(proposal: NonNullable<Awaited<ReturnType<typeof readProposal>>>): ProposalContext {
  return {
    authorIds: proposal.authors.map((a) => a.userId),
    leadOrganizationId: proposal.leadOrganizationId,
    chairIds: proposal.group.members.map((m) => m.userId),
  };
}

/**
 * The proposal with everything needed to decide what someone may do with it. Pages read the row
 * shared between requests (`shared`, see ./page-cache.ts); changes read it as stored.
 */
export async function loadProposalContext(actor: Actor, id: string, { shared: fromCache = false } = {}) {
  const [proposal, organizations, threshold] = await Promise.all([
    fromCache ? sharedProposal(id) : readProposal(id),
    referenceOrganizations(),
    getRareThreshold(),
  ]);
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  const access = accessTo(proposal);
  const roles = proposalRoles(actor, access);
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  // Everything eligibility needs but the interests, which a caller may read again in a transaction.
  const eligibilityBase: Omit<EligibilityInput, "interests"> = {
    incidencePer100k: proposal.group.incidencePer100k === null ? null : Number(proposal.group.incidencePer100k),
    threshold,
    hypothesis: proposal,
    noOtherForum: proposal.noOtherForum,
  };
  const criteria: Criterion[] = checkEligibility({
    ...eligibilityBase,
    interests: proposal.interests.map((i) => ({
      organization: orgById.get(i.organizationId)?.shortName ?? "?",
      country: orgById.get(i.organizationId)?.country ?? "?",
      level: i.level,
    })),
  });
  const missing = missingHypothesisParts(proposal);
  const facts: Facts = {
    guards: {
      hypothesisComplete: {
        ok: missing.length === 0,
        why: `Complete the hypothesis before submitting: ${missing.join(", ")} missing.`,
      },
      eligible: { ok: isEligible(criteria), why: ineligibilityReason(criteria) ?? "" },
    },
  };
  return { proposal, organizations, threshold, access, roles, criteria, facts, eligibilityBase };
}

export async function getProposal(actor: Actor | null, id: string) {
  id = requireKey(id, "proposal");
  assertCan(actor, "proposal.view");
  const [context, timeline] = await Promise.all([
    loadProposalContext(actor, id, { shared: true }),
    shared(proposalCacheKey(id, "timeline"), PROPOSAL_CACHE_TTL_MS, () =>
      db.auditEvent.findMany({
        where: { entityType: "proposal", entityId: id },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: 50,
        select: { id: true, at: true, action: true, reason: true, data: true, organizationId: true, actor: { select: { name: true } } },
      }),
    ),
  ]);
  const { proposal, access, roles, facts } = context;
  // Opening a vote has its own form (closing time, rules); results come from the vote.
  const actions = availableEvents(proposal.status, roles)
    .filter((event) => !isViaVote(event))
    .map((event: ProposalEvent) => ({
      event,
      decision: decide(proposal.status, event, roles, facts, "(reason asked on the form)"),
    }));
  return {
    ...context,
    timeline,
    actions,
    canEdit: allowed(actor, "proposal.edit", access),
    // A vote opens from its own form (closing time, rules), for those who may, while in review.
    canOpenVote: proposal.status === "IN_REVIEW" && allowed(actor, "vote.open", access),
  };
}

/**
 * The proposal as its page shows it and who stands where to it, from the shared row: exact, since
 * every change to it drops the row when it commits (./page-cache.ts). Callers check permissions.
 */
export async function shownProposal(id: string) {
  const proposal = await sharedProposal(id);
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  return { proposal, access: accessTo(proposal) };
}

/** A draft for its editor: the proposal and whether this person may edit it (no timeline, no next steps). */
export async function getProposalToEdit(actor: Actor | null, id: string) {
  id = requireKey(id, "proposal");
  assertCan(actor, "proposal.view");
  const { proposal, access } = await shownProposal(id);
  return { proposal, canEdit: allowed(actor, "proposal.edit", access) };
}

/**
 * Each organization's interest changes on a proposal, newest first: at most INTEREST_CHANGES_SHOWN
 * per organization (and the record before them, for the level they changed from), read through
 * the (proposal, organization, time) index one organization at a time.
 */
export async function interestHistory(actor: Actor | null, proposalId: string) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  const id = proposalId;
  return shared(proposalCacheKey(id, "interests"), PROPOSAL_CACHE_TTL_MS, () => readInterestHistory(id));
}

async function readInterestHistory(proposalId: string) {
  const rows = await db.$queryRaw<InterestRecordRow[]>`
    SELECT r."id", r."organizationId", r."level"::text AS "level", r."expectedSites", r."expectedPatientsPerYear",
           r."note", r."recordedAt", u."name" AS "recordedBy"
    FROM "Organization" o
    CROSS JOIN LATERAL (
      SELECT * FROM "PartnerInterestRecord" x
      WHERE x."proposalId" = ${proposalId} AND x."organizationId" = o."id"
      ORDER BY x."recordedAt" DESC, x."id" DESC
      LIMIT ${INTEREST_CHANGES_SHOWN + 1}
    ) r
    LEFT JOIN "User" u ON u."id" = r."recordedById"`;
  return interestHistories(rows);
}

export async function listRevisions(actor: Actor | null, proposalId: string) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  const proposal = await db.proposal.findUnique({ where: { id: proposalId }, select: { id: true, title: true } });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  const revisions = await db.proposalRevision.findMany({
    where: { proposalId },
    orderBy: { number: "desc" },
    take: 200,
    select: { number: true, createdAt: true, author: { select: { name: true } } },
  });
  return { proposal, revisions };
}

export async function getRevisions(actor: Actor | null, proposalId: string, numbers: number[]) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  const rows = await db.proposalRevision.findMany({
    where: { proposalId, number: { in: numbers } },
    select: { number: true, content: true, createdAt: true, author: { select: { name: true } } },
  });
  if (rows.length !== new Set(numbers).size) throw new AppError("NOT_FOUND", "No such revision.");
  return numbers.map((n) => rows.find((r) => r.number === n)!);
}

export const PIPELINE_COLUMN_LIMIT = 50;

export async function pipeline(actor: Actor | null) {
  assertCan(actor, "pipeline.view");
  const [byStatus, rows] = await Promise.all([
    db.proposal.groupBy({ by: ["status"], _count: { _all: true } }),
    // Newest first in each column, at most PIPELINE_COLUMN_LIMIT each: one query with a window.
    db.$queryRaw<{ id: string; title: string; status: ProposalStatus; group: string; lead: string | null }[]>(Prisma.sql`
      SELECT p."id", p."title", p."status", g."name" AS "group", o."shortName" AS "lead"
      FROM (
        SELECT *, row_number() OVER (PARTITION BY "status" ORDER BY "updatedAt" DESC) AS n FROM "Proposal"
      ) p
      JOIN "ExpertGroup" g ON g."id" = p."groupId"
      LEFT JOIN "Organization" o ON o."id" = p."leadOrganizationId"
      WHERE p.n <= ${PIPELINE_COLUMN_LIMIT}
      ORDER BY p."updatedAt" DESC`),
  ]);
  const counts = new Map(byStatus.map((s) => [s.status, s._count._all]));
  return { counts, rows };
}

/** Groups a person may start a proposal in, and the organizations that may lead it. */
export async function newProposalOptions(actor: Actor | null) {
  assertCan(actor, "proposal.create");
  const [groups, organizations] = await Promise.all([
    db.expertGroup.findMany({
      where: actor.secretariat
        ? { status: { in: ["PROPOSED", "ACTIVE"] } }
        : { status: { in: ["PROPOSED", "ACTIVE"] }, members: { some: { userId: actor.userId } } },
      orderBy: { name: "asc" },
      take: 200,
      select: { id: true, name: true },
    }),
    referenceOrganizations(),
  ]);
  return { groups, organizations };
}
