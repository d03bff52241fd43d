import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { portalAdapter, normalizeEmail, type PortalUser } from "./adapter";
import { authRedirect } from "./callback-url";
import { LINK_LIFETIME_SECONDS } from "./sign-in-mail";

async function isActivePerson(email: string | null | undefined): Promise<boolean> {
  if (!email) return false;
  const found = await db.user.findFirst({ where: { email: normalizeEmail(email), active: true }, select: { id: true } });
  return Boolean(found);
}

export const authOptions: NextAuthOptions = {
  adapter: portalAdapter(db),
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
  providers: [
    EmailProvider({
      // Delivery is ours (the outbox); next-auth's own nodemailer transport is never created.
      server: "smtp://unused.invalid",
      maxAge: LINK_LIFETIME_SECONDS,
      normalizeIdentifier: normalizeEmail,
      // Links are made by the mail worker from requests the sign-in page records
      // (lib/auth/sign-in-requests.ts); next-auth's own request endpoint is closed (its route).
      async sendVerificationRequest() {
        throw new Error("Sign-in links are asked for on the sign-in page.");
      },
    }),
  ],
  callbacks: {
    redirect: async ({ url, baseUrl }) => authRedirect(url, baseUrl),
    async signIn({ user, email }) {
      if (email?.verificationRequest) return true;
      return isActivePerson(user.email);
    },
    async session({ session, user }) {
      const person = user as PortalUser;
      session.user = {
        id: person.id,
        name: person.name ?? null,
        email: person.email,
        secretariat: person.secretariat,
        organization: person.organization,
        orgRole: person.orgRole,
        timeZone: person.timeZone,
      };
      return session;
    },
  },
};
