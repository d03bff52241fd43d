import "server-only";
// The secretariat connects, changes and disconnects an organization's identity provider. Secrets
// are sealed before they are stored and never read back to a page; every change is audited in
// its transaction, without the secret.
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/retry";
import { requireKey } from "@/lib/validation";
import { portalSecret } from "@/lib/config";
import { sealSecret } from "./secret-box";
import { ssoProviderId, ZIdentityProviderInput } from "./schema";
import { PROVIDER_TIMEOUT_MS } from "./provider";

async function organizationOf(slug: unknown) {
  const org = await db.organization.findUnique({
    where: { slug: requireKey(slug, "organization") },
    select: { id: true, slug: true, shortName: true },
  });
  if (!org) throw new AppError("NOT_FOUND", "There is no such organization.");
  return org;
}

/**
 * Saves an organization's sign-on. A new issuer is another identity provider: the identities
 * linked to the old one are dropped in the same transaction, so a subject of the new provider can
 * never land on a person the old one linked (people link again by their verified address).
 */
export async function saveIdentityProvider(actor: Actor | null, slug: unknown, raw: unknown) {
  assertCan(actor, "sso.configure");
  const org = await organizationOf(slug);
  const parsed = ZIdentityProviderInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  const providerId = ssoProviderId(org.slug);
  return db
    .$transaction(async (tx) => {
      const before = await tx.identityProvider.findUnique({ where: { organizationId: org.id } });
      if (!before && !input.clientSecret) {
        throw new ValidationError({ clientSecret: "Enter the client secret the organization's IT department gave you." });
      }
      const sealed = input.clientSecret ? sealSecret(input.clientSecret, portalSecret()) : null;
      const data = { issuer: input.issuer, clientId: input.clientId, emailDomains: input.emailDomains, enabled: input.enabled };
      if (before) {
        await tx.identityProvider.update({
          where: { organizationId: org.id },
          data: { ...data, ...(sealed ? { clientSecretEncrypted: sealed } : {}) },
        });
      } else {
        // Two first connections at once: the unique key on the organization lets one through.
        await tx.identityProvider.create({ data: { organizationId: org.id, ...data, clientSecretEncrypted: sealed! } });
      }
      const issuerChanged = before !== null && before.issuer !== input.issuer;
      const unlinked = issuerChanged ? (await tx.account.deleteMany({ where: { provider: providerId } })).count : 0;
      await audit(tx, {
        actorId: actor.userId,
        action: before ? "sso.changed" : "sso.configured",
        entityType: "organization",
        entityId: org.id,
        organizationId: org.id,
        data: { ...data, secretChanged: Boolean(input.clientSecret), identitiesUnlinked: unlinked },
      });
      return { organization: org.shortName, created: !before, unlinked };
    })
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError("CONFLICT", `Someone connected ${org.shortName}'s sign-on at the same moment: reload the page to see theirs.`);
    });
}

export async function removeIdentityProvider(actor: Actor | null, slug: unknown) {
  assertCan(actor, "sso.configure");
  const org = await organizationOf(slug);
  return db.$transaction(async (tx) => {
    const { count } = await tx.identityProvider.deleteMany({ where: { organizationId: org.id } });
    if (count === 0) throw new AppError("NOT_FOUND", `${org.shortName} has no sign-on to remove.`);
    const unlinked = (await tx.account.deleteMany({ where: { provider: ssoProviderId(org.slug) } })).count;
    await audit(tx, {
      actorId: actor.userId,
      action: "sso.removed",
      entityType: "organization",
      entityId: org.id,
      organizationId: org.id,
      data: { identitiesUnlinked: unlinked },
    });
    return { organization: org.shortName };
  });
}

/** Asks the provider for its discovery document: whether people could sign in with it now. */
export async function checkIssuer(issuer: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  try {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      redirect: "error",
    });
    if (!response.ok) return { ok: false, problem: `it answered ${response.status} for its discovery document` };
    const doc = (await response.json()) as { issuer?: unknown };
    if (typeof doc.issuer !== "string" || doc.issuer.replace(/\/+$/, "") !== issuer) {
      return { ok: false, problem: `its discovery document names another issuer (${String(doc.issuer).slice(0, 200)})` };
    }
    return { ok: true };
  } catch {
    return { ok: false, problem: "it did not answer" };
  }
}
