import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { getServerSession, type NextAuthOptions, type Session } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import { headers } from "next/headers";
import { forbidden, redirect, unstable_rethrow } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { isDatabaseUnreachable, translateDatabaseError } from "@/lib/runtime/database-outage";
import { setRequestUser } from "@/lib/runtime/request-context";
import { can, refusal, type Actor, type Permission } from "./policy";

/**
 * next-auth answers "nobody is signed in" when reading the session fails, whatever the reason. When
 * the reason is that the database cannot be reached, that answer would send a signed-in person to
 * the sign-in page, or refuse their Save with "Please sign in": the session reader notes the
 * outage here instead, and currentSession throws it.
 */
const sessionRead = new AsyncLocalStorage<{ outage?: unknown }>();

function noticingOutages(adapter: Adapter): Adapter {
  const noticed =
    <A extends unknown[], R>(method: (...args: A) => R | PromiseLike<R>) =>
    async (...args: A): Promise<Awaited<R>> => {
      try {
        return await method(...args);
      } catch (error) {
        const read = sessionRead.getStore();
        if (read && isDatabaseUnreachable(error)) read.outage ??= translateDatabaseError(error);
        throw error;
      }
    };
  return {
    ...adapter,
    getSessionAndUser: noticed(adapter.getSessionAndUser!.bind(adapter)),
    updateSession: noticed(adapter.updateSession!.bind(adapter)),
  };
}

const readingOptions: NextAuthOptions = { ...authOptions, adapter: noticingOutages(authOptions.adapter!) };

async function readSession(): Promise<Session | null> {
  const read: { outage?: unknown } = {};
  const session = await sessionRead.run(read, () => getServerSession(readingOptions));
  if (read.outage) throw read.outage;
  if (session?.user?.id) setRequestUser(session.user.id);
  return session;
}

/**
 * Sessions that server actions handed on to the page they re-render in the same response, by the
 * request's headers (one object for the whole request). React's cache() does not reach into an
 * action, so without this the page would read the session a second time.
 */
const handedOn = new WeakMap<object, Promise<Session | null>>();

async function requestHeaders(): Promise<object | null> {
  try {
    return await headers();
  } catch (error) {
    unstable_rethrow(error); // Next.js's own signals (a page found dynamic while being built) go on.
    // Outside a request (a script): nothing to share.
    return null;
  }
}

/**
 * The signed-in person's session, read once per request. Every page, action and route handler that
 * asks who is there comes through here: the request's log line gets the person's id (never more).
 */
export const currentSession = cache(async (): Promise<Session | null> => {
  const key = await requestHeaders();
  return (key && handedOn.get(key)) ?? readSession();
});

/**
 * For a server action whose change cannot alter the person's own session (their name, zone,
 * organization or role): the session, handed on to the page re-rendered in the same response.
 */
export async function actionSession(): Promise<Session | null> {
  const key = await requestHeaders();
  const session = readSession();
  if (key) handedOn.set(key, session);
  return session;
}

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
