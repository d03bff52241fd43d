import "server-only";
// Changing a person's standing in the portal: their role in their organization, deactivation and
// reactivation, the secretariat's capability. Each: authorized against the person's organization as
// stored (never the request's), validated, one transaction with its audit row, and the person told.
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { assertAllowed } from "@/lib/authz/rules";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { nudgeMailWorker } from "@/lib/jobs/nudge";
import { requireKey } from "@/lib/validation";
import {
  assertNotLastRepresentative,
  assertNotLastSecretariat,
  assertNotSelf,
  lockOrganization,
  lockSecretariat,
  notFound,
} from "./guards";
import { queueAccessMail } from "./mail";
import { ROLE_WORDS, ZReason, ZSetRole, ZSetSecretariat } from "./schema";

const target = {
  id: true,
  email: true,
  name: true,
  active: true,
  secretariat: true,
  membership: { select: { organizationId: true, role: true, organization: { select: { shortName: true, slug: true } } } },
} as const;

/** The person, if the actor may manage them (the rule reads the organization the person belongs to). */
async function managedPerson(actor: Actor | null, userId: unknown) {
  assertCan(actor, "people.manage");
  const id = requireKey(userId, "person");
  const person = await db.user.findUnique({ where: { id }, select: target });
  if (!person) notFound();
  assertAllowed(actor, "people.manage", { organizationId: person.membership?.organizationId ?? null });
  return { actor, person };
}

const peoplePage = (slug: string | undefined) => (slug ? `/organizations/${slug}/people` : "/admin/people");

/** Sets a person's role in their organization. Nobody sets their own; an organization keeps a representative. */
export async function setRole(actorIn: Actor | null, userId: unknown, raw: unknown) {
  const { actor, person } = await managedPerson(actorIn, userId);
  const parsed = ZSetRole.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const to = parsed.data.role;
  assertNotSelf(actor.userId, person.id, "role", "change your own role");
  const membership = person.membership;
  if (!membership) throw new ValidationError({ role: "This person belongs to no organization, so has no role in one." });
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, membership.organizationId);
    // Read again under the lock: the role may have changed since the page was shown.
    const { role: from } = await tx.membership.findUniqueOrThrow({ where: { userId: person.id }, select: { role: true } });
    if (from === to) return { changed: false, person, to };
    if (from === "REPRESENTATIVE" && person.active) await assertNotLastRepresentative(tx, membership.organizationId, person.id, "role");
    await tx.membership.update({ where: { userId: person.id }, data: { role: to } });
    await audit(tx, {
      actorId: actor.userId,
      action: "person.role_set",
      entityType: "user",
      entityId: person.id,
      organizationId: membership.organizationId,
      data: { email: person.email, from, to },
    });
    if (person.active) {
      await tx.notification.create({
        data: {
          userId: person.id,
          kind: "account.role_changed",
          title: `You are now a ${ROLE_WORDS[to]} of ${membership.organization.shortName}`,
          body: to === "MEMBER" ? "" : `You can act for ${membership.organization.shortName}: its interest, its ballots and its people.`,
          link: "/dashboard",
        },
      });
    }
    return { changed: true, person, to };
  });
}

/**
 * Deactivates a person with a reason: no more sign-ins, and every session they have ends in the
 * same transaction (the next request of an open browser lands on sign-in). Guarded by `active`, so
 * two deactivations at once audit once. Told by email: the notification worker skips inactive people.
 */
export async function deactivate(actorIn: Actor | null, userId: unknown, rawReason: unknown) {
  const { actor, person } = await managedPerson(actorIn, userId);
  const parsed = ZReason.safeParse(rawReason);
  if (!parsed.success) throw new ValidationError({ reason: parsed.error.issues[0]!.message });
  const reason = parsed.data;
  assertNotSelf(actor.userId, person.id, "reason", "deactivate yourself");
  await db.$transaction(async (tx) => {
    // Locks in a fixed order (organization, then secretariat), so two changes never wait crosswise.
    if (person.membership) {
      await lockOrganization(tx, person.membership.organizationId);
      const { role } = await tx.membership.findUniqueOrThrow({ where: { userId: person.id }, select: { role: true } });
      if (role === "REPRESENTATIVE") await assertNotLastRepresentative(tx, person.membership.organizationId, person.id, "reason");
    }
    if (person.secretariat) {
      await lockSecretariat(tx);
      await assertNotLastSecretariat(tx, person.id, "reason");
    }
    const now = new Date();
    const { count } = await tx.user.updateMany({
      where: { id: person.id, active: true },
      data: { active: false, deactivatedAt: now, deactivationReason: reason },
    });
    if (count === 0) throw new AppError("CONFLICT", `${person.name ?? person.email} is already deactivated.`);
    await tx.session.deleteMany({ where: { userId: person.id } });
    await audit(tx, {
      actorId: actor.userId,
      action: "person.deactivated",
      entityType: "user",
      entityId: person.id,
      organizationId: person.membership?.organizationId,
      reason,
      data: { email: person.email },
    });
    await queueAccessMail(
      tx,
      { userId: person.id, email: person.email },
      {
        subject: "Your access to the IRCI portal has ended",
        paragraphs: [
          `Your account in the International Rare Cancer Initiative portal (${person.email}) was deactivated, and you were signed out everywhere.`,
          `The reason given: ${reason}`,
          `If this is a mistake, ask ${person.membership ? `${person.membership.organization.shortName}'s representative or ` : ""}the IRCI secretariat to reactivate it.`,
        ],
      },
    );
  });
  nudgeMailWorker();
  return { person, page: peoplePage(person.membership?.organization.slug) };
}

/** Lets a deactivated person sign in again; the reason they were deactivated stays on record. */
export async function reactivate(actorIn: Actor | null, userId: unknown) {
  const { actor, person } = await managedPerson(actorIn, userId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: person.id, active: false }, data: { active: true } });
    if (count === 0) throw new AppError("CONFLICT", `${person.name ?? person.email} is already active.`);
    await audit(tx, {
      actorId: actor.userId,
      action: "person.reactivated",
      entityType: "user",
      entityId: person.id,
      organizationId: person.membership?.organizationId,
      data: { email: person.email },
    });
    await tx.notification.create({
      data: {
        userId: person.id,
        kind: "account.reactivated",
        title: "Your access to the IRCI portal is back",
        body: "You can sign in again with an email link or your organization's sign-in.",
        link: "/dashboard",
      },
    });
  });
  nudgeMailWorker();
  return { person, page: peoplePage(person.membership?.organization.slug) };
}

/**
 * Grants or removes the secretariat's capability: the secretariat's decision alone, never about
 * oneself, and the portal always keeps one active secretariat person (decided under a lock).
 */
export async function setSecretariat(actor: Actor | null, userId: unknown, raw: unknown) {
  assertCan(actor, "people.manage");
  if (!actor.secretariat) throw new AppError("FORBIDDEN", "Only the secretariat grants or removes the secretariat's capability.");
  const { person } = await managedPerson(actor, userId);
  const parsed = ZSetSecretariat.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const grant = parsed.data.secretariat;
  assertNotSelf(
    actor.userId,
    person.id,
    "secretariat",
    grant ? "grant yourself the secretariat's capability" : "remove your own secretariat capability",
  );
  if (!grant && !person.membership) {
    throw new ValidationError({
      secretariat:
        "This person belongs to no organization: without the secretariat's capability they could do nothing. Deactivate them instead.",
    });
  }
  return db.$transaction(async (tx) => {
    await lockSecretariat(tx);
    if (!grant && person.active) await assertNotLastSecretariat(tx, person.id, "secretariat");
    const { count } = await tx.user.updateMany({ where: { id: person.id, secretariat: !grant }, data: { secretariat: grant } });
    if (count === 0) return { changed: false, person, grant };
    await audit(tx, {
      actorId: actor.userId,
      action: grant ? "person.secretariat_granted" : "person.secretariat_removed",
      entityType: "user",
      entityId: person.id,
      organizationId: person.membership?.organizationId,
      data: { email: person.email },
    });
    if (person.active) {
      await tx.notification.create({
        data: {
          userId: person.id,
          kind: "account.secretariat",
          title: grant ? "You now hold the IRCI secretariat's capability" : "You no longer hold the IRCI secretariat's capability",
          link: "/dashboard",
        },
      });
    }
    return { changed: true, person, grant };
  });
}
