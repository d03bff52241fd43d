import "server-only";
// The organizations' sign-on as the portal uses it: the settings the secretariat stored in the
// portal, overridden per organization by the environment (OIDC_<SLUG>_*), for deployments that
// keep secrets in a vault. Only this module and the sign-in route ever see a client secret.
import { db } from "@/lib/db";
import { portalSecret } from "@/lib/config";
import { environmentProviders, ssoProviderId, type EnvironmentProvider } from "./schema";
import { openSecret } from "./secret-box";
import { log } from "@/lib/runtime/log";

export interface SsoProvider {
  providerId: string;
  organizationId: string;
  slug: string;
  shortName: string;
  name: string;
  issuer: string;
  clientId: string;
  /** Null when the stored secret cannot be read (sealed under another NEXTAUTH_SECRET). */
  clientSecret: string | null;
  emailDomains: string[];
  enabled: boolean;
  source: "portal" | "environment";
}

const ssoLog = log.child({ area: "sso" });
let reported = "";
/** The environment's settings, each problem said once per process (the server log names the variable). */
function fromEnvironment(): EnvironmentProvider[] {
  const { providers, problems } = environmentProviders(process.env);
  const said = problems.join("\n");
  if (said && said !== reported) ssoLog.error(`Single sign-on settings in the environment are ignored:\n${said}`);
  reported = said;
  return providers;
}

/** Every organization's sign-on, configured in the portal or the environment, enabled or not. */
export async function allSsoProviders(): Promise<SsoProvider[]> {
  const env = fromEnvironment();
  const organizations = await db.organization.findMany({
    where: { OR: [{ identityProvider: { isNot: null } }, { slug: { in: env.map((p) => p.slug) } }] },
    select: { id: true, slug: true, shortName: true, name: true, identityProvider: true },
    orderBy: { shortName: "asc" },
  });
  const bySlug = new Map(env.map((p) => [p.slug, p]));
  for (const slug of bySlug.keys()) {
    if (!organizations.some((o) => o.slug === slug))
      ssoLog.error(`Single sign-on settings for "${slug}": no organization has that address.`);
  }
  return organizations.flatMap((o): SsoProvider[] => {
    const common = { providerId: ssoProviderId(o.slug), organizationId: o.id, slug: o.slug, shortName: o.shortName, name: o.name };
    const e = bySlug.get(o.slug);
    if (e) return [{ ...common, ...e, enabled: true, source: "environment" }];
    const stored = o.identityProvider;
    if (!stored) return [];
    return [
      {
        ...common,
        issuer: stored.issuer,
        clientId: stored.clientId,
        clientSecret: openSecret(stored.clientSecretEncrypted, portalSecret()),
        emailDomains: stored.emailDomains,
        enabled: stored.enabled,
        source: "portal",
      },
    ];
  });
}

/** The sign-ons people can use now: enabled, with a secret the portal can read. */
export async function usableSsoProviders(): Promise<(SsoProvider & { clientSecret: string })[]> {
  return (await allSsoProviders()).filter((p): p is SsoProvider & { clientSecret: string } => p.enabled && p.clientSecret !== null);
}

/** What the sign-in page offers: no settings, only who. */
export async function ssoChoices(): Promise<{ providerId: string; shortName: string; name: string; emailDomains: string[] }[]> {
  return (await usableSsoProviders()).map(({ providerId, shortName, name, emailDomains }) => ({
    providerId,
    shortName,
    name,
    emailDomains,
  }));
}
