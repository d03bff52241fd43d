import "server-only";
import { randomUUID } from "node:crypto";
import { nudgeMailWorker } from "@/lib/jobs/nudge";
import { recordProposalClosedEarly } from "@/lib/decisions/record";
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/prisma-client";
import { retryOnUniqueViolation } from "@/lib/retry";
import { notifyProposal } from "@/lib/notifications";
import { loadProposalContext, shownProposal } from "./queries";
import { ZCreateProposal, ZProposalContent, ZRecordInterest, ZTransition, CONTENT_FIELDS, type ProposalContent } from "./schema";
import {
  EDITABLE_STATUSES,
  INTEREST_OPEN_STATUSES,
  PROPOSAL_EVENTS,
  STATUS_LABEL,
  STATUS_PHRASE,
  TRANSITIONS,
  decide,
  type ProposalEvent,
} from "./workflow";
import { MAX_INT4, requireKey } from "@/lib/validation";
import { assertAllowed } from "@/lib/authz/rules";
import { pledgeFromSites } from "@/lib/feasibility/estimate";

/** Invalid input: the message for the form, and a message per field. */

function contentOf(p: ProposalContent): Prisma.InputJsonObject {
  return Object.fromEntries(CONTENT_FIELDS.map((f) => [f, p[f]])) as Prisma.InputJsonObject;
}

export async function createProposal(actor: Actor | null, raw: unknown) {
  assertCan(actor, "proposal.create");
  const parsed = ZCreateProposal.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  const [group, lead] = await Promise.all([
    db.expertGroup.findUnique({
      where: { id: input.groupId },
      select: { id: true, status: true, members: { where: { userId: actor.userId }, select: { id: true } } },
    }),
    db.organization.findUnique({ where: { id: input.leadOrganizationId }, select: { id: true } }),
  ]);
  if (!group) throw new ValidationError({ groupId: "Choose an expert group from the list." });
  if (!lead) throw new ValidationError({ leadOrganizationId: "Choose a lead organization from the list." });
  assertAllowed(actor, "proposal.create", { isGroupMember: group.members.length > 0 });
  if (group.status === "CLOSED" || group.status === "DORMANT") {
    throw new ValidationError({ groupId: "This expert group is not taking new proposals." });
  }
  const content = ZProposalContent.parse({
    title: input.title,
    population: "",
    intervention: "",
    comparator: "",
    primaryOutcome: "",
    rationale: "",
    phase: null,
    randomised: null,
    sampleSize: null,
    plannedAccrualMonths: null,
    primaryEndpoint: "",
    noOtherForum: "",
  });
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.create({
      data: {
        groupId: group.id,
        leadOrganizationId: lead.id,
        title: content.title,
        createdById: actor.userId,
        authors: { create: { userId: actor.userId } },
        revisions: { create: { number: 1, content: contentOf(content), authorId: actor.userId } },
      },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "proposal.created",
      entityType: "proposal",
      entityId: proposal.id,
      groupId: group.id,
      data: { title: content.title },
    });
    return proposal;
  });
}

/**
 * Saves a draft as a new revision. `version` is the one the editor loaded: if someone saved in
 * between, nothing is written and the caller keeps the text that was typed.
 */
export async function saveProposal(actor: Actor | null, id: string, raw: unknown, version: number) {
  id = requireKey(id, "proposal");
  assertCan(actor, "proposal.view");
  // The version comes back from a hidden field: anything but a positive whole number is a form
  // that was tampered with or is out of date, never a reason for a database error.
  if (!Number.isSafeInteger(version) || version < 1 || version > MAX_INT4) {
    throw new AppError("INVALID", "This form is out of date: reload the page, then apply your changes again.");
  }
  const parsed = ZProposalContent.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  // The row the page shows (exact: every change drops it when it commits); the update below is
  // guarded by the version and the status, so a change committed since is never overwritten.
  const { proposal, access } = await shownProposal(id);
  assertAllowed(actor, "proposal.edit", access);
  if (!EDITABLE_STATUSES.includes(proposal.status)) {
    throw new AppError("CONFLICT", `The proposal is ${STATUS_PHRASE[proposal.status]}: only drafts can be edited.`);
  }
  const content = parsed.data;
  return db.$transaction(async (tx) => {
    const { count } = await tx.proposal.updateMany({
      where: { id, version, status: { in: [...EDITABLE_STATUSES] } },
      data: { ...content, version: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        "Someone else saved this proposal after you opened it. Your text is still in the form: copy what you need, reload to see their version, then apply your changes again.",
      );
    }
    // Revisions are numbered 1, 2, 3… (the version also counts status changes, so it can skip):
    // the next number and the row in one statement, while the update above holds the proposal's
    // row, so saves of one proposal number their revisions one after another.
    const [{ number }] = await tx.$queryRaw<[{ number: number }]>`
      INSERT INTO "ProposalRevision" ("id", "proposalId", "number", "content", "authorId")
      SELECT ${randomUUID()}, ${id}, coalesce(max("number"), 0) + 1, ${JSON.stringify(contentOf(content))}::jsonb, ${actor.userId}
      FROM "ProposalRevision" WHERE "proposalId" = ${id}
      RETURNING "number"`;
    // Whoever saves a revision is one of its authors (authors are never removed, so one already
    // named stays named; a first save adds them, and a concurrent first save adds them once).
    if (!access.authorIds.includes(actor.userId)) {
      await tx.proposalAuthor.createMany({ data: [{ proposalId: id, userId: actor.userId }], skipDuplicates: true });
    }
    await audit(tx, { actorId: actor.userId, action: "proposal.saved", entityType: "proposal", entityId: id, data: { revision: number } });
    return { version: version + 1, revision: number };
  });
}

/** Records the actor's own organization's interest. The organization comes from the session, never the form. */
export async function recordInterest(actor: Actor | null, proposalId: string, raw: unknown) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "interest.record");
  const organizationId = actor.organizationId;
  if (!organizationId) throw new AppError("FORBIDDEN", "Only an organization's representative can record its interest.");
  const parsed = ZRecordInterest.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: { id: true, status: true, leadOrganizationId: true },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  if (!INTEREST_OPEN_STATUSES.includes(proposal.status)) {
    throw new AppError("CONFLICT", `Interest is recorded before the vote; this proposal is ${STATUS_PHRASE[proposal.status]}.`);
  }
  if (input.level === "LEAD" && proposal.leadOrganizationId !== organizationId) {
    throw new ValidationError({ level: "Only the lead organization named on the proposal can record that it leads." });
  }
  const data = {
    level: input.level,
    expectedSites: input.expectedSites,
    expectedPatientsPerYear: input.expectedPatientsPerYear,
    note: input.note,
    recordedById: actor.userId,
  };
  const write = () =>
    db.$transaction(async (tx) => {
      // Read the status again under a share lock: a vote opening at this instant (which updates
      // the row) either waits for this interest or makes it refused, never both.
      const [row] = await tx.$queryRaw<
        { status: string }[]
      >`SELECT "status"::text AS "status" FROM "Proposal" WHERE "id" = ${proposalId} FOR SHARE`;
      if (!row || !(INTEREST_OPEN_STATUSES as readonly string[]).includes(row.status)) {
        throw new AppError("CONFLICT", "The proposal went to a vote a moment ago: interest can no longer be changed.");
      }
      // With feasibility sites the pledge is their sum, whatever the form says (the form says so too);
      // the interest row is locked first, as a change of sites locks it, so the sum is current.
      await tx.$queryRaw`SELECT 1 FROM "PartnerInterest" WHERE "proposalId" = ${proposalId} AND "organizationId" = ${organizationId} FOR UPDATE`;
      const figures = pledgeOfSites(
        await tx.feasibilitySite.findMany({
          where: { proposalId, organizationId },
          select: { patientsSeenPerYear: true, eligibleShare: true, consentShare: true, competingTrials: true },
        }),
      );
      const recorded = { ...data, ...figures };
      const interest = await tx.partnerInterest.upsert({
        where: { proposalId_organizationId: { proposalId, organizationId } },
        create: { proposalId, organizationId, ...recorded },
        update: recorded,
      });
      await tx.partnerInterestRecord.create({ data: { proposalId, organizationId, ...recorded } });
      await audit(tx, {
        actorId: actor.userId,
        action: "interest.recorded",
        entityType: "proposal",
        entityId: proposalId,
        organizationId,
        data: { level: input.level, expectedSites: recorded.expectedSites, expectedPatientsPerYear: recorded.expectedPatientsPerYear },
      });
      return interest;
    });
  // Two first recordings at the same instant: the unique key lets one insert; the other updates.
  return retryOnUniqueViolation(write);
}

/** The figures an organization's feasibility sites pledge, or nothing to override when it has none. */
function pledgeOfSites(sites: Parameters<typeof pledgeFromSites>[0]) {
  if (sites.length === 0) return {};
  const pledge = pledgeFromSites(sites);
  return { expectedSites: pledge.sites, expectedPatientsPerYear: pledge.wholePatients };
}

function isEvent(value: string): value is ProposalEvent {
  return (PROPOSAL_EVENTS as string[]).includes(value);
}

/**
 * Moves a proposal along the workflow. The update is guarded by the status it was decided from,
 * so of two concurrent transitions exactly one wins; the audit event is in the same transaction.
 */
export async function transitionProposal(actor: Actor | null, id: string, event: string, rawReason?: string) {
  id = requireKey(id, "proposal");
  assertCan(actor, "proposal.view");
  if (!isEvent(event)) throw new AppError("INVALID", "Unknown action.");
  const reasonParsed = ZTransition.shape.reason.safeParse(rawReason ?? "");
  if (!reasonParsed.success) throw new ValidationError({ reason: reasonParsed.error.issues[0]!.message });
  const reason = reasonParsed.data;
  if (event === "openVoting") throw new AppError("INVALID", "Open a vote from the vote panel: it sets the closing time and the rules.");
  const { proposal, roles, facts } = await loadProposalContext(actor, id);
  const decision = decide(proposal.status, event, roles, facts, reason);
  if (!decision.ok) {
    const code = roles.some((r) => (TRANSITIONS[event].roles as readonly string[]).includes(r)) ? "CONFLICT" : "FORBIDDEN";
    throw new AppError(code, decision.reason);
  }
  const closing = decision.to === "REJECTED" || decision.to === "WITHDRAWN" || decision.to === "CLOSED_EARLY";
  const done = await db.$transaction(async (tx) => {
    // Guarded by the version the decision was made on: a save or a status change in between
    // (say, a co-author blanking the hypothesis) makes this one refused, not applied to stale facts.
    const { count } = await tx.proposal.updateMany({
      where: { id, status: proposal.status, version: proposal.version },
      data: {
        status: decision.to,
        statusChangedAt: new Date(),
        version: { increment: 1 },
        ...(closing ? { closedReason: reason?.trim() } : {}),
      },
    });
    if (count === 0) throw new AppError("CONFLICT", "Someone else changed this proposal a moment ago. Reload to see where it is now.");
    await audit(tx, {
      actorId: actor.userId,
      action: `proposal.${event}`,
      entityType: "proposal",
      entityId: id,
      groupId: proposal.groupId,
      reason: reason?.trim() || null,
      data: { from: proposal.status, to: decision.to },
    });
    // Closing early is a decision of the group: the register keeps it, with the reason (reason required by the workflow).
    if (decision.to === "CLOSED_EARLY") {
      await recordProposalClosedEarly(tx, {
        proposalId: id,
        actorId: actor.userId,
        from: STATUS_LABEL[proposal.status],
        reason: reason!.trim(),
      });
    }
    const title = `${STATUS_LABEL[decision.to]}: ${proposal.title}`;
    await notifyProposal(tx, id, { kind: "status", newStatus: decision.to }, actor.userId, {
      kind: "proposal.status",
      title,
      body: reason?.trim(),
    });
    if (decision.to === "SUBMITTED") {
      await notifyProposal(tx, id, { kind: "interest.asked" }, actor.userId, {
        kind: "interest.asked",
        title: `Your organization is asked for its interest: ${proposal.title}`,
        body: "Would it lead, participate, be interested, or decline?",
      });
    }
    return { from: proposal.status, to: decision.to };
  });
  nudgeMailWorker();
  return done;
}
