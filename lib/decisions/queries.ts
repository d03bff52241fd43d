import "server-only";
// Reading the decision register: members of IRCI see every decision, visitors only the public ones
// about public things (no proposal, or a real trial IRCI publishes). The vote a decision came from,
// its tally and its dissent (the ballots against or abstaining, with their rationale) are members' reading.
import { db } from "@/lib/db";
import { namedVersion } from "@/lib/documents/queries";
import type { Actor } from "@/lib/authz/policy";
import { capabilitiesOf } from "@/lib/authz/policy";
import { allowed } from "@/lib/authz/rules";
import type { Prisma } from "@/lib/prisma-client";
import { pageArgs, toPage } from "@/lib/pagination";
import { PUBLIC_STATUSES } from "@/lib/proposals/workflow";
import { ZDecisionFilters, type DecisionFilters } from "./schema";
import type { DecisionKind } from "./labels";
import { DECISIONS_PER_PAGE, MINUTES_MAX } from "./limits";

/** Signed in as someone of an organization or the secretariat: reads the whole register. */
export function readsWholeRegister(actor: Actor | null): boolean {
  return capabilitiesOf(actor).length > 0;
}

/** What a visitor may read: public decisions on nothing unpublished (drafts, demo proposals). */
const VISIBLE_TO_VISITORS: Prisma.DecisionWhereInput = {
  public: true,
  OR: [{ proposalId: null }, { proposal: { demo: false, status: { in: [...PUBLIC_STATUSES, "CLOSED_EARLY"] } } }],
};

function where(actor: Actor | null, f: DecisionFilters): Prisma.DecisionWhereInput {
  const and: Prisma.DecisionWhereInput[] = [readsWholeRegister(actor) ? {} : VISIBLE_TO_VISITORS];
  if (f.kind) and.push({ kind: f.kind });
  if (f.group) and.push({ group: { slug: f.group } });
  if (f.year) and.push({ decidedOn: { startsWith: f.year } });
  if (f.visibility) and.push({ public: f.visibility === "public" });
  if (f.q) {
    and.push({
      OR: [
        { title: { contains: f.q, mode: "insensitive" } },
        { rationale: { contains: f.q, mode: "insensitive" } },
        { options: { contains: f.q, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}

const ORDER: Prisma.DecisionOrderByWithRelationInput[] = [{ decidedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }];

const SELECT = {
  id: true,
  kind: true,
  title: true,
  decidedOn: true,
  options: true,
  rationale: true,
  public: true,
  source: true,
  illustrative: true,
  version: true,
  createdAt: true,
  group: { select: { slug: true, name: true } },
  proposal: { select: { id: true, title: true, trial: { select: { id: true } } } },
  // The document versions it rests on (members' reading, as the documents are).
  documents: { select: { documentVersion: { select: namedVersion } }, orderBy: { documentVersionId: "asc" }, take: 50 },
  recordedBy: { select: { name: true } },
  // The vote, its tally and its dissent (the ballots against or abstaining), organizations by name.
  vote: {
    select: {
      id: true,
      outcome: true,
      tally: true,
      ballots: {
        where: { choice: { in: ["REJECT", "ABSTAIN"] } },
        orderBy: { organization: { shortName: "asc" } },
        select: { choice: true, rationale: true, organization: { select: { name: true, shortName: true } } },
      },
    },
  },
} satisfies Prisma.DecisionSelect;

type Loaded = Prisma.DecisionGetPayload<{ select: typeof SELECT }>;
export type DecisionRow = Omit<Loaded, "vote" | "recordedBy"> & { vote: Loaded["vote"] | null; recordedBy: Loaded["recordedBy"] | null };

/** Who recorded it and the vote are members' reading: cut here, before anything reaches a page or a file. */
function forReader(actor: Actor | null, row: Loaded): DecisionRow {
  return readsWholeRegister(actor) ? row : { ...row, vote: null, recordedBy: null, documents: [] };
}

async function findDecisions(actor: Actor | null, filters: DecisionFilters, args: { skip?: number; take: number }): Promise<DecisionRow[]> {
  const rows = await db.decision.findMany({ where: where(actor, filters), orderBy: ORDER, ...args, select: SELECT });
  return rows.map((row) => forReader(actor, row));
}

/** A page of the register. A page past the last shows the last. */
export async function listDecisions(actor: Actor | null, rawFilters: DecisionFilters, page = 1) {
  const filters = ZDecisionFilters.parse(rawFilters);
  const total = await db.decision.count({ where: where(actor, filters) });
  const pageCount = Math.max(1, Math.ceil(total / DECISIONS_PER_PAGE));
  const shown = Math.min(Math.max(1, page), pageCount);
  const items = total === 0 ? [] : await findDecisions(actor, filters, pageArgs(shown, DECISIONS_PER_PAGE));
  return toPage(items, total, shown, DECISIONS_PER_PAGE);
}

/** The minutes (printable page and CSV): the filtered register in date order, bounded. */
export async function decisionMinutes(actor: Actor | null, rawFilters: DecisionFilters) {
  const filters = ZDecisionFilters.parse(rawFilters);
  const [total, items] = await Promise.all([
    db.decision.count({ where: where(actor, filters) }),
    findDecisions(actor, filters, { take: MINUTES_MAX }),
  ]);
  return { items, total, truncated: total > items.length, filters };
}

/** One decision, as the reader may see it (a visitor: public ones only); null when it is not theirs to read. */
export async function getDecision(actor: Actor | null, id: string) {
  const row = await db.decision.findFirst({ where: { AND: [{ id }, where(actor, {})] }, select: SELECT });
  if (!row) return null;
  const decision = forReader(actor, row);
  const canEdit = actor ? await mayRecordFor(actor, decision.group ? { groupSlug: decision.group.slug } : null) : false;
  return { decision, canEdit };
}

/** The rule's resource for a group: does the actor chair it. */
export async function chairsGroup(actor: Actor, groupId: string): Promise<boolean> {
  return (await db.groupMember.count({ where: { groupId, userId: actor.userId, role: "CHAIR" } })) > 0;
}

async function mayRecordFor(actor: Actor, group: { groupSlug: string } | null) {
  if (!group) return allowed(actor, "decision.record", { chairsThisGroup: false });
  const chairs = (await db.groupMember.count({ where: { group: { slug: group.groupSlug }, userId: actor.userId, role: "CHAIR" } })) > 0;
  return allowed(actor, "decision.record", { chairsThisGroup: chairs });
}

/** Groups shown in the register's filter, and the years it has decisions in. */
export async function registerFilterChoices(actor: Actor | null) {
  const visible = where(actor, {});
  const [groups, years] = await Promise.all([
    db.expertGroup.findMany({
      where: { decisions: { some: visible } },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
      take: 100,
    }),
    db.decision.findMany({
      where: visible,
      select: { decidedOn: true },
      distinct: ["decidedOn"],
      orderBy: { decidedOn: "desc" },
      take: 1000,
    }),
  ]);
  return { groups, years: [...new Set(years.map((y) => y.decidedOn.slice(0, 4)))] };
}

/**
 * What the actor may record a decision about: every active or dormant group and its proposals for the
 * secretariat, the groups they chair for a chair; nothing for anyone else (the form is not shown).
 */
export async function recordingChoices(actor: Actor | null) {
  if (!actor) return [];
  const groupWhere: Prisma.ExpertGroupWhereInput = actor.secretariat ? {} : { members: { some: { userId: actor.userId, role: "CHAIR" } } };
  const groups = await db.expertGroup.findMany({
    where: groupWhere,
    orderBy: { name: "asc" },
    take: 100,
    select: {
      id: true,
      name: true,
      proposals: { where: { status: { notIn: ["DRAFT"] } }, orderBy: { title: "asc" }, take: 100, select: { id: true, title: true } },
    },
  });
  return groups;
}

/** Public decisions of the given published trials (proposal ids), for the public trials page: newest first, a few each. */
export async function publicDecisionsOf(proposalIds: string[]) {
  if (proposalIds.length === 0)
    return new Map<string, { id: string; kind: DecisionKind; title: string; decidedOn: string; illustrative: boolean }[]>();
  const rows = await db.decision.findMany({
    where: { AND: [VISIBLE_TO_VISITORS, { proposalId: { in: proposalIds } }] },
    orderBy: ORDER,
    take: 200,
    select: { id: true, kind: true, title: true, decidedOn: true, illustrative: true, proposalId: true },
  });
  const byProposal = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byProposal.get(row.proposalId!) ?? [];
    if (list.length < 3) list.push(row);
    byProposal.set(row.proposalId!, list);
  }
  return byProposal;
}
