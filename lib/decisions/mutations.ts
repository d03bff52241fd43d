import "server-only";
// Decisions recorded by hand (a design change, another decision of a group or on a proposal or
// trial) and later edits to any decision's options and rationale: the group's chairs and the
// secretariat. The group is read from the record chosen (a proposal's group), never from the form.
// Every write is audited in its transaction; an edit carries the old text, guarded by the version.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/policy";
import { assertAllowed } from "@/lib/authz/rules";
import { audit } from "@/lib/audit/record";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { requireKey } from "@/lib/validation";
import { chairsGroup } from "./queries";
import { ZEditDecision, ZRecordDecision } from "./schema";

/** What "group:<id>" or "proposal:<id>" names: its group and proposal, loaded. */
async function subject(about: string) {
  const [type, id] = about.split(":") as ["group" | "proposal", string];
  if (type === "proposal") {
    const proposal = await db.proposal.findUnique({ where: { id }, select: { id: true, groupId: true, status: true } });
    if (!proposal || proposal.status === "DRAFT") throw new ValidationError({ about: "Choose what the decision is about from the list." });
    return { groupId: proposal.groupId, proposalId: proposal.id };
  }
  const group = await db.expertGroup.findUnique({ where: { id }, select: { id: true } });
  if (!group) throw new ValidationError({ about: "Choose what the decision is about from the list." });
  return { groupId: group.id, proposalId: null };
}

export async function recordDecision(actor: Actor | null, raw: unknown) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  const about = ZRecordDecision.shape.about.safeParse((raw as { about?: unknown } | null)?.about);
  if (!about.success) throw new ValidationError({ about: about.error.issues[0]!.message });
  const target = await subject(about.data);
  // Who may, before what they typed is judged: a refused person learns nothing from field messages.
  assertAllowed(actor, "decision.record", { chairsThisGroup: await chairsGroup(actor, target.groupId) });
  const parsed = ZRecordDecision.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const decision = await tx.decision.create({
      data: {
        kind: input.kind,
        title: input.title,
        decidedOn: input.decidedOn,
        options: input.options,
        rationale: input.rationale,
        public: input.public,
        groupId: target.groupId,
        proposalId: target.proposalId,
        recordedById: actor.userId,
      },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "decision.recorded",
      entityType: "decision",
      entityId: decision.id,
      groupId: target.groupId,
      data: { kind: input.kind, title: input.title, decidedOn: input.decidedOn, public: input.public, proposalId: target.proposalId },
    });
    return decision;
  });
}

/** Edits a decision's options and rationale. The version the person saw guards the update: of two editors, the second is told. */
export async function editDecision(actor: Actor | null, decisionId: string, raw: unknown) {
  decisionId = requireKey(decisionId, "decision");
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  const decision = await db.decision.findUnique({
    where: { id: decisionId },
    select: { id: true, groupId: true, options: true, rationale: true, version: true },
  });
  if (!decision) throw new AppError("NOT_FOUND", "No such decision.");
  assertAllowed(actor, "decision.record", { chairsThisGroup: decision.groupId ? await chairsGroup(actor, decision.groupId) : false });
  const parsed = ZEditDecision.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const { options, rationale, version } = parsed.data;
  const stale = () =>
    new AppError("CONFLICT", "Someone edited this decision a moment ago. Reload the page to see their text, then edit again.");
  // The old text read above is the one this version holds: the update below is guarded by the same version.
  if (decision.version !== version) throw stale();
  return db.$transaction(async (tx) => {
    const { count } = await tx.decision.updateMany({
      where: { id: decisionId, version },
      data: { options, rationale, version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    await audit(tx, {
      actorId: actor.userId,
      action: "decision.edited",
      entityType: "decision",
      entityId: decisionId,
      groupId: decision.groupId,
      data: { version, before: { options: decision.options, rationale: decision.rationale }, after: { options, rationale } },
    });
  });
}
