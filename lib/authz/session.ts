import "server-only";
import { cache } from "react";
import { getServerSession, type Session } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { setRequestUser } from "@/lib/runtime/request-context";
import { can, refusal, type Actor, type Permission } from "./policy";

/**
 * The signed-in person's session, read once per request. Every page, action and route handler that
 * asks who is there comes through here: the request's log line gets the person's id (never more).
 */
export const currentSession = cache(async (): Promise<Session | null> => {
  const session = await getServerSession(authOptions);
  if (session?.user?.id) setRequestUser(session.user.id);
  return session;
});

export function actorOf(session: Session | null): Actor | null {
  if (!session?.user?.id) return null;
  return {
    userId: session.user.id,
    organizationId: session.user.organization?.id ?? null,
    orgRole: session.user.orgRole,
    secretariat: session.user.secretariat,
  };
}

/** For lib/ reads and writes: refuses with an AppError unless the actor holds the permission. */
export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  const why = refusal(actor, permission);
  if (why === "unauthenticated") throw new AppError("UNAUTHENTICATED", "Please sign in.");
  if (why === "forbidden") throw new AppError("FORBIDDEN", "You do not have access to this.");
}

/**
 * For pages: sends an anonymous visitor to sign in (and back here afterwards), answers 403 to a
 * person without the permission. The data functions check again: this only picks the response.
 */
export async function requirePage(permission: Permission, path: string): Promise<{ actor: Actor; session: Session }> {
  const session = await currentSession();
  const actor = actorOf(session);
  if (!actor || !session) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(actor, permission)) forbidden();
  return { actor, session };
}

/** The zone a person reads times in: their organization's office, or UTC for the secretariat. */
export function viewerTimeZone(session: Session): string {
  return session.user.timeZone;
}
