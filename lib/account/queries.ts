import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { addressWords, browserWords, methodWords, providerOrganization } from "./words";

/** At most this many sessions are listed (newest first); the count says how many there are. */
export const SESSIONS_LISTED = 50;
/** Expert groups listed on the page: far more than anyone sits in. */
const GROUPS_LISTED = 100;

/**
 * The signed-in person's own account: their organization and role in it, the secretariat, their
 * expert groups (chair seats first) and their sessions that have not expired. Always the actor's:
 * nothing here is taken from the request except `currentToken`, which only marks "this session".
 */
export async function myAccount(actor: Actor | null, currentToken: string | null) {
  assertCan(actor, "account.view");
  const now = new Date();
  const live = { userId: actor.userId, expires: { gt: now } };
  const [user, sessions, sessionCount] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: {
        name: true,
        email: true,
        secretariat: true,
        membership: {
          select: { role: true, organization: { select: { slug: true, name: true, shortName: true, country: true } } },
        },
        groupRoles: {
          orderBy: [{ role: "asc" }, { group: { name: "asc" } }],
          take: GROUPS_LISTED,
          select: { role: true, group: { select: { slug: true, name: true, status: true } } },
        },
      },
    }),
    db.session.findMany({
      where: live,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SESSIONS_LISTED,
      select: {
        id: true,
        sessionToken: true,
        createdAt: true,
        lastSeenAt: true,
        userAgent: true,
        ipAddress: true,
        method: true,
      },
    }),
    db.session.count({ where: live }),
  ]);
  const slugs = [...new Set(sessions.map((s) => providerOrganization(s.method)).filter((s): s is string => s !== null))];
  const organizations = slugs.length
    ? await db.organization.findMany({ where: { slug: { in: slugs } }, select: { slug: true, shortName: true } })
    : [];
  const shortNames = new Map(organizations.map((o) => [o.slug, o.shortName]));
  return {
    name: user.name,
    email: user.email,
    secretariat: user.secretariat,
    organization: user.membership ? { ...user.membership.organization, role: user.membership.role } : null,
    // CHAIR sorts before MEMBER: chair seats come first.
    groups: user.groupRoles.map((g) => ({ ...g.group, role: g.role })),
    sessions: sessions.map((s) => ({
      id: s.id,
      current: currentToken !== null && s.sessionToken === currentToken,
      browser: browserWords(s.userAgent),
      method: methodWords(s.method, shortNames),
      address: addressWords(s.ipAddress),
      startedAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
    })),
    sessionCount,
  };
}

export type MyAccount = Awaited<ReturnType<typeof myAccount>>;
