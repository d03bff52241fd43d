import "server-only";
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { assertAllowed } from "@/lib/authz/rules";
import { audit } from "@/lib/audit/record";
import { requireKey } from "@/lib/validation";
import { GROUP_STATUS_LABEL, isGroupStatus, mayChangeStatus, type GroupStatus } from "./status";
import { ZChangeGroupStatus, ZCorrectIncidence } from "./schema";
import { recordGroupConvened } from "@/lib/decisions/record";

// Changes to an expert group after it was convened: its status (the secretariat, for IRCI's Board)
// and its incidence (its chairs and the secretariat). Each is audited with what it was, what it
// became and why, in the transaction that makes it.

function conflict(now: GroupStatus) {
  return new AppError(
    "CONFLICT",
    `Someone changed this group's status a moment ago: it is now ${GROUP_STATUS_LABEL[now].toLowerCase()}. Reload the page to see why, then decide again.`,
  );
}

/**
 * Moves a group to another status. `expectedStatus` is the status the person saw: the update is
 * guarded by it, so of two people deciding at once exactly one changes the group and the other is told.
 */
export async function changeGroupStatus(
  actor: Actor | null,
  groupId: string,
  raw: { expectedStatus: string; status: string; reason: string },
) {
  groupId = requireKey(groupId, "expert group");
  assertAllowed(actor, "group.status", {});
  const parsed = ZChangeGroupStatus.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const { status: to, reason } = parsed.data;
  // A hidden field the page filled in: anything else was not sent by the page.
  if (!isGroupStatus(raw.expectedStatus)) throw new AppError("INVALID", "The form is out of date: reload the page and try again.");
  const from = raw.expectedStatus;
  const group = await db.expertGroup.findUnique({ where: { id: groupId }, select: { id: true, status: true } });
  if (!group) throw new AppError("NOT_FOUND", "No such expert group.");
  if (group.status !== from) throw conflict(group.status);
  if (!mayChangeStatus(from, to)) {
    throw new ValidationError({
      status: `A ${GROUP_STATUS_LABEL[from].toLowerCase()} group cannot become ${GROUP_STATUS_LABEL[to].toLowerCase()}.`,
    });
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.expertGroup.updateMany({ where: { id: group.id, status: from }, data: { status: to } });
    if (count === 0) {
      const now = await tx.expertGroup.findUnique({ where: { id: group.id }, select: { status: true } });
      if (!now) throw new AppError("NOT_FOUND", "No such expert group.");
      throw conflict(now.status);
    }
    await audit(tx, {
      actorId: actor.userId,
      action: "group.status_changed",
      entityType: "group",
      entityId: group.id,
      groupId: group.id,
      reason,
      data: { from, to },
    });
    // Activating a proposed group is its convening: a decision of IRCI's Board, kept in the register.
    if (from === "PROPOSED" && to === "ACTIVE") await recordGroupConvened(tx, { groupId: group.id, actorId: actor.userId, reason });
    return { from, to };
  });
}

const asNumber = (value: { toString(): string } | null) => (value === null ? null : Number(value.toString()));
/** The column keeps three decimals: compare and record what it will hold. */
const threeDecimals = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/** Corrects the group's incidence and where it comes from; a sourced correction is no longer a demo value. */
export async function correctIncidence(
  actor: Actor | null,
  groupId: string,
  raw: { incidencePer100k: string; incidenceSource: string; reason: string },
) {
  groupId = requireKey(groupId, "expert group");
  assertCan(actor, "group.view");
  const group = await db.expertGroup.findUnique({
    where: { id: groupId },
    select: { id: true, members: { where: { userId: actor.userId, role: "CHAIR" }, select: { id: true } } },
  });
  if (!group) throw new AppError("NOT_FOUND", "No such expert group.");
  assertAllowed(actor, "group.incidence", { chairsThisGroup: group.members.length > 0 });
  const parsed = ZCorrectIncidence.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const incidence = threeDecimals(parsed.data.incidencePer100k);
  const source = parsed.data.incidenceSource || null;
  if (incidence !== null && !source) throw new ValidationError({ incidenceSource: "Say where the incidence figure comes from." });
  return db.$transaction(async (tx) => {
    // Locked, so the "before" in the audit event is what this change replaced.
    await tx.$queryRaw`SELECT "id" FROM "ExpertGroup" WHERE "id" = ${group.id} FOR UPDATE`;
    const before = await tx.expertGroup.findUniqueOrThrow({
      where: { id: group.id },
      select: { incidencePer100k: true, incidenceSource: true, incidenceIsDemo: true },
    });
    const was = { incidencePer100k: asNumber(before.incidencePer100k), incidenceSource: before.incidenceSource };
    if (was.incidencePer100k === incidence && was.incidenceSource === source && !before.incidenceIsDemo) {
      throw new ValidationError({ incidencePer100k: "This is the incidence already recorded: change the figure or its source." });
    }
    await tx.expertGroup.update({
      where: { id: group.id },
      data: { incidencePer100k: incidence, incidenceSource: source, incidenceIsDemo: false },
    });
    const now = { incidencePer100k: incidence, incidenceSource: source };
    await audit(tx, {
      actorId: actor.userId,
      action: "group.incidence_corrected",
      entityType: "group",
      entityId: group.id,
      groupId: group.id,
      reason: parsed.data.reason,
      data: { before: { ...was, demo: before.incidenceIsDemo }, after: now },
    });
    return now;
  });
}
