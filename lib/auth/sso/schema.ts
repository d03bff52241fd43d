// What the secretariat types to connect an organization's identity provider, the same settings
// read from the environment, and the rule that decides who a provider may sign in. Pure.
import { z } from "zod";
import { SSO_TEXT_MAX } from "./limits";

/** The provider id next-auth knows an organization's sign-on by, and its callback path says. */
export const ssoProviderId = (slug: string) => `oidc-${slug}`;
export const slugOfProviderId = (providerId: string) => (providerId.startsWith("oidc-") ? providerId.slice(5) : null);

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** An issuer as OpenID Connect requires it: https, no query or fragment (http only on this machine's loopback). */
export function issuerProblem(value: string): string | null {
  if (/[\s\p{Cc}]/u.test(value)) return "An issuer is an address without spaces or control characters.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter the issuer's address, such as https://login.example.org/realms/staff.";
  }
  if (url.search || url.hash) return "An issuer has no ?query or #fragment: enter it as the provider states it.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return null;
  return "The issuer must be an https:// address.";
}

/** The issuer as compared: without a trailing slash (providers write it both ways). */
export const normalizeIssuer = (issuer: string) => issuer.trim().replace(/\/+$/, "");

/** "nih.gov, mail.nih.gov" or one per line, into lower-case domains; the bad ones listed apart. */
export function parseDomains(text: string): { domains: string[]; bad: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  const unique = [...new Set(parts)];
  return { domains: unique.filter((d) => DOMAIN.test(d)), bad: unique.filter((d) => !DOMAIN.test(d)) };
}

export const ZIdentityProviderInput = z.object({
  issuer: z
    .string()
    .trim()
    .max(SSO_TEXT_MAX.issuer, `An issuer address has at most ${SSO_TEXT_MAX.issuer} characters.`)
    .superRefine((value, ctx) => {
      const problem = issuerProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform(normalizeIssuer),
  clientId: z
    .string()
    .trim()
    .min(1, "Enter the client id the organization's IT department gave you.")
    .max(SSO_TEXT_MAX.clientId, `A client id has at most ${SSO_TEXT_MAX.clientId} characters.`)
    .refine((v) => !/[\s\p{Cc}]/u.test(v), "A client id has no spaces, line breaks or control characters."),
  /** Empty keeps the stored secret (it is never shown again). */
  clientSecret: z
    .string()
    .max(SSO_TEXT_MAX.clientSecret, `A client secret has at most ${SSO_TEXT_MAX.clientSecret} characters.`)
    .refine((v) => !/[\s\p{Cc}]/u.test(v), "A client secret has no spaces, line breaks or control characters: paste it exactly as given."),
  emailDomains: z
    .string()
    .max(SSO_TEXT_MAX.emailDomains, `List at most ${SSO_TEXT_MAX.emailDomains} characters of domains.`)
    .transform((text, ctx) => {
      const { domains, bad } = parseDomains(text);
      if (bad.length > 0) {
        ctx.addIssue({ code: "custom", message: `Not an email domain: ${bad.slice(0, 3).join(", ")}. Write domains such as nih.gov.` });
        return z.NEVER;
      }
      if (domains.length === 0) {
        ctx.addIssue({ code: "custom", message: "List the email domains this provider vouches for, such as nih.gov." });
        return z.NEVER;
      }
      return domains;
    }),
  enabled: z.boolean(),
});
export type IdentityProviderInput = z.output<typeof ZIdentityProviderInput>;

/** One organization's sign-on, as configured in the environment: OIDC_<SLUG>_ISSUER and friends. */
export interface EnvironmentProvider {
  slug: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomains: string[];
}

/**
 * Reads OIDC_<SLUG>_ISSUER, _CLIENT_ID, _CLIENT_SECRET and _EMAIL_DOMAINS (slug in capitals, "-" as
 * "_": OIDC_NCI_ISSUER). An incomplete or invalid set is a configuration error, said by name.
 */
export function environmentProviders(env: Record<string, string | undefined>): { providers: EnvironmentProvider[]; problems: string[] } {
  const providers: EnvironmentProvider[] = [];
  const problems: string[] = [];
  for (const key of Object.keys(env).sort()) {
    const match = /^OIDC_([A-Z0-9_]+)_ISSUER$/.exec(key);
    if (!match) continue;
    const prefix = `OIDC_${match[1]}`;
    const slug = match[1]!.toLowerCase().replace(/_/g, "-");
    const parsed = ZIdentityProviderInput.safeParse({
      issuer: env[key] ?? "",
      clientId: env[`${prefix}_CLIENT_ID`] ?? "",
      clientSecret: env[`${prefix}_CLIENT_SECRET`] ?? "",
      emailDomains: env[`${prefix}_EMAIL_DOMAINS`] ?? "",
      enabled: true,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${prefix}_${envName(String(issue.path[0]))}: ${issue.message}`);
      continue;
    }
    if (!parsed.data.clientSecret) {
      problems.push(`${prefix}_CLIENT_SECRET: the client secret is required.`);
      continue;
    }
    const { issuer, clientId, clientSecret, emailDomains } = parsed.data;
    providers.push({ slug, issuer, clientId, clientSecret, emailDomains });
  }
  return { providers, problems };
}
const envName = (field: string) =>
  ({ issuer: "ISSUER", clientId: "CLIENT_ID", clientSecret: "CLIENT_SECRET", emailDomains: "EMAIL_DOMAINS" })[field] ?? field;

/** What an organization's provider asserted about the person signing in. */
export interface Assertion {
  issuer: string;
  subject: string;
  email: string | null;
  /** OpenID Connect's email_verified claim as sent (some providers send "true" as text). */
  emailVerified: unknown;
  name: string | null;
}

/** What the portal knows of the person: by the identity already linked, else by the address. */
export interface Known {
  organizationId: string;
  configuredIssuer: string;
  emailDomains: string[];
  linked: { userId: string; active: boolean; organizationId: string | null } | null;
  byEmail: { userId: string; active: boolean; organizationId: string | null } | null;
  /** An open invitation to this organization for the asserted address. */
  invited?: boolean;
}

export type Refusal = "issuer" | "unverified" | "domain" | "other-organization" | "deactivated" | "invited";
export type SignInDecision = { kind: "allow"; userId: string } | { kind: "refuse"; why: Refusal } | { kind: "request" };

/**
 * Who an organization's provider may sign in. Bound to the issuer: it vouches only for its own
 * organization's people and its own domains, whatever address it asserts; an unverified address is
 * never trusted; someone unknown becomes an access request, never an account.
 */
export function decideSignIn(a: Assertion, k: Known): SignInDecision {
  if (normalizeIssuer(a.issuer) !== normalizeIssuer(k.configuredIssuer)) return { kind: "refuse", why: "issuer" };
  if (k.linked) {
    if (k.linked.organizationId !== k.organizationId) return { kind: "refuse", why: "other-organization" };
    return k.linked.active ? { kind: "allow", userId: k.linked.userId } : { kind: "refuse", why: "deactivated" };
  }
  const email = a.email?.trim().toLowerCase() ?? "";
  if (!email || !(a.emailVerified === true || a.emailVerified === "true")) return { kind: "refuse", why: "unverified" };
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (!k.emailDomains.includes(domain)) return { kind: "refuse", why: "domain" };
  // Invited people accept first (their name, the organization's terms); a request would be a detour.
  if (!k.byEmail) return k.invited ? { kind: "refuse", why: "invited" } : { kind: "request" };
  if (k.byEmail.organizationId !== k.organizationId) return { kind: "refuse", why: "other-organization" };
  return k.byEmail.active ? { kind: "allow", userId: k.byEmail.userId } : { kind: "refuse", why: "deactivated" };
}

/** What the person is told, for each refusal (the sign-in error page shows it). */
export const REFUSAL_MESSAGE: Record<Refusal, (org: string) => string> = {
  issuer: (org) => `The answer did not come from ${org}'s sign-in service as the portal knows it. Please tell the IRCI secretariat.`,
  unverified: (org) =>
    `${org}'s sign-in service did not confirm your email address, so the portal cannot tell who you are. Ask your IT department to confirm it, or sign in with an email link.`,
  domain: (org) => `${org}'s sign-in service speaks for its own email domains only, and your address is not one of them.`,
  "other-organization": (org) =>
    `Your portal account belongs to another organization, so ${org}'s sign-in service cannot sign you in. Use your own organization's sign-in, or an email link.`,
  invited: (org) =>
    `You have been invited to the portal: open the link in your invitation email to accept it, then sign in with ${org} again.`,
  deactivated: () =>
    "Your portal account has been deactivated. If you think this is a mistake, ask your organization's representative or the IRCI secretariat.",
};
