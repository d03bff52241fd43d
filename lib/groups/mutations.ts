import "server-only";
import { z } from "zod";
import { formId, requireKey } from "@/lib/validation";
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/retry";
import type { Prisma } from "@/lib/prisma-client";
import { groupSlug } from "./slug";
import { ZCreateGroup } from "./schema";
import { assertAllowed } from "@/lib/authz/rules";

async function chairsAnyGroup(userId: string) {
  return (await db.groupMember.count({ where: { userId, role: "CHAIR" } })) > 0;
}

export async function createGroup(actor: Actor | null, raw: unknown) {
  assertCan(actor, "group.manage");
  assertAllowed(actor, "group.create", { chairsAnyGroup: await chairsAnyGroup(actor.userId) });
  const parsed = ZCreateGroup.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  if (input.incidencePer100k !== null && !input.incidenceSource) {
    throw new ValidationError({ incidenceSource: "Say where the incidence figure comes from." });
  }
  try {
    return await db.$transaction(async (tx) => {
      const group = await tx.expertGroup.create({
        data: {
          slug: groupSlug(input.cancer),
          name: `${input.cancer} expert group`,
          cancer: input.cancer,
          description: input.description || null,
          incidencePer100k: input.incidencePer100k,
          incidenceSource: input.incidenceSource || null,
          status: "PROPOSED",
          // Whoever convenes a group chairs it until they name others.
          members: actor.secretariat ? undefined : { create: { userId: actor.userId, role: "CHAIR" } },
        },
      });
      await audit(tx, { actorId: actor.userId, action: "group.created", entityType: "group", entityId: group.id, groupId: group.id });
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ValidationError({ cancer: "There is already an expert group for this cancer." });
    }
    throw error;
  }
}

async function loadManagedGroup(actor: Actor, groupId: string) {
  const group = await db.expertGroup.findUnique({
    where: { id: groupId },
    select: { id: true, members: { where: { userId: actor.userId, role: "CHAIR" }, select: { id: true } } },
  });
  if (!group) throw new AppError("NOT_FOUND", "No such expert group.");
  assertAllowed(actor, "group.manage", { chairsThisGroup: group.members.length > 0 });
  return group;
}

/** Serializes changes to one group's members, so two chairs cannot remove each other at once. */
async function lockGroup(tx: Prisma.TransactionClient, groupId: string) {
  await tx.$queryRaw`SELECT "id" FROM "ExpertGroup" WHERE "id" = ${groupId} FOR UPDATE`;
}

/** A group that has a chair keeps one: removing or demoting the last is refused. */
async function assertAnotherChair(tx: Prisma.TransactionClient, groupId: string, userId: string) {
  const others = await tx.groupMember.count({ where: { groupId, role: "CHAIR", userId: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "A group keeps at least one chair: name another chair first.");
}

const ZMember = z.object({ userId: formId("Choose a person."), role: z.enum(["CHAIR", "MEMBER"], { message: "Choose chair or member." }) });

/** Adds a person from any member organization, or changes their role in the group. */
export async function setGroupMember(actor: Actor | null, groupId: string, raw: unknown) {
  groupId = requireKey(groupId, "expert group");
  assertCan(actor, "group.manage");
  const group = await loadManagedGroup(actor, groupId);
  const parsed = ZMember.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const { userId, role } = parsed.data;
  const person = await db.user.findFirst({ where: { id: userId, active: true, membership: { isNot: null } }, select: { id: true } });
  if (!person) throw new ValidationError({ userId: "Choose a person who belongs to a member organization." });
  return db.$transaction(async (tx) => {
    await lockGroup(tx, group.id);
    const existing = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId: group.id, userId } } });
    if (existing?.role === "CHAIR" && role === "MEMBER") await assertAnotherChair(tx, group.id, userId);
    const member = await tx.groupMember.upsert({
      where: { groupId_userId: { groupId: group.id, userId } },
      create: { groupId: group.id, userId, role },
      update: { role },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "group.member_set",
      entityType: "group",
      entityId: group.id,
      groupId: group.id,
      data: { userId, role },
    });
    return member;
  });
}

export async function removeGroupMember(actor: Actor | null, groupId: string, userId: string) {
  groupId = requireKey(groupId, "expert group");
  userId = requireKey(userId, "person in this group");
  assertCan(actor, "group.manage");
  const group = await loadManagedGroup(actor, groupId);
  return db.$transaction(async (tx) => {
    await lockGroup(tx, group.id);
    const member = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId: group.id, userId } } });
    if (!member) throw new AppError("NOT_FOUND", "That person is not in the group.");
    if (member.role === "CHAIR") await assertAnotherChair(tx, group.id, userId);
    await tx.groupMember.delete({ where: { id: member.id } });
    await audit(tx, {
      actorId: actor.userId,
      action: "group.member_removed",
      entityType: "group",
      entityId: group.id,
      groupId: group.id,
      data: { userId },
    });
  });
}

/** People who could join a group: active members of any organization, not already in it. */
export async function candidatesFor(actor: Actor | null, groupId: string) {
  groupId = requireKey(groupId, "expert group");
  assertCan(actor, "group.manage");
  await loadManagedGroup(actor, groupId);
  return db.user.findMany({
    where: { active: true, membership: { isNot: null }, groupRoles: { none: { groupId } } },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, membership: { select: { organization: { select: { shortName: true } } } } },
  });
}
