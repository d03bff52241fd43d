import "server-only";
import { randomUUID } from "node:crypto";
import { requireKey } from "@/lib/validation";
import { nudgeMailWorker } from "@/lib/jobs/nudge";
import { readRareThreshold } from "@/lib/settings";
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import { retryOnUniqueViolation } from "@/lib/retry";
import { loadProposalContext } from "@/lib/proposals/queries";
import { decide } from "@/lib/proposals/workflow";
import { checkEligibility, ineligibilityReason } from "@/lib/proposals/eligibility";
import { formatDateTime } from "@/lib/time";
import { instantFromWallTime } from "@/lib/wall-time";
import { config } from "@/lib/config";
import { DEMO_MIN_OPEN_MINUTES, MIN_OPEN_MINUTES, ZBallot, ZCloseReason, closingTimeProblem, openVoteSchema } from "./schema";
import { defaultQuorum } from "./tally";
import { MAX_VOTE_DOCUMENTS } from "./limits";
import { closeVote, representatives, scheduleVoteClose } from "./close";
import { log } from "@/lib/runtime/log";

/**
 * The form gives the closing time as the person typed it, in their own zone ("closes" and "zone");
 * an instant ("closesAt") is taken as it is. Either way the rules below see one instant.
 */
function closingInstant(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const { closes, zone, ...rest } = raw as { closes?: unknown; zone?: unknown };
  if (typeof closes !== "string" || closes === "") return rest;
  const at = typeof zone === "string" ? instantFromWallTime(closes, zone) : null;
  return { ...rest, closesAt: at ?? "not a time" };
}

/** The document versions a vote is on, as the form sends them: plain ids, at most MAX_VOTE_DOCUMENTS. */
function versionIds(raw: unknown): string[] {
  const list = raw && typeof raw === "object" ? (raw as { documentVersionIds?: unknown }).documentVersionIds : undefined;
  if (list === undefined) return [];
  const ids = Array.isArray(list) ? list : [list];
  if (ids.length > MAX_VOTE_DOCUMENTS || ids.some((id) => typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id))) {
    throw new ValidationError({ documentVersionIds: "Choose the document versions from the list." });
  }
  return [...new Set(ids as string[])];
}

export async function openVote(actor: Actor | null, proposalId: string, raw: unknown) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "vote.open");
  // The rules follow the Organization table: as many ballots as members, a majority by default.
  const members = await db.organization.count();
  const usualQuorum = defaultQuorum(members);
  const parsed = openVoteSchema(members).safeParse(closingInstant(raw));
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
  if (rules.quorum < usualQuorum && !actor.secretariat) {
    throw new ValidationError({ quorum: `Only the secretariat can set a quorum below ${usualQuorum} of ${members} organizations.` });
  }
  // Which versions, once it is settled that this person may open the vote (checked against the proposal below).
  const documentVersionIds = versionIds(raw);

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
    // The versions voted on must be this proposal's (the ids came from the browser).
    if (documentVersionIds.length > 0) {
      const own = await tx.documentVersion.count({ where: { id: { in: documentVersionIds }, document: { proposalId } } });
      if (own !== documentVersionIds.length) {
        throw new ValidationError({ documentVersionIds: "Choose document versions of this proposal only." });
      }
      await tx.voteDocument.createMany({
        data: documentVersionIds.map((documentVersionId) => ({ voteId: created.id, documentVersionId })),
      });
    }
    await audit(tx, {
      actorId: actor.userId,
      action: "proposal.openVoting",
      entityType: "proposal",
      entityId: proposalId,
      groupId: proposal.groupId,
      data: {
        from: "IN_REVIEW",
        to: "VOTING",
        voteId: created.id,
        closesAt: rules.closesAt.toISOString(),
        quorum: rules.quorum,
        passRule: rules.passRule,
        documentVersionIds,
      },
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
  await scheduleVoteClose(vote.id, vote.closesAt).catch((error: Error) =>
    log.child({ area: "jobs" }).error(`could not schedule the close of vote ${vote.id}: ${error.message}`),
  );
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
      // One statement: the vote read FOR SHARE, and the ballot written (or changed) only when the
      // vote is open by the database clock. Under READ COMMITTED a close that committed while this
      // waited for the row is seen, and nothing is written.
      const [vote] = await tx.$queryRaw<{ proposalId: string; status: string; open: boolean; closesAt: Date; ballotId: string | null }[]>`
        WITH v AS (
          SELECT "id", "proposalId", "status"::text AS "status", "closesAt" > now() AS "open", "closesAt"
          FROM "Vote" WHERE "id" = ${voteId} FOR SHARE
        ), b AS (
          INSERT INTO "Ballot" ("id", "voteId", "organizationId", "choice", "rationale", "castById", "updatedAt")
          SELECT ${randomUUID()}, v."id", ${organizationId}, ${choice}::"BallotChoice", ${rationale}, ${actor.userId}, now()
          FROM v WHERE v."status" = 'OPEN' AND v."open"
          ON CONFLICT ("voteId", "organizationId") DO UPDATE
            SET "choice" = EXCLUDED."choice", "rationale" = EXCLUDED."rationale", "castById" = EXCLUDED."castById", "updatedAt" = EXCLUDED."updatedAt"
          RETURNING "id"
        )
        SELECT v."proposalId", v."status", v."open", v."closesAt", (SELECT "id" FROM b) AS "ballotId" FROM v`;
      if (!vote) throw new AppError("NOT_FOUND", "No such vote.");
      if (vote.status !== "OPEN" || !vote.open || !vote.ballotId) {
        throw new AppError(
          "CONFLICT",
          `The vote closed at ${formatDateTime(vote.closesAt, "UTC")}; ballots can no longer be cast or changed.`,
        );
      }
      // The audit says that the organization voted, never how: ballots are secret until the close.
      await audit(tx, {
        actorId: actor.userId,
        action: "ballot.cast",
        entityType: "proposal",
        entityId: vote.proposalId,
        organizationId,
        data: { voteId },
      });
      return { id: vote.ballotId, voteId, organizationId, choice, rationale };
    });
  return retryOnUniqueViolation(write);
}

export async function closeVoteEarly(actor: Actor | null, voteId: string, rawReason: string) {
  voteId = requireKey(voteId, "vote");
  assertCan(actor, "vote.closeEarly");
  const reason = ZCloseReason.safeParse(rawReason);
  if (!reason.success) throw new ValidationError({ reason: reason.error.issues[0]!.message });
  const result = await closeVote(voteId, { actorId: actor.userId, early: true, reason: reason.data });
  if (!result) throw new AppError("CONFLICT", "This vote is already closed.");
  return result;
}
