import "server-only";
// What happens when an organization's provider answers: the portal looks up who it knows by the
// identity already linked and by the address, decides with the pure rule (schema.ts), and for
// someone it does not know, records an access request for the organization to decide.
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { decideSignIn, type Assertion, type SignInDecision } from "./schema";
import type { SsoProvider } from "./config";

/** The provider's claims (the ID token's, with the userinfo endpoint's) as the rule reads them. */
export function assertionOf(claims: Record<string, unknown>): Assertion {
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  return {
    issuer: text(claims.iss) ?? "",
    subject: text(claims.sub) ?? "",
    email: text(claims.email)?.toLowerCase() ?? null,
    emailVerified: claims.email_verified,
    name: text(claims.name) ?? ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ") || null),
  };
}

const personSelect = { id: true, active: true, membership: { select: { organizationId: true } } } as const;
const known = (p: { id: string; active: boolean; membership: { organizationId: string } | null } | null | undefined) =>
  p ? { userId: p.id, active: p.active, organizationId: p.membership?.organizationId ?? null } : null;

/** Decides a sign-in through an organization's provider; records the request or refusal it makes. */
export async function resolveSsoSignIn(provider: SsoProvider, a: Assertion): Promise<SignInDecision> {
  const [linked, byEmail, invitation] = await Promise.all([
    a.subject
      ? db.account.findUnique({
          where: { provider_providerAccountId: { provider: provider.providerId, providerAccountId: a.subject } },
          select: { user: { select: personSelect } },
        })
      : null,
    a.email ? db.user.findUnique({ where: { email: a.email }, select: personSelect }) : null,
    a.email
      ? db.invitation.findFirst({
          where: {
            email: a.email,
            organizationId: provider.organizationId,
            acceptedAt: null,
            revokedAt: null,
            expiresAt: { gt: new Date() },
          },
          select: { id: true },
        })
      : null,
  ]);
  const decision = decideSignIn(a, {
    organizationId: provider.organizationId,
    configuredIssuer: provider.issuer,
    emailDomains: provider.emailDomains,
    linked: known(linked?.user),
    byEmail: known(byEmail),
    invited: invitation !== null,
  });
  if (decision.kind === "request") await recordAccessRequest(provider, a);
  if (decision.kind === "refuse") {
    await audit(db, {
      actorId: null,
      action: "auth.sso_refused",
      entityType: "organization",
      entityId: provider.organizationId,
      organizationId: provider.organizationId,
      data: { email: a.email, why: decision.why, provider: provider.providerId },
    });
  }
  return decision;
}

/**
 * One pending request per organization and address (a partial unique index): signing in again
 * refreshes it instead of adding another. The organization's representative and deputies are told,
 * and the secretariat sees every organization's queue.
 */
async function recordAccessRequest(provider: SsoProvider, a: Assertion) {
  const email = a.email!;
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
      INSERT INTO "AccessRequest" ("id", "organizationId", "email", "name", "provider", "subject")
      VALUES (${crypto.randomUUID()}, ${provider.organizationId}, ${email}, ${a.name}, ${provider.providerId}, ${a.subject})
      ON CONFLICT ("organizationId", "email") WHERE "status" = 'PENDING'
      DO UPDATE SET "name" = EXCLUDED."name", "provider" = EXCLUDED."provider", "subject" = EXCLUDED."subject"
      RETURNING "id", (xmax = 0) AS "inserted"`;
    if (!row?.inserted) return;
    await audit(tx, {
      actorId: null,
      action: "access.requested",
      entityType: "access_request",
      entityId: row.id,
      organizationId: provider.organizationId,
      data: { email, name: a.name, provider: provider.providerId },
    });
    const managers = await tx.membership.findMany({
      where: { organizationId: provider.organizationId, role: { in: ["REPRESENTATIVE", "DEPUTY"] }, user: { active: true } },
      select: { userId: true },
    });
    if (managers.length === 0) return;
    await tx.notification.createMany({
      data: managers.map(({ userId }) => ({
        userId,
        kind: "access.requested",
        title: `${a.name ?? email} asks to join the portal for ${provider.shortName}`,
        body: `${email} signed in through ${provider.shortName}'s sign-in service. Approve or refuse the request on your organization's people page.`,
        link: `/organizations/${provider.slug}/people`,
        dedupeKey: `access.requested:${row.id}`,
      })),
      skipDuplicates: true,
    });
  });
}
