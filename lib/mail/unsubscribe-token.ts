import { createHmac, timingSafeEqual } from "node:crypto";

// Unsubscribe links work without signing in: the link carries whom and what, signed with the
// portal's secret so nobody can turn off someone else's mail by guessing.

export interface UnsubscribeScope {
  userId: string;
  /** An email category id, or "all". */
  category: string;
}

function signature(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest();
}

export function unsubscribeToken(scope: UnsubscribeScope, secret: string): string {
  const payload = `${scope.userId}.${scope.category}`;
  return `${Buffer.from(payload).toString("base64url")}.${signature(payload, secret).toString("base64url")}`;
}

/** The scope a token grants, or null when it was altered, truncated or signed with another secret. */
export function readUnsubscribeToken(token: string, secret: string): UnsubscribeScope | null {
  const [encoded, mac, extra] = token.split(".");
  if (!encoded || !mac || extra !== undefined) return null;
  const payload = Buffer.from(encoded, "base64url").toString();
  const given = Buffer.from(mac, "base64url");
  const expected = signature(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, category] = payload.split(".");
  if (!userId || !category) return null;
  return { userId, category };
}
