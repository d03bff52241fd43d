// next-auth's database adapter, written against our own Prisma client (the published adapter
// types itself against the old @prisma/client package). Sessions and verification tokens live in
// PostgreSQL; signing in and out are audited in the same transaction as the session change.
import type { Adapter, AdapterAccount, AdapterUser, AdapterSession } from "next-auth/adapters";
import type { PrismaClient } from "@/lib/prisma-client";
import { personTimeZone } from "@/lib/time";
import type { OrgRoleName } from "@/lib/authz/policy";

export interface PortalUser extends AdapterUser {
  secretariat: boolean;
  organization: { id: string; slug: string; shortName: string; name: string; timeZone: string } | null;
  orgRole: OrgRoleName | null;
  /** The zone every time is shown in: the person's own, else their organization's, else UTC. */
  timeZone: string;
}

const userInclude = { membership: { include: { organization: true } } } as const;

type UserRow = Awaited<ReturnType<PrismaClient["user"]["findUnique"]>> & {
  membership: {
    role: OrgRoleName;
    organization: { id: string; slug: string; shortName: string; name: string; timeZone: string };
  } | null;
};

function toPortalUser(row: NonNullable<UserRow>): PortalUser {
  const org = row.membership?.organization;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    image: row.image,
    emailVerified: row.emailVerified,
    secretariat: row.secretariat,
    organization: org ? { id: org.id, slug: org.slug, shortName: org.shortName, name: org.name, timeZone: org.timeZone } : null,
    orgRole: row.membership?.role ?? null,
    timeZone: personTimeZone(row.timeZone, org?.timeZone),
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What is known of the browser a session begins in (My account lists it). */
export interface SessionOrigin {
  userAgent: string | null;
  ipAddress: string | null;
  /** "email", or the provider id of an organization's single sign-on. */
  method: string | null;
}

/** How often a session's "last seen" is written: at most once in this many milliseconds. */
export const LAST_SEEN_EVERY_MS = 5 * 60_000;

export interface AdapterHooks {
  /** Where the session being created comes from (read from the request by the route). */
  origin?: () => Promise<SessionOrigin>;
  /**
   * Called before an organization's identity is linked to a person: refuses (throws) unless it is
   * the person the sign-in callback decided on, so an identity is never linked to whoever happens
   * to be signed in already (next-auth links to the current session's person otherwise).
   */
  beforeLink?: (account: { provider: string; providerAccountId: string; userId: string }) => Promise<void>;
}

export function portalAdapter(db: PrismaClient, hooks: AdapterHooks = {}): Adapter {
  return {
    async createUser() {
      // People are invited by the secretariat; signing in never creates an account.
      throw new Error("Accounts are not created by signing in");
    },
    async getUser(id) {
      const row = await db.user.findFirst({ where: { id, active: true }, include: userInclude });
      return row ? toPortalUser(row) : null;
    },
    async getUserByEmail(email) {
      const row = await db.user.findFirst({
        where: { email: normalizeEmail(email), active: true },
        include: userInclude,
      });
      return row ? toPortalUser(row) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { include: userInclude } },
      });
      return account?.user.active ? toPortalUser(account.user) : null;
    },
    async updateUser({ id, ...data }) {
      const row = await db.user.update({
        where: { id },
        data: { emailVerified: data.emailVerified ?? undefined },
        include: userInclude,
      });
      return toPortalUser(row);
    },
    async linkAccount(account: AdapterAccount) {
      // Only the identity's provider, type and subject are kept: the portal never calls the
      // organization's APIs, so its access and refresh tokens are not stored.
      if (!hooks.beforeLink) throw new Error("Identities are linked only by an organization's sign-in.");
      await hooks.beforeLink(account);
      await db.$transaction([
        db.account.create({
          data: { userId: account.userId, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
        }),
        db.auditEvent.create({
          data: {
            actorId: account.userId,
            action: "auth.identity_linked",
            entityType: "user",
            entityId: account.userId,
            data: { provider: account.provider },
          },
        }),
      ]);
    },
    async createSession(session) {
      const origin = (await hooks.origin?.()) ?? { userAgent: null, ipAddress: null, method: null };
      const [created] = await db.$transaction([
        db.session.create({ data: { ...session, ...origin } }),
        db.auditEvent.create({
          data: {
            actorId: session.userId,
            action: "auth.signed_in",
            entityType: "user",
            entityId: session.userId,
            data: origin.method ? { method: origin.method } : undefined,
          },
        }),
      ]);
      return created as AdapterSession;
    },
    async getSessionAndUser(sessionToken) {
      const row = await db.session.findUnique({
        where: { sessionToken },
        include: { user: { include: userInclude } },
      });
      if (!row || !row.user.active) return null;
      if (Date.now() - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
        // Guarded, so instances reading the same session at once write it once.
        await db.session.updateMany({
          where: { id: row.id, lastSeenAt: row.lastSeenAt },
          data: { lastSeenAt: new Date() },
        });
      }
      const { user, ...session } = row;
      return { session, user: toPortalUser(user) };
    },
    async updateSession({ sessionToken, ...data }) {
      return db.session.update({ where: { sessionToken }, data }).catch(() => null);
    },
    async deleteSession(sessionToken) {
      return db.$transaction(async (tx) => {
        const session = await tx.session.findUnique({ where: { sessionToken } });
        if (!session) return null;
        // Signed out twice at once: the second finds nothing left to delete, and says so quietly.
        const { count } = await tx.session.deleteMany({ where: { sessionToken } });
        if (count === 0) return null;
        await tx.auditEvent.create({
          data: { actorId: session.userId, action: "auth.signed_out", entityType: "user", entityId: session.userId },
        });
        return session;
      });
    },
    async createVerificationToken(token) {
      return db.verificationToken.create({ data: { ...token, identifier: normalizeEmail(token.identifier) } });
    },
    async useVerificationToken({ identifier, token }) {
      // Deleting is what consumes the token: a second use finds nothing.
      return db.verificationToken
        .delete({ where: { identifier_token: { identifier: normalizeEmail(identifier), token } } })
        .catch(() => null);
    },
  };
}
