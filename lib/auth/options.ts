import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { log } from "@/lib/runtime/log";
import { portalAdapter, normalizeEmail, type PortalUser, type SessionOrigin } from "./adapter";
import { authRedirect } from "./callback-url";
import { LINK_LIFETIME_SECONDS } from "./sign-in-mail";
import { usableSsoProviders } from "./sso/config";
import { oidcProvider } from "./sso/provider";
import { assertionOf, resolveSsoSignIn } from "./sso/sign-in";

async function isActivePerson(email: string | null | undefined): Promise<boolean> {
  if (!email) return false;
  const found = await db.user.findFirst({ where: { email: normalizeEmail(email), active: true }, select: { id: true } });
  return Boolean(found);
}

const emailProvider = EmailProvider({
  // Delivery is ours (the outbox); next-auth's own nodemailer transport is never created.
  server: "smtp://unused.invalid",
  maxAge: LINK_LIFETIME_SECONDS,
  normalizeIdentifier: normalizeEmail,
  // Links are made by the mail worker from requests the sign-in page records
  // (lib/auth/sign-in-requests.ts); next-auth's own request endpoint is closed (its route).
  async sendVerificationRequest() {
    throw new Error("Sign-in links are asked for on the sign-in page.");
  },
});

const authLog = log.child({ area: "auth" });

/**
 * next-auth's own messages, as JSON lines like the rest. Only the code and the error's name and
 * message: its metadata may carry the address someone typed, and never belongs in a log.
 */
const authLogger: NextAuthOptions["logger"] = {
  error(code, metadata) {
    const candidate = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
    const error = candidate as { name?: unknown; message?: unknown } | undefined;
    const described =
      error && typeof error.message === "string"
        ? { name: String(error.name ?? "Error"), message: error.message.split("\n").pop() }
        : undefined;
    authLog.error({ code, ...(described ? { error: described } : {}) }, `next-auth: ${code}`);
  },
  warn(code) {
    authLog.warn({ code }, `next-auth: ${code}`);
  },
  debug() {},
};

/** Reading sessions: every page and action. Signing in goes through authOptionsForRequest. */
export const authOptions: NextAuthOptions = {
  logger: authLogger,
  adapter: portalAdapter(db),
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
  providers: [emailProvider],
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

const signInError = (query: Record<string, string>) => `${config().NEXTAUTH_URL}/signin/error?${new URLSearchParams(query)}`;

/**
 * The options for one request to next-auth's route: the organizations' sign-ons as they are
 * configured now (so a change made by the secretariat applies on the next sign-in, on every
 * instance), and the person one sign-in decided on, which only this request's adapter may link.
 */
export async function authOptionsForRequest(origin: SessionOrigin): Promise<NextAuthOptions> {
  const sso = await usableSsoProviders();
  let decidedUserId: string | null = null;
  const adapter = portalAdapter(db, {
    origin: async () => origin,
    async beforeLink(account) {
      if (!sso.some((p) => p.providerId === account.provider) || account.userId !== decidedUserId) {
        throw new Error("An organization's identity is linked only to the person its sign-in decided on.");
      }
    },
  });
  return {
    ...authOptions,
    adapter,
    providers: [emailProvider, ...sso.map(oidcProvider)],
    callbacks: {
      ...authOptions.callbacks,
      async signIn(params) {
        if (params.account?.type !== "oauth") return authOptions.callbacks!.signIn!(params);
        const provider = sso.find((p) => p.providerId === params.account!.provider);
        if (!provider) return signInError({ error: "Configuration" });
        const decision = await resolveSsoSignIn(provider, assertionOf((params.profile ?? {}) as Record<string, unknown>));
        if (decision.kind === "allow") {
          decidedUserId = decision.userId;
          return true;
        }
        if (decision.kind === "request") return `${config().NEXTAUTH_URL}/signin/request-sent?organization=${provider.slug}`;
        return signInError({ error: "Refused", why: decision.why, organization: provider.slug });
      },
    },
  };
}
