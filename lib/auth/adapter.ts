// next-auth's database adapter, written against our own Prisma client (the published adapter
// types itself against the old @prisma/client package). Sessions and verification tokens live in
// PostgreSQL; signing in and out are audited in the same transaction as the session change.
import type { Adapter, AdapterUser, AdapterSession } from "next-auth/adapters";
import type { PrismaClient } from "@/lib/prisma-client";
import { personTimeZone } from "@/lib/time";

export interface PortalUser extends AdapterUser {
  secretariat: boolean;
  organization: { id: string; slug: string; shortName: string; name: string; timeZone: string } | null;
  orgRole: "MEMBER" | "REPRESENTATIVE" | null;
  /** The zone every time is shown in: the person's own, else their organization's, else UTC. */
  timeZone: string;
}

const userInclude = { membership: { include: { organization: true } } } as const;

type UserRow = Awaited<ReturnType<PrismaClient["user"]["findUnique"]>> & {
  membership: {
    role: "MEMBER" | "REPRESENTATIVE";
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

export function portalAdapter(db: PrismaClient): Adapter {
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
    async getUserByAccount() {
      return null;
    },
    async updateUser({ id, ...data }) {
      const row = await db.user.update({
        where: { id },
        data: { emailVerified: data.emailVerified ?? undefined },
        include: userInclude,
      });
      return toPortalUser(row);
    },
    async linkAccount() {
      throw new Error("Linked accounts are not used: sign-in is by email link");
    },
    async createSession(session) {
      const [created] = await db.$transaction([
        db.session.create({ data: session }),
        db.auditEvent.create({
          data: { actorId: session.userId, action: "auth.signed_in", entityType: "user", entityId: session.userId },
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
