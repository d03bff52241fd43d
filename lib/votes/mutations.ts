import "server-only";
import { z } from "zod";
import { plainText, requireKey } from "@/lib/validation";
import { nudgeMailWorker } from "@/lib/jobs/nudge";
import { readRareThreshold } from "@/lib/settings";
import { db } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/prisma-client";
import { retryOnUniqueViolation } from "@/lib/retry";
import { notifyProposal } from "@/lib/notifications";
import { fieldErrors } from "@/lib/proposals/schema";
import { loadProposalContext } from "@/lib/proposals/queries";
import { decide, type ProposalEvent } from "@/lib/proposals/workflow";
import { checkEligibility, ineligibilityReason } from "@/lib/proposals/eligibility";
import { formatDateTime } from "@/lib/time";
import { config } from "@/lib/config";
import { DEMO_MIN_OPEN_MINUTES, MIN_OPEN_MINUTES, ZBallot, ZOpenVote, closingTimeProblem } from "./schema";
import { DEFAULT_QUORUM, tally, type Outcome } from "./tally";

type Tx = Prisma.TransactionClient;

/** Representatives of every organization: who is told about votes. */
async function representatives(tx: Tx | typeof db) {
  return tx.membership.findMany({ where: { role: "REPRESENTATIVE", user: { active: true } }, select: { userId: true, organizationId: true } });
}

/** Opens a vote on an eligible proposal in review: chairs of its group and the secretariat. */
export async function openVote(actor: Actor | null, proposalId: string, raw: unknown) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "vote.open");
  const parsed = ZOpenVote.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const rules = parsed.data;
  const problem = closingTimeProblem(rules.closesAt, new Date(), config().demo ? DEMO_MIN_OPEN_MINUTES : MIN_OPEN_MINUTES);
  if (problem) throw new ValidationError({ closesAt: problem });
  const { proposal, roles, facts, eligibilityBase } = await loadProposalContext(actor, proposalId);
  // Who may open it is settled before what they asked for: someone who may not open a vote is
  // told so, not that their quorum is too low.
  const decision = decide(proposal.status, "openVoting", roles, facts);
  if (!decision.ok) throw new AppError(roles.some((r) => r === "chair" || r === "secretariat") ? "CONFLICT" : "FORBIDDEN", decision.reason);
  // A chair may ask for more than the usual quorum; only the secretariat may accept fewer.
  if (rules.quorum < DEFAULT_QUORUM && !actor.secretariat) {
    throw new ValidationError({ quorum: `Only the secretariat can set a quorum below ${DEFAULT_QUORUM} organizations.` });
  }

  const vote = await db.$transaction(async (tx) => {
    // Guarded by the status it was decided from: of two simultaneous openings, one wins.
    const { count } = await tx.proposal.updateMany({
      where: { id: proposalId, status: "IN_REVIEW", version: proposal.version },
      data: { status: "VOTING", statusChangedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "Someone else changed this proposal a moment ago. Reload to see where it is now.");
    // The row is now locked: interests recorded before this point are final. Check them again,
    // so a partner withdrawing at the same instant cannot leave a vote on an ineligible proposal.
    const interests = await tx.partnerInterest.findMany({
      where: { proposalId },
      select: { level: true, organization: { select: { shortName: true, country: true } } },
    });
    const partners = checkEligibility({
      ...eligibilityBase,
      // The page showed a threshold shared between requests; the decision reads the stored one.
      threshold: await readRareThreshold(tx),
      interests: interests.map((i) => ({ organization: i.organization.shortName, country: i.organization.country, level: i.level })),
    });
    const reason = ineligibilityReason(partners);
    if (reason) throw new AppError("CONFLICT", reason);
    const created = await tx.vote.create({
      data: { proposalId, closesAt: rules.closesAt, quorum: rules.quorum, passRule: rules.passRule, openedById: actor.userId },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "proposal.openVoting",
      entityType: "proposal",
      entityId: proposalId,
      groupId: proposal.groupId,
      data: { from: "IN_REVIEW", to: "VOTING", voteId: created.id, closesAt: rules.closesAt.toISOString(), quorum: rules.quorum, passRule: rules.passRule },
    });
    await tx.notification.createMany({
      data: (await representatives(tx)).map((r) => ({
        userId: r.userId,
        kind: "vote.opened",
        title: `Vote opened: ${proposal.title}`,
        body: `Your organization's ballot is due by ${formatDateTime(rules.closesAt, "UTC")}.`,
        link: `/proposals/${proposalId}`,
        dedupeKey: `vote.opened:${created.id}`,
      })),
      skipDuplicates: true,
    });
    return created;
  });
  // Closing on time does not depend on this: the minute sweep closes any overdue vote too.
  const { scheduleVoteClose } = await import("@/lib/jobs/queue");
  await scheduleVoteClose(vote.id, vote.closesAt).catch((error: Error) => console.error(`[jobs] could not schedule the close of vote ${vote.id}: ${error.message}`));
  nudgeMailWorker();
  return vote;
}

/**
 * Casts or changes the actor's organization's ballot. The vote row is read FOR SHARE against the
 * database clock: a close takes the row for update, so a ballot cast at the instant of the close
 * either commits first and is counted, or waits and is refused. Never lost, never half-counted.
 */
export async function castBallot(actor: Actor | null, voteId: string, raw: unknown) {
  voteId = requireKey(voteId, "vote");
  assertCan(actor, "ballot.cast");
  const organizationId = actor.organizationId;
  if (!organizationId) throw new AppError("FORBIDDEN", "Only an organization's representative can cast its ballot.");
  const parsed = ZBallot.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const { choice, rationale } = parsed.data;
  const write = () =>
    db.$transaction(async (tx) => {
      const [vote] = await tx.$queryRaw<{ proposalId: string; status: string; open: boolean; closesAt: Date }[]>`
        SELECT "proposalId", "status"::text AS "status", "closesAt" > now() AS "open", "closesAt"
        FROM "Vote" WHERE "id" = ${voteId} FOR SHARE`;
      if (!vote) throw new AppError("NOT_FOUND", "No such vote.");
      if (vote.status !== "OPEN" || !vote.open) {
        throw new AppError("CONFLICT", `The vote closed at ${formatDateTime(vote.closesAt, "UTC")}; ballots can no longer be cast or changed.`);
      }
      const ballot = await tx.ballot.upsert({
        where: { voteId_organizationId: { voteId, organizationId } },
        create: { voteId, organizationId, choice, rationale, castById: actor.userId },
        update: { choice, rationale, castById: actor.userId },
      });
      // The audit says that the organization voted, never how: ballots are secret until the close.
      await audit(tx, { actorId: actor.userId, action: "ballot.cast", entityType: "proposal", entityId: vote.proposalId, organizationId, data: { voteId } });
      return ballot;
    });
  return retryOnUniqueViolation(write);
}

const PROPOSAL_EVENT: Record<Outcome, { event: ProposalEvent; to: "APPROVED" | "REJECTED" | "IN_REVIEW" }> = {
  PASSED: { event: "approve", to: "APPROVED" },
  FAILED: { event: "reject", to: "REJECTED" },
  NO_QUORUM: { event: "returnToReview", to: "IN_REVIEW" },
};

/**
 * Closes a vote: at its deadline (by the job queue, `early` false) or earlier by the secretariat
 * with a reason. The tally is computed from the stored ballots in the same transaction as the
 * close, the proposal moves on, and everything is audited. Closing twice is harmless.
 */
async function closeVote(voteId: string, closer: { actorId: string | null; early: boolean; reason?: string }) {
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
    );
    await tx.vote.update({ where: { id: voteId }, data: { outcome: result.outcome, tally: { ...result } } });
    const next = PROPOSAL_EVENT[result.outcome];
    const moved = await tx.proposal.updateMany({
      where: { id: vote.proposalId, status: "VOTING" },
      data: { status: next.to, statusChangedAt: new Date(), version: { increment: 1 }, ...(next.to === "REJECTED" ? { closedReason: "The vote failed." } : {}) },
    });
    await audit(tx, {
      actorId: closer.actorId,
      action: "vote.closed",
      entityType: "proposal",
      entityId: vote.proposalId,
      reason: closer.reason ?? null,
      data: { voteId, early: closer.early, outcome: result.outcome, approve: result.approve, reject: result.reject, abstain: result.abstain, recused: result.recused },
    });
    if (moved.count === 1) {
      await notifyProposal(tx, vote.proposalId, { kind: "status", newStatus: next.to }, closer.actorId, {
        kind: "proposal.status",
        title: `${{ APPROVED: "Approved", REJECTED: "Rejected", IN_REVIEW: "Back in review" }[next.to]}: the vote closed`,
      });
      await audit(tx, {
        actorId: closer.actorId,
        action: `proposal.${next.event}`,
        entityType: "proposal",
        entityId: vote.proposalId,
        data: { from: "VOTING", to: next.to, voteId },
      });
    }
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: vote.proposalId }, select: { title: true } });
    const words = { PASSED: "passed: the proposal is approved", FAILED: "failed: the proposal is rejected", NO_QUORUM: "did not reach quorum: the proposal returns to review" };
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

const ZCloseReason = plainText(2000).pipe(z.string().min(1, "Say why the vote closes before its time: everyone will see it."));

export async function closeVoteEarly(actor: Actor | null, voteId: string, rawReason: string) {
  voteId = requireKey(voteId, "vote");
  assertCan(actor, "vote.closeEarly");
  const reason = ZCloseReason.safeParse(rawReason);
  if (!reason.success) throw new ValidationError({ reason: reason.error.issues[0]!.message });
  const result = await closeVote(voteId, { actorId: actor.userId, early: true, reason: reason.data });
  if (!result) throw new AppError("CONFLICT", "This vote is already closed.");
  return result;
}

/** The job queue's work: closes every vote whose deadline has passed. Returns how many it closed. */
export async function closeDueVotes(): Promise<number> {
  const due = await db.vote.findMany({ where: { status: "OPEN", closesAt: { lte: new Date() } }, select: { id: true }, take: 100 });
  let closed = 0;
  for (const { id } of due) if (await closeVote(id, { actorId: null, early: false })) closed++;
  return closed;
}

export const REMINDER_HOURS = [48, 24] as const;

/**
 * Reminds the representatives of organizations that have not voted, 48 and 24 hours before the
 * close. Idempotent: each reminder has a key, so running it every minute notifies once.
 */
export async function sendDueReminders(now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + REMINDER_HOURS[0] * 3600_000);
  const votes = await db.vote.findMany({
    where: { status: "OPEN", closesAt: { gt: now, lte: horizon } },
    take: 100,
    select: { id: true, closesAt: true, proposalId: true, proposal: { select: { title: true } }, ballots: { select: { organizationId: true } } },
  });
  if (votes.length === 0) return 0;
  const reps = await representatives(db);
  const data: Prisma.NotificationCreateManyInput[] = [];
  for (const vote of votes) {
    const hoursLeft = (vote.closesAt.getTime() - now.getTime()) / 3600_000;
    const voted = new Set(vote.ballots.map((b) => b.organizationId));
    // The nearest reminder only: a vote opened 20 hours before its close gets the 24-hour one.
    const hours = REMINDER_HOURS.filter((h) => hoursLeft <= h).at(-1);
    if (hours !== undefined) {
      for (const rep of reps) {
        if (voted.has(rep.organizationId)) continue;
        data.push({
          userId: rep.userId,
          kind: "vote.closing",
          title: `Your organization has not voted: ${vote.proposal.title}`,
          body: `The vote closes in less than ${hours} hours.`,
          link: `/proposals/${vote.proposalId}`,
          dedupeKey: `vote.closing:${vote.id}:${hours}`,
        });
      }
    }
  }
  const { count } = await db.notification.createMany({ data, skipDuplicates: true });
  if (count) nudgeMailWorker();
  return count;
}
