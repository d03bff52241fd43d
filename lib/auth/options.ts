import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send";
import { portalAdapter, normalizeEmail, type PortalUser } from "./adapter";
import { authRedirect } from "./callback-url";
import { signInMail } from "./sign-in-mail";

const LINK_LIFETIME_SECONDS = 24 * 60 * 60;

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
      // Delivery is ours (sendMail); next-auth's own nodemailer transport is never created.
      server: "smtp://unused.invalid",
      maxAge: LINK_LIFETIME_SECONDS,
      normalizeIdentifier: normalizeEmail,
      async sendVerificationRequest({ identifier, url }) {
        // Unknown addresses get the same "check your email" answer as known ones, so the page
        // reveals nothing about who has an account; only the log records the attempt.
        if (!(await isActivePerson(identifier))) {
          console.info(`[auth] sign-in link not sent: no active person with the address ${identifier}`);
          return;
        }
        await sendMail({ to: identifier, ...signInMail(url, LINK_LIFETIME_SECONDS) });
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
      };
      return session;
    },
  },
};
