import "server-only";
// The close of a vote: scheduled when it opens, run by the job queue at the deadline (with a
// sweep every minute as the safety net), or early by the secretariat; and the reminders before it.
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { nudgeMailWorker } from "@/lib/jobs/nudge";
import { QUEUES, queue } from "@/lib/jobs/queue";
import { notifyProposal } from "@/lib/notifications";
import type { Prisma } from "@/lib/prisma-client";
import type { ProposalEvent } from "@/lib/proposals/workflow";
import { tally, type Outcome } from "./tally";
import { recordVoteDecision } from "@/lib/decisions/record";
import { REMINDER_GAP_HOURS, REMINDER_HOURS, reminderDue } from "./reminders";

type Tx = Prisma.TransactionClient;

/** Representatives of every organization: who is told about votes. */
export async function representatives(tx: Tx | typeof db) {
  return tx.membership.findMany({
    where: { role: { in: ["REPRESENTATIVE", "DEPUTY"] }, user: { active: true } },
    select: { userId: true, organizationId: true },
  });
}

/** Opens a vote on an eligible proposal in review: chairs of its group and the secretariat. */
/** What a vote's outcome does to its proposal. */
const PROPOSAL_EVENT: Record<Outcome, { event: ProposalEvent; to: "APPROVED" | "REJECTED" | "IN_REVIEW" }> = {
  PASSED: { event: "approve", to: "APPROVED" },
  FAILED: { event: "reject", to: "REJECTED" },
  NO_QUORUM: { event: "returnToReview", to: "IN_REVIEW" },
};

/** Closes the vote at its deadline: one job per vote, however often it is asked. */
export async function scheduleVoteClose(voteId: string, closesAt: Date) {
  const boss = await queue();
  await boss.sendAfter(QUEUES.closeVote, { voteId }, { singletonKey: voteId, retryLimit: 5, retryDelay: 10, retryBackoff: true }, closesAt);
}

/**
 * Closes a vote: at its deadline (by the job queue, `early` false) or earlier by the secretariat
 * with a reason. The tally is computed from the stored ballots in the same transaction as the
 * close, the proposal moves on, and everything is audited. Closing twice is harmless.
 */
export async function closeVote(voteId: string, closer: { actorId: string | null; early: boolean; reason?: string }) {
  const outcome = await db.$transaction(async (tx) => {
    const closed = closer.early
      ? await tx.$queryRaw<{ proposalId: string; quorum: number; passRule: string }[]>`
          UPDATE "Vote" SET "status" = 'CLOSED', "closedAt" = now(), "closedById" = ${closer.actorId}, "closeReason" = ${closer.reason ?? null}
          WHERE "id" = ${voteId} AND "status" = 'OPEN' RETURNING "proposalId", "quorum", "passRule"::text AS "passRule"`
      : await tx.$queryRaw<{ proposalId: string; quorum: number; passRule: string }[]>`
          UPDATE "Vote" SET "status" = 'CLOSED', "closedAt" = now()
          WHERE "id" = ${voteId} AND "status" = 'OPEN' AND "closesAt" <= now() RETURNING "proposalId", "quorum", "passRule"::text AS "passRule"`;
    const vote = closed[0];
    if (!vote) return null;
    const ballots = await tx.ballot.findMany({ where: { voteId }, select: { choice: true } });
    const result = tally(
      ballots.map((b) => b.choice),
      { quorum: vote.quorum, passRule: vote.passRule as "MORE_APPROVE_THAN_REJECT" | "TWO_THIRDS_OF_DECIDED" },
      await tx.organization.count(),
    );
    await tx.vote.update({ where: { id: voteId }, data: { outcome: result.outcome, tally: { ...result } } });
    const next = PROPOSAL_EVENT[result.outcome];
    const moved = await tx.proposal.updateMany({
      where: { id: vote.proposalId, status: "VOTING" },
      data: {
        status: next.to,
        statusChangedAt: new Date(),
        version: { increment: 1 },
        ...(next.to === "REJECTED" ? { closedReason: "The vote failed." } : {}),
      },
    });
    await audit(tx, {
      actorId: closer.actorId,
      action: "vote.closed",
      entityType: "proposal",
      entityId: vote.proposalId,
      reason: closer.reason ?? null,
      data: {
        voteId,
        early: closer.early,
        outcome: result.outcome,
        approve: result.approve,
        reject: result.reject,
        abstain: result.abstain,
        recused: result.recused,
      },
    });
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: vote.proposalId }, select: { title: true } });
    if (moved.count === 1) {
      // The title names the proposal: a bell with "Approved: the vote closed" says nothing of which.
      await notifyProposal(tx, vote.proposalId, { kind: "status", newStatus: next.to }, closer.actorId, {
        kind: "proposal.status",
        title: `${{ APPROVED: "Approved", REJECTED: "Rejected", IN_REVIEW: "Back in review" }[next.to]} after the vote: ${proposal.title}`,
      });
      await audit(tx, {
        actorId: closer.actorId,
        action: `proposal.${next.event}`,
        entityType: "proposal",
        entityId: vote.proposalId,
        data: { from: "VOTING", to: next.to, voteId },
      });
      // The register's record of it (approved or rejected; no quorum decides nothing), with this vote linked.
      await recordVoteDecision(tx, {
        voteId,
        proposalId: vote.proposalId,
        actorId: closer.actorId,
        result,
        passRule: vote.passRule as "MORE_APPROVE_THAN_REJECT" | "TWO_THIRDS_OF_DECIDED",
        reason: closer.reason,
      });
    }
    const words = {
      PASSED: "passed: the proposal is approved",
      FAILED: "failed: the proposal is rejected",
      NO_QUORUM: "did not reach quorum: the proposal returns to review",
    };
    await tx.notification.createMany({
      data: (await representatives(tx)).map((r) => ({
        userId: r.userId,
        kind: "vote.closed",
        title: `Vote closed: ${proposal.title}`,
        body: `The vote ${words[result.outcome]}.`,
        link: `/proposals/${vote.proposalId}`,
        dedupeKey: `vote.closed:${voteId}`,
      })),
      skipDuplicates: true,
    });
    return result;
  });
  if (outcome) nudgeMailWorker();
  return outcome;
}

/** The job queue's work: closes every vote whose deadline has passed. Returns how many it closed. */
export async function closeDueVotes(): Promise<number> {
  const due = await db.vote.findMany({ where: { status: "OPEN", closesAt: { lte: new Date() } }, select: { id: true }, take: 100 });
  let closed = 0;
  for (const { id } of due) if (await closeVote(id, { actorId: null, early: false })) closed++;
  return closed;
}

/**
 * Reminds the representatives of organizations that have not voted, 48 and 24 hours before the
 * close, never during the vote's quiet period after its opening (the rule: ./reminders.ts). Each
 * window is claimed on the vote row by an update guarded by the rule, in the same transaction as
 * the notifications, so running it every minute, on several instances, reminds once.
 */
export async function sendDueReminders(now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + REMINDER_HOURS[0] * 3600_000);
  const candidates = await db.vote.findMany({
    where: { status: "OPEN", closesAt: { gt: now, lte: horizon } },
    orderBy: { closesAt: "asc" },
    take: 100,
    select: { id: true, opensAt: true, closesAt: true, remindedHours: true, remindedAt: true },
  });
  const due = candidates.flatMap((vote) => {
    const hours = reminderDue(vote, now);
    return hours === null ? [] : [{ id: vote.id, hours }];
  });
  if (due.length === 0) return 0;
  const reps = await representatives(db);
  let count = 0;
  for (const { id, hours } of due) {
    count += await db.$transaction(async (tx) => {
      const claimed = await tx.vote.updateMany({
        where: {
          id,
          status: "OPEN",
          AND: [
            { OR: [{ remindedHours: null }, { remindedHours: { gt: hours } }] },
            { OR: [{ remindedAt: null }, { remindedAt: { lte: new Date(now.getTime() - REMINDER_GAP_HOURS * 3600_000) } }] },
          ],
        },
        data: { remindedHours: hours, remindedAt: now },
      });
      if (claimed.count === 0) return 0;
      const vote = await tx.vote.findUniqueOrThrow({
        where: { id },
        select: { proposalId: true, proposal: { select: { title: true } }, ballots: { select: { organizationId: true } } },
      });
      const voted = new Set(vote.ballots.map((b) => b.organizationId));
      const data: Prisma.NotificationCreateManyInput[] = reps
        .filter((rep) => !voted.has(rep.organizationId))
        .map((rep) => ({
          userId: rep.userId,
          kind: "vote.closing",
          title: `Your organization has not voted: ${vote.proposal.title}`,
          body: `The vote closes in less than ${hours} hours.`,
          link: `/proposals/${vote.proposalId}`,
          dedupeKey: `vote.closing:${id}:${hours}`,
        }));
      return (await tx.notification.createMany({ data, skipDuplicates: true })).count;
    });
  }
  if (count) nudgeMailWorker();
  return count;
}
