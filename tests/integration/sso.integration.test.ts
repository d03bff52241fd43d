// Organizations' single sign-on, against the database: the secretariat's settings (sealed secret,
// audited, issuer change unlinks), who a provider may sign in, access requests for the unknown, and
// the adapter's guards (an identity links only to the person decided on; sessions know their origin).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import { portalAdapter } from "@/lib/auth/adapter";
import { allSsoProviders, type SsoProvider } from "@/lib/auth/sso/config";
import { removeIdentityProvider, saveIdentityProvider } from "@/lib/auth/sso/mutations";
import { identityProviderSettings } from "@/lib/auth/sso/queries";
import { resolveSsoSignIn } from "@/lib/auth/sso/sign-in";
import { openSecret } from "@/lib/auth/sso/secret-box";
import { portalSecret } from "@/lib/config";
import { makePerson, refusal } from "../support/fixtures";

const expectRefusal = async (promise: Promise<unknown>, code: string) => expect((await refusal(promise)).code).toBe(code);

beforeAll(() => seedDatabase(db, { demo: true }));
afterAll(async () => {
  await db.identityProvider.deleteMany({ where: { organization: { slug: { in: ["cosa", "inca"] } } } });
  await db.$disconnect();
});

const settings = (over: Record<string, unknown> = {}) => ({
  issuer: "https://login.cosa.example/realms/staff/",
  clientId: "irci-portal",
  clientSecret: "the-client-secret",
  emailDomains: "cosa.example, Mail.COSA.example",
  enabled: true,
  ...over,
});

describe("the secretariat connects an organization's identity provider", () => {
  it("refuses everyone but the secretariat, and checks each field", async () => {
    const rep = await makePerson(db, { org: "cosa", role: "REPRESENTATIVE" });
    const secretariat = await makePerson(db, { secretariat: true });
    await expectRefusal(saveIdentityProvider(null, "cosa", settings()), "UNAUTHENTICATED");
    await expectRefusal(saveIdentityProvider(rep, "cosa", settings()), "FORBIDDEN");
    await expectRefusal(identityProviderSettings(rep, "cosa"), "FORBIDDEN");
    await expectRefusal(saveIdentityProvider(secretariat, "no-such-org", settings()), "NOT_FOUND");
    await expect(
      saveIdentityProvider(
        secretariat,
        "cosa",
        settings({ issuer: "http://login.cosa.example", clientId: "", emailDomains: "not a domain!" }),
      ),
    ).rejects.toMatchObject({ fields: { issuer: expect.any(String), clientId: expect.any(String), emailDomains: expect.any(String) } });
    await expect(saveIdentityProvider(secretariat, "inca", settings({ clientSecret: "" }))).rejects.toMatchObject({
      fields: { clientSecret: expect.stringMatching(/client secret/) },
    });
  });

  it("stores the secret sealed, never shows or audits it, and keeps it when left empty", async () => {
    const secretariat = await makePerson(db, { secretariat: true });
    await saveIdentityProvider(secretariat, "cosa", settings());
    const row = await db.identityProvider.findFirstOrThrow({ where: { organization: { slug: "cosa" } } });
    expect(row.issuer).toBe("https://login.cosa.example/realms/staff");
    expect(row.emailDomains).toEqual(["cosa.example", "mail.cosa.example"]);
    expect(row.clientSecretEncrypted).not.toContain("the-client-secret");
    expect(openSecret(row.clientSecretEncrypted, portalSecret())).toBe("the-client-secret");

    const shown = await identityProviderSettings(secretariat, "cosa");
    expect(JSON.stringify(shown)).not.toContain("the-client-secret");
    expect(shown.stored).toMatchObject({ secretReadable: true, clientId: "irci-portal" });
    expect(shown.registration.redirectUri).toMatch(/\/api\/auth\/callback\/oidc-cosa$/);

    await saveIdentityProvider(secretariat, "cosa", settings({ clientSecret: "", clientId: "irci-portal-2" }));
    const kept = await db.identityProvider.findFirstOrThrow({ where: { organization: { slug: "cosa" } } });
    expect(openSecret(kept.clientSecretEncrypted, portalSecret())).toBe("the-client-secret");

    const audits = await db.auditEvent.findMany({
      where: { action: { in: ["sso.configured", "sso.changed"] }, actorId: secretariat.userId },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(["sso.changed", "sso.configured"]);
    expect(JSON.stringify(audits)).not.toContain("the-client-secret");

    const usable = (await allSsoProviders()).find((p) => p.slug === "cosa");
    expect(usable).toMatchObject({
      providerId: "oidc-cosa",
      clientSecret: "the-client-secret",
      source: "portal",
      clientId: "irci-portal-2",
    });
  });

  it("unlinks the identities of the old provider when the issuer changes, and on removal", async () => {
    const secretariat = await makePerson(db, { secretariat: true });
    const member = await makePerson(db, { org: "cosa" });
    await saveIdentityProvider(secretariat, "cosa", settings());
    await db.account.create({
      data: { userId: member.userId, type: "oauth", provider: "oidc-cosa", providerAccountId: `s-${member.userId}` },
    });
    const same = await saveIdentityProvider(secretariat, "cosa", settings({ clientSecret: "" }));
    expect(same.unlinked).toBe(0);
    const moved = await saveIdentityProvider(secretariat, "cosa", settings({ issuer: "https://id.cosa.example", clientSecret: "" }));
    expect(moved.unlinked).toBeGreaterThanOrEqual(1);
    expect(await db.account.count({ where: { provider: "oidc-cosa" } })).toBe(0);

    await removeIdentityProvider(secretariat, "cosa");
    expect(await db.identityProvider.count({ where: { organization: { slug: "cosa" } } })).toBe(0);
    await expectRefusal(removeIdentityProvider(secretariat, "cosa"), "NOT_FOUND");
  });

  it("takes an organization's settings from the environment before the portal's", async () => {
    const secretariat = await makePerson(db, { secretariat: true });
    await saveIdentityProvider(secretariat, "inca", settings({ issuer: "https://portal-set.inca.example" }));
    process.env.OIDC_INCA_ISSUER = "https://env-set.inca.example";
    process.env.OIDC_INCA_CLIENT_ID = "from-env";
    process.env.OIDC_INCA_CLIENT_SECRET = "env-secret";
    process.env.OIDC_INCA_EMAIL_DOMAINS = "inca.example";
    try {
      const inca = (await allSsoProviders()).find((p) => p.slug === "inca");
      expect(inca).toMatchObject({ issuer: "https://env-set.inca.example", clientSecret: "env-secret", source: "environment" });
      expect((await identityProviderSettings(secretariat, "inca")).fromEnvironment).toMatchObject({ clientId: "from-env" });
    } finally {
      for (const k of ["ISSUER", "CLIENT_ID", "CLIENT_SECRET", "EMAIL_DOMAINS"]) delete process.env[`OIDC_INCA_${k}`];
    }
  });
});

describe("who an organization's provider signs in", () => {
  let cosa: SsoProvider;
  beforeAll(async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "cosa" } });
    cosa = {
      providerId: "oidc-cosa",
      organizationId: org.id,
      slug: "cosa",
      shortName: "COSA",
      name: org.name,
      issuer: "https://login.cosa.example",
      clientId: "c",
      clientSecret: "s",
      emailDomains: ["test.irci.example"],
      enabled: true,
      source: "portal",
    };
  });
  const claims = (email: string, over: Record<string, unknown> = {}) => ({
    issuer: "https://login.cosa.example",
    subject: `sub-${randomBytes(4).toString("hex")}`,
    email,
    emailVerified: true,
    name: "Someone",
    ...over,
  });

  it("signs in its own organization's people, and refuses another organization's, whatever address is asserted", async () => {
    const own = await makePerson(db, { org: "cosa" });
    const other = await makePerson(db, { org: "cctg" });
    expect(await resolveSsoSignIn(cosa, claims(own.email))).toEqual({ kind: "allow", userId: own.userId });
    expect(await resolveSsoSignIn(cosa, claims(other.email))).toEqual({ kind: "refuse", why: "other-organization" });
    expect(await resolveSsoSignIn(cosa, claims(own.email, { emailVerified: false }))).toEqual({ kind: "refuse", why: "unverified" });
    const refusal = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.sso_refused", data: { path: ["email"], equals: other.email } },
    });
    expect(refusal.data).toMatchObject({ why: "other-organization", provider: "oidc-cosa" });
  });

  it("makes someone unknown one pending access request, and tells the representative and deputies", async () => {
    const rep = await makePerson(db, { org: "cosa", role: "REPRESENTATIVE" });
    const deputy = await makePerson(db, { org: "cosa" });
    await db.membership.update({ where: { userId: deputy.userId }, data: { role: "DEPUTY" } });
    const member = await makePerson(db, { org: "cosa" });
    const email = `unknown-${randomBytes(4).toString("hex")}@test.irci.example`;
    const first = claims(email, { name: "Una Known" });
    const [a, b] = await Promise.all([resolveSsoSignIn(cosa, first), resolveSsoSignIn(cosa, first)]);
    expect([a, b]).toEqual([{ kind: "request" }, { kind: "request" }]);
    expect(await resolveSsoSignIn(cosa, first)).toEqual({ kind: "request" });
    const requests = await db.accessRequest.findMany({ where: { email } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: "PENDING", name: "Una Known", provider: "oidc-cosa", subject: first.subject });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "access.requested", entityId: requests[0]!.id } })).toBe(1);
    const told = await db.notification.findMany({ where: { kind: "access.requested", dedupeKey: `access.requested:${requests[0]!.id}` } });
    expect(told.map((n) => n.userId).sort()).toEqual(expect.arrayContaining([rep.userId, deputy.userId]));
    expect(told.map((n) => n.userId)).not.toContain(member.userId);
  });
});

describe("the adapter's guards", () => {
  it("links an identity only through the hook, and records where a session began", async () => {
    const person = await makePerson(db, { org: "cosa" });
    const plain = portalAdapter(db);
    await expect(
      plain.linkAccount!({ userId: person.userId, type: "oauth", provider: "oidc-cosa", providerAccountId: "x" }),
    ).rejects.toThrow();
    const guarded = portalAdapter(db, {
      origin: async () => ({ userAgent: "Mozilla/5.0 Test", ipAddress: "203.0.113.7", method: "oidc-cosa" }),
      beforeLink: async ({ userId }) => {
        if (userId !== person.userId) throw new Error("not the person decided on");
      },
    });
    const other = await makePerson(db, { org: "cosa" });
    await expect(
      guarded.linkAccount!({ userId: other.userId, type: "oauth", provider: "oidc-cosa", providerAccountId: "y" }),
    ).rejects.toThrow(/decided on/);
    await guarded.linkAccount!({ userId: person.userId, type: "oauth", provider: "oidc-cosa", providerAccountId: `z-${person.userId}` });
    expect(await guarded.getUserByAccount!({ provider: "oidc-cosa", providerAccountId: `z-${person.userId}` })).toMatchObject({
      id: person.userId,
    });

    const session = await guarded.createSession!({
      sessionToken: `t-${person.userId}`,
      userId: person.userId,
      expires: new Date(Date.now() + 60_000),
    });
    expect(await db.session.findUniqueOrThrow({ where: { id: (session as unknown as { id: string }).id } })).toMatchObject({
      userAgent: "Mozilla/5.0 Test",
      ipAddress: "203.0.113.7",
      method: "oidc-cosa",
    });

    await db.user.update({ where: { id: person.userId }, data: { active: false } });
    expect(await guarded.getUserByAccount!({ provider: "oidc-cosa", providerAccountId: `z-${person.userId}` })).toBeNull();
  });

  it("writes a session's last-seen time at most every few minutes", async () => {
    const person = await makePerson(db, { org: "cosa" });
    const adapter = portalAdapter(db);
    const token = `seen-${person.userId}`;
    const long = new Date(Date.now() - 60 * 60_000);
    await db.session.create({
      data: { sessionToken: token, userId: person.userId, expires: new Date(Date.now() + 60_000), lastSeenAt: long },
    });
    await adapter.getSessionAndUser!(token);
    const seen = (await db.session.findUniqueOrThrow({ where: { sessionToken: token } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(long.getTime());
    await adapter.getSessionAndUser!(token);
    expect((await db.session.findUniqueOrThrow({ where: { sessionToken: token } })).lastSeenAt).toEqual(seen);
  });
});
