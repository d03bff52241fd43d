import "server-only";
// Ballots for the export: those of closed votes only. The vote page shows every ballot with its
// rationale to everyone who may see votes once the vote has closed, and until then only an
// organization's own; an export is for everyone who may see votes, so it holds closed votes alone.
import { db } from "@/lib/db";
import { STATUS_LABEL } from "@/lib/proposals/workflow";
import { CHOICE_LABEL, OUTCOME_LABEL } from "./labels";

/** One batch of closed votes' ballots in id order, after the ballot with id `after` (keyset, never OFFSET). */
export async function closedBallotBatch(after: string | undefined, take: number) {
  const rows = await db.ballot.findMany({
    where: { vote: { status: "CLOSED" } },
    orderBy: { id: "asc" },
    take,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    select: {
      id: true,
      choice: true,
      rationale: true,
      castAt: true,
      updatedAt: true,
      castBy: { select: { name: true } },
      organization: { select: { shortName: true, name: true } },
      vote: {
        select: {
          id: true,
          opensAt: true,
          closedAt: true,
          outcome: true,
          proposal: { select: { id: true, title: true, status: true } },
        },
      },
    },
  });
  return rows.map((b) => ({
    id: b.id,
    proposalId: b.vote.proposal.id,
    title: b.vote.proposal.title,
    stage: STATUS_LABEL[b.vote.proposal.status],
    voteId: b.vote.id,
    voteOpened: b.vote.opensAt.toISOString(),
    voteClosed: b.vote.closedAt?.toISOString() ?? "",
    outcome: b.vote.outcome ? OUTCOME_LABEL[b.vote.outcome] : "",
    organization: b.organization.shortName,
    organizationName: b.organization.name,
    choice: CHOICE_LABEL[b.choice],
    rationale: b.rationale,
    castBy: b.castBy?.name ?? "",
    cast: b.castAt.toISOString(),
    lastChanged: b.updatedAt.toISOString(),
  }));
}
