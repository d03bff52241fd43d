// What a proposal's page shows the same to everyone who may see it (its text, interests, timeline,
// vote, discussion, feasibility and documents) is kept in the shared cache (lib/shared-cache.ts),
// one entry per part per proposal, and dropped exactly by the audited changes that make it stale:
// audit() (lib/audit/record.ts) asks staleProposalEntries which entries an audit event makes stale,
// and drops them on every instance when its transaction commits.
//
// Exactness rests on two facts: every change is audited in its transaction, and a change to what a
// proposal's page shows is audited against that proposal (entityType "proposal", entityId its id).
// A change audited against anything else (a person renamed, an organization admitted, a group's
// chairs, a setting) may show on any proposal's page, so it drops every proposal's entries.
// Per-viewer parts (my ballot, what I may do, whether I follow it) are applied outside the cache.
// Who follows a proposal is not audited (a person's own preference): lib/notifications drops it.
//
// No "server-only" here: audit() imports this, and so do scripts that record audited changes.

/** The parts of a proposal's page kept apart, so that a change drops only what it changed. */
export const PROPOSAL_PARTS = ["core", "timeline", "vote", "comments", "interests", "feasibility", "documents", "followers"] as const;
export type ProposalPart = (typeof PROPOSAL_PARTS)[number];

/** How long an entry lives at most: a backstop, since changes drop it (see above). */
export const PROPOSAL_CACHE_TTL_MS = 60_000;

const ALL_PROPOSALS = "proposal:";
const proposalPrefix = (proposalId: string) => `proposal:${proposalId}:`;

/** The shared cache's key for one part of one proposal's page (ends with "|", so no key is a prefix of another). */
export function proposalCacheKey(proposalId: string, part: ProposalPart): string {
  return `${proposalPrefix(proposalId)}${part}|`;
}

/**
 * The parts an audited action on a proposal changes, besides its timeline (every such action adds
 * an event to it). Only actions whose writes are known exactly are listed; any other drops all of
 * the proposal's parts.
 */
const PARTS_CHANGED: Readonly<Record<string, readonly ProposalPart[]>> = {
  // lib/votes/mutations.ts castBallot: one ballot row.
  "ballot.cast": ["vote"],
  // lib/discussion: the comment, its revisions; mention notifications are not on the page.
  "comment.posted": ["comments"],
  "comment.edited": ["comments"],
  "comment.deleted": ["comments"],
  // lib/proposals/mutations.ts saveProposal: the text and version, a revision, its author.
  "proposal.saved": ["core"],
};

/** The shared cache prefixes an audit event makes stale: what audit() drops when its transaction commits. */
export function staleProposalEntries(event: { action: string; entityType: string; entityId?: string | null }): string[] {
  if (event.entityType !== "proposal" || !event.entityId) return [ALL_PROPOSALS];
  const parts = PARTS_CHANGED[event.action];
  if (!parts) return [proposalPrefix(event.entityId)];
  return ["timeline" as const, ...parts].map((part) => proposalCacheKey(event.entityId!, part));
}
