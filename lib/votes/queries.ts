import "server-only";
import { namedVersion } from "@/lib/documents/queries";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import type { Tally } from "./tally";
import { requireKey } from "@/lib/validation";
import { shared } from "@/lib/shared-cache";
import { PROPOSAL_CACHE_TTL_MS, proposalCacheKey } from "@/lib/proposals/page-cache";

/** The latest vote on a proposal with every ballot, as stored: read once for all viewers (see getVotePanel). */
function latestVote(proposalId: string) {
  // One statement: the earlier votes are counted in the same query, through the proposal.
  return db.vote.findFirst({
    where: { proposalId },
    orderBy: { opensAt: "desc" },
    select: {
      proposal: { select: { _count: { select: { votes: { where: { status: "CLOSED" } } } } } },
      id: true,
      status: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      quorum: true,
      passRule: true,
      outcome: true,
      tally: true,
      closeReason: true,
      documents: { select: { documentVersion: { select: namedVersion } }, orderBy: { documentVersionId: "asc" } },
      ballots: {
        select: { organizationId: true, choice: true, rationale: true, updatedAt: true, castBy: { select: { name: true } } },
      },
    },
  });
}

/**
 * The latest vote on a proposal as the actor may see it. Until the close, an organization sees its
 * own ballot and which organizations have answered, never how; after the close, everything.
 * The vote as stored is shared between requests (every ballot in it, lib/proposals/page-cache.ts);
 * what this actor may see of it is picked here, for each request.
 */
export async function getVotePanel(actor: Actor | null, proposalId: string) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "vote.view");
  const id = proposalId;
  const latest = await shared(proposalCacheKey(id, "vote"), PROPOSAL_CACHE_TTL_MS, () => latestVote(id));
  if (!latest) return null;
  const { proposal, ...vote } = latest;
  const previous = proposal._count.votes;
  const open = vote.status === "OPEN";
  const ballots = vote.ballots.map((b) => {
    const visible = !open || b.organizationId === actor.organizationId;
    return {
      organizationId: b.organizationId,
      answered: true,
      choice: visible ? b.choice : null,
      rationale: visible ? b.rationale : null,
      castBy: visible ? (b.castBy?.name ?? null) : null,
    };
  });
  return {
    ...vote,
    documents: vote.documents.map((d) => d.documentVersion),
    ballots,
    tally: open ? null : (vote.tally as unknown as Tally | null),
    mine: ballots.find((b) => b.organizationId === actor.organizationId) ?? null,
    earlierVotes: open ? previous : previous - 1,
  };
}

/** Open votes, and for a representative whether their organization still owes a ballot. */
export async function openVotesFor(actor: Actor | null) {
  assertCan(actor, "vote.view");
  const votes = await db.vote.findMany({
    where: { status: "OPEN" },
    orderBy: { closesAt: "asc" },
    take: 20,
    select: {
      id: true,
      closesAt: true,
      proposal: { select: { id: true, title: true } },
      _count: { select: { ballots: true } },
      ballots: { where: { organizationId: actor.organizationId ?? "" }, select: { choice: true } },
    },
  });
  return votes.map((v) => ({ ...v, owed: actor.organizationId !== null && v.ballots.length === 0 }));
}
