import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireKey } from "@/lib/validation";

type Tx = Prisma.TransactionClient;

/**
 * The session the request came with, which must be one of the actor's and still live: the one
 * kept when the others end. Without it nothing is deleted (with no session to keep, "everything
 * else" would be everything).
 */
async function currentSessionOf(tx: Tx, actor: Actor, currentToken: string | null) {
  const current = currentToken
    ? await tx.session.findFirst({
        where: { sessionToken: currentToken, userId: actor.userId, expires: { gt: new Date() } },
        select: { id: true },
      })
    : null;
  if (!current) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  return current;
}

/**
 * Ends every other session of the signed-in person (another browser, a lost phone), keeping the
 * one they are using; the deletions and their audit row in one transaction. Returns how many ended.
 */
export async function signOutEverywhereElse(actor: Actor | null, currentToken: string | null): Promise<number> {
  assertCan(actor, "account.view");
  return db.$transaction(async (tx) => {
    const current = await currentSessionOf(tx, actor, currentToken);
    const { count } = await tx.session.deleteMany({ where: { userId: actor.userId, id: { not: current.id } } });
    if (count === 0) return 0;
    await audit(tx, {
      actorId: actor.userId,
      action: "auth.signed_out_elsewhere",
      entityType: "user",
      entityId: actor.userId,
      data: { count },
    });
    return count;
  });
}

/**
 * Ends one other session of the signed-in person. Someone else's session, or one already ended,
 * is not found: the person is part of the delete's `where`, so no id reaches another's session.
 */
export async function signOutSession(actor: Actor | null, rawSessionId: unknown, currentToken: string | null): Promise<void> {
  assertCan(actor, "account.view");
  const sessionId = requireKey(rawSessionId, "session");
  await db.$transaction(async (tx) => {
    const current = await currentSessionOf(tx, actor, currentToken);
    if (current.id === sessionId) {
      throw new AppError("INVALID", "This is the session you are using: to end it, choose Sign out in your account menu.");
    }
    const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId: actor.userId } });
    if (count === 0) throw new AppError("NOT_FOUND", "No such session: it may have ended already.");
    await audit(tx, {
      actorId: actor.userId,
      action: "auth.session_signed_out",
      entityType: "user",
      entityId: actor.userId,
      data: { sessionId },
    });
  });
}
