import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { config, portalSecret } from "@/lib/config";
import { allSsoProviders } from "./config";
import { ssoProviderId } from "./schema";
import { openSecret } from "./secret-box";
import { requireKey } from "@/lib/validation";

/**
 * A member organization's names by its address, for the sign-in pages seen before signing in. The
 * member organizations are public (every page's footer names them), so no permission is asked.
 */
export async function organizationNames(slug: string | undefined): Promise<{ shortName: string; name: string } | null> {
  if (!slug || slug.length > 100) return null;
  return db.organization.findUnique({ where: { slug }, select: { shortName: true, name: true } });
}

/** What the organization's IT department needs to register the portal as a client. */
export function clientRegistration(slug: string) {
  return {
    redirectUri: `${config().NEXTAUTH_URL}/api/auth/callback/${ssoProviderId(slug)}`,
    scopes: "openid email profile",
    claims: ["sub", "email", "email_verified", "name"],
  };
}

/** An organization's sign-on as the secretariat sees it: never the secret, only whether one is kept. */
export async function identityProviderSettings(actor: Actor | null, slug: string) {
  assertCan(actor, "sso.configure");
  const org = await db.organization.findUnique({
    where: { slug: requireKey(slug, "organization") },
    select: {
      id: true,
      slug: true,
      shortName: true,
      name: true,
      identityProvider: true,
      _count: { select: { memberships: true } },
    },
  });
  if (!org) throw new AppError("NOT_FOUND", "There is no such organization.");
  const stored = org.identityProvider;
  const effective = (await allSsoProviders()).find((p) => p.organizationId === org.id) ?? null;
  const linked = await db.account.count({ where: { provider: ssoProviderId(org.slug) } });
  return {
    organization: { slug: org.slug, shortName: org.shortName, name: org.name, people: org._count.memberships },
    stored: stored
      ? {
          issuer: stored.issuer,
          clientId: stored.clientId,
          emailDomains: stored.emailDomains,
          enabled: stored.enabled,
          secretReadable: openSecret(stored.clientSecretEncrypted, portalSecret()) !== null,
          updatedAt: stored.updatedAt,
        }
      : null,
    fromEnvironment:
      effective?.source === "environment"
        ? { issuer: effective.issuer, clientId: effective.clientId, emailDomains: effective.emailDomains }
        : null,
    linkedPeople: linked,
    registration: clientRegistration(org.slug),
  };
}
