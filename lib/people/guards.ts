import "server-only";
// The rules every change of a person's standing keeps, checked under a lock so that two changes
// at the same moment are decided one after the other.
import { AppError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/prisma-client";

type Tx = Prisma.TransactionClient;

/**
 * Locks the organization's row: every change that can take away a representative (demotion,
 * deactivation) takes this lock before counting, so two representatives demoting each other at
 * once are decided one after the other and the second finds itself the last.
 */
export async function lockOrganization(tx: Tx, organizationId: string) {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
}

/** Refuses when `userId` is the organization's last active representative. Call under lockOrganization. */
export async function assertNotLastRepresentative(tx: Tx, organizationId: string, userId: string, field: string) {
  const others = await tx.membership.count({
    where: { organizationId, role: "REPRESENTATIVE", userId: { not: userId }, user: { active: true } },
  });
  if (others === 0) {
    throw new ValidationError({
      [field]:
        "This is the organization's last active representative: an organization always keeps one. Make someone else its representative first.",
    });
  }
}

/** The secretariat has no row of its own to lock: a transaction-scoped advisory lock stands for it. */
export async function lockSecretariat(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('people:secretariat'))`;
}

export async function assertNotLastSecretariat(tx: Tx, userId: string, field: string) {
  const others = await tx.user.count({ where: { secretariat: true, active: true, id: { not: userId } } });
  if (others === 0) {
    throw new ValidationError({ [field]: "This is the last active secretariat person: the portal always keeps one." });
  }
}

/** Nobody changes their own standing: another manager (or the command line) does. */
export function assertNotSelf(actorId: string, userId: string, field: string, what: string) {
  if (actorId === userId) throw new ValidationError({ [field]: `You cannot ${what}: ask another representative or the secretariat.` });
}

export function notFound(): never {
  throw new AppError("NOT_FOUND", "No such person.");
}
