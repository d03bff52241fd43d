// What the server knows about the request being served, carried through its async work.
// The server entry (ops/server) opens the context for each request; the app fills in what only it
// knows (the signed-in person's id, that the database could not be reached). One AsyncLocalStorage
// per process, kept on globalThis under a registered symbol: the server entry and the app's bundles
// load this module separately and must share the same store.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  /** From the load balancer's X-Request-Id when it sent a sane one, else made here. */
  requestId: string;
  /** The person's id once the session is read: never their email or a token. */
  userId?: string;
  /** Set when a query failed because PostgreSQL could not be reached: the server answers 503. */
  databaseUnavailable?: boolean;
}

const KEY = Symbol.for("irci.requestContext");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };
export const requestContextStorage: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** The context of the request this code runs for, if any (none in jobs and scripts). */
export function requestContext(): RequestContext | undefined {
  return requestContextStorage.getStore();
}

/** Records who is asking, for the request's log line. */
export function setRequestUser(userId: string): void {
  const context = requestContextStorage.getStore();
  if (context) context.userId = userId;
}
