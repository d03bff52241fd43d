// People management against a real PostgreSQL: invitations (a link that works once, for a week),
// roles under the guards (not one's own, never an organization's last representative, even when
// two representatives demote each other at the same instant), deactivation that ends sessions,
// the secretariat's capability, access requests; each change audited and told to the person.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { acceptInvitation, hashToken, invitationByToken, invite, revokeInvitation } from "@/lib/people/invitations";
import { deactivate, reactivate, setRole, setSecretariat } from "@/lib/people/mutations";
import { decideAccessRequest } from "@/lib/people/access-requests";
import { organizationPeople, peopleWaiting } from "@/lib/people/queries";
import { makePerson, refusal } from "../support/fixtures";

const unique = () => randomBytes(4).toString("hex");
const address = () => `person-${unique()}@people.irci.example`;

let secretariat: Actor;

/** A fresh organization with two representatives: nothing another test does counts them. */
async function freshOrganization() {
  const tag = unique();
  const org = await db.organization.create({
    data: { slug: `pm-${tag}`, shortName: `PM${tag}`, name: `People Management ${tag}`, country: "FR", timeZone: "Europe/Paris" },
  });
  const repA = await makePerson(db, { org: org.slug, role: "REPRESENTATIVE" });
  const repB = await makePerson(db, { org: org.slug, role: "REPRESENTATIVE" });
  const member = await makePerson(db, { org: org.slug, role: "MEMBER" });
  return { org, repA, repB, member };
}

/** The token of an invitation, read from the mail that carried it (only the hash is stored). */
async function tokenFromMail(email: string) {
  const mail = await db.outboundEmail.findFirstOrThrow({ where: { to: email, category: "access" }, orderBy: { createdAt: "desc" } });
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(token).toBeTruthy();
  return token!;
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  secretariat = await makePerson(db, { secretariat: true });
});
afterAll(async () => {
  // Other files count the member organizations: the ones made here go, with their people.
  const made = { organization: { slug: { startsWith: "pm-" } } };
  await db.user.deleteMany({ where: { membership: made } });
  await db.organization.deleteMany({ where: { slug: { startsWith: "pm-" } } });
  await db.$disconnect();
});

describe("invitations", () => {
  it("a secretariat person invites a colleague; only the token's hash is stored; accepting creates the person once", async () => {
    const { org } = await freshOrganization();
    const email = address();
    const { invitation } = await invite(secretariat, {
      email: email.toUpperCase(),
      role: "MEMBER",
      organizationId: org.id,
      secretariat: "",
    });
    const token = await tokenFromMail(email);
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await db.auditEvent.count({ where: { action: "invitation.sent", entityId: invitation.id } })).toBe(1);
    expect((await invitationByToken(token))?.state).toBe("open");

    // Two clicks at the same instant: one account.
    const results = await Promise.allSettled([
      acceptInvitation(token, { name: "New Colleague" }),
      acceptInvitation(token, { name: "New Colleague" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { membership: true } });
    expect([user.name, user.membership?.organizationId, user.membership?.role]).toEqual(["New Colleague", org.id, "MEMBER"]);
    expect(await db.auditEvent.count({ where: { action: "invitation.accepted", entityId: invitation.id, actorId: user.id } })).toBe(1);
    // Used: the link explains itself.
    expect((await refusal(acceptInvitation(token, { name: "Again" }))).message).toContain("already been accepted");
    // The inviter hears of it.
    expect(await db.notification.count({ where: { userId: secretariat.userId, kind: "account.invitation_accepted" } })).toBeGreaterThan(0);
  });

  it("refuses an address already in the portal on the field; a newer invitation withdraws the older one; expired and withdrawn links explain", async () => {
    const { org, repA, member } = await freshOrganization();
    const refused = await refusal(invite(repA, { email: member.email, role: "MEMBER", organizationId: org.id, secretariat: "" }));
    expect(refused.fields?.email).toContain("already in the portal");

    const email = address();
    // A representative's invitation is for their own organization when the form names none.
    const first = await invite(repA, { email, role: "DEPUTY", organizationId: "", secretariat: "" });
    expect(first.invitation.organizationId).toBe(org.id);
    const firstToken = await tokenFromMail(email);
    await invite(repA, { email, role: "MEMBER", organizationId: org.id, secretariat: "" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: first.invitation.id } })).revokedAt).not.toBeNull();
    expect((await refusal(acceptInvitation(firstToken, { name: "X" }))).message).toContain("withdrawn");

    const secondToken = await tokenFromMail(email);
    await db.invitation.update({ where: { tokenHash: hashToken(secondToken) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await refusal(acceptInvitation(secondToken, { name: "X" }))).message).toContain("expired");
    expect(await db.user.count({ where: { email } })).toBe(0);

    const third = await invite(repA, { email, role: "MEMBER", organizationId: org.id, secretariat: "" });
    const thirdToken = await tokenFromMail(email);
    await revokeInvitation(repA, third.invitation.id);
    expect(await db.auditEvent.count({ where: { action: "invitation.revoked", entityId: third.invitation.id } })).toBe(1);
    expect((await refusal(acceptInvitation(thirdToken, { name: "X" }))).message).toContain("withdrawn");
    expect((await refusal(acceptInvitation("no-such-token-0123456789", { name: "X" }))).code).toBe("NOT_FOUND");
  });

  it("a representative invites only into their own organization and cannot grant the secretariat's capability; a member cannot invite", async () => {
    const a = await freshOrganization();
    const b = await freshOrganization();
    expect((await refusal(invite(a.repA, { email: address(), role: "MEMBER", organizationId: b.org.id, secretariat: "" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(invite(a.repA, { email: address(), role: "MEMBER", organizationId: a.org.id, secretariat: "yes" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(invite(a.member, { email: address(), role: "MEMBER", organizationId: a.org.id, secretariat: "" }))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await refusal(invite(secretariat, { email: address(), role: "MEMBER", organizationId: "", secretariat: "" }))).fields,
    ).toHaveProperty("organizationId");
  });
});

describe("roles", () => {
  it("a representative makes a member a deputy: audited, and the person is notified; the deputy then manages the organization's people", async () => {
    const { org, repA, member } = await freshOrganization();
    await setRole(repA, member.userId, { role: "DEPUTY" });
    expect((await db.membership.findUniqueOrThrow({ where: { userId: member.userId } })).role).toBe("DEPUTY");
    expect(await db.auditEvent.count({ where: { action: "person.role_set", entityId: member.userId, actorId: repA.userId } })).toBe(1);
    const note = await db.notification.findFirstOrThrow({ where: { userId: member.userId, kind: "account.role_changed" } });
    expect(note.title).toContain("deputy representative");
    const deputy = { ...member, orgRole: "DEPUTY" as const };
    const page = await organizationPeople(deputy, org.slug);
    expect(page.members.total).toBe(3);
    expect(await peopleWaiting(deputy)).toMatchObject({ href: `/organizations/${org.slug}/people` });
  });

  it("nobody changes their own role, not even the secretariat; a member and another organization's representative are refused", async () => {
    const a = await freshOrganization();
    const b = await freshOrganization();
    expect((await refusal(setRole(a.repA, a.repA.userId, { role: "MEMBER" }))).fields?.role).toContain("You cannot");
    const secretariatRep = await makePerson(db, { org: a.org.slug, role: "REPRESENTATIVE", secretariat: true });
    expect((await refusal(setRole(secretariatRep, secretariatRep.userId, { role: "MEMBER" }))).fields?.role).toContain("You cannot");
    expect((await refusal(setRole(b.repA, a.member.userId, { role: "DEPUTY" }))).code).toBe("FORBIDDEN");
    expect((await refusal(setRole(a.member, a.repB.userId, { role: "MEMBER" }))).code).toBe("FORBIDDEN");
    expect((await refusal(setRole(a.repA, a.member.userId, { role: "OWNER" }))).fields?.role).toBeTruthy();
    expect((await db.membership.findUniqueOrThrow({ where: { userId: a.member.userId } })).role).toBe("MEMBER");
  });

  it("an organization never loses its last representative; two representatives demoting each other at once: exactly one succeeds", async () => {
    for (let round = 0; round < 3; round++) {
      const { org, repA, repB } = await freshOrganization();
      const results = await Promise.allSettled([
        setRole(repA, repB.userId, { role: "MEMBER" }),
        setRole(repB, repA.userId, { role: "MEMBER" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((rejected.reason as { fields?: Record<string, string> }).fields?.role).toContain("last active representative");
      expect(await db.membership.count({ where: { organizationId: org.id, role: "REPRESENTATIVE" } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "person.role_set", organizationId: org.id } })).toBe(1);
    }
  });
});

describe("deactivation", () => {
  it("ends all the person's sessions at once, records the reason, emails them, and audits once when done twice at once", async () => {
    const { org, repA, member } = await freshOrganization();
    await db.session.createMany({
      data: [1, 2].map((n) => ({ sessionToken: `pm-${unique()}-${n}`, userId: member.userId, expires: new Date(Date.now() + 86_400_000) })),
    });
    const results = await Promise.allSettled([
      deactivate(repA, member.userId, "Left the organization"),
      deactivate(secretariat, member.userId, "Left the organization"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const user = await db.user.findUniqueOrThrow({ where: { id: member.userId } });
    expect([user.active, user.deactivationReason, user.deactivatedAt !== null]).toEqual([false, "Left the organization", true]);
    expect(await db.session.count({ where: { userId: member.userId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "person.deactivated", entityId: member.userId, organizationId: org.id } })).toBe(1);
    const mail = await db.outboundEmail.findFirstOrThrow({ where: { userId: member.userId, category: "access" } });
    expect(mail.text).toContain("Left the organization");
  });

  it("refuses yourself, the last representative, a missing reason, and another organization's person", async () => {
    const a = await freshOrganization();
    const b = await freshOrganization();
    expect((await refusal(deactivate(a.repA, a.repA.userId, "Leaving"))).fields?.reason).toContain("You cannot");
    expect((await refusal(deactivate(a.repA, a.member.userId, "  "))).fields?.reason).toBeTruthy();
    expect((await refusal(deactivate(b.repA, a.member.userId, "Not mine"))).code).toBe("FORBIDDEN");
    expect((await refusal(deactivate(a.member, a.repB.userId, "Coup"))).code).toBe("FORBIDDEN");
    await deactivate(a.repA, a.repB.userId, "Retired");
    // repA is now the last active representative: even the secretariat cannot deactivate them.
    expect((await refusal(deactivate(secretariat, a.repA.userId, "Retired"))).fields?.reason).toContain("last active representative");
    expect((await refusal(setRole(secretariat, a.repA.userId, { role: "MEMBER" }))).fields?.role).toContain("last active representative");
    expect((await db.user.findUniqueOrThrow({ where: { id: a.repA.userId } })).active).toBe(true);
  });

  it("reactivation lets the person back, keeps the reason on record, and notifies them", async () => {
    const { repA, member } = await freshOrganization();
    await deactivate(repA, member.userId, "On leave");
    await reactivate(repA, member.userId);
    const user = await db.user.findUniqueOrThrow({ where: { id: member.userId } });
    expect([user.active, user.deactivationReason]).toEqual([true, "On leave"]);
    expect(await db.auditEvent.count({ where: { action: "person.reactivated", entityId: member.userId } })).toBe(1);
    expect(await db.notification.count({ where: { userId: member.userId, kind: "account.reactivated" } })).toBe(1);
    expect((await refusal(reactivate(repA, member.userId))).code).toBe("CONFLICT");
  });
});

describe("the secretariat's capability", () => {
  it("only the secretariat grants or removes it, never for themselves, and never from the last active secretariat person", async () => {
    const { repA, member } = await freshOrganization();
    expect((await refusal(setSecretariat(repA, member.userId, { secretariat: "yes" }))).code).toBe("FORBIDDEN");
    await setSecretariat(secretariat, member.userId, { secretariat: "yes" });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).secretariat).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "person.secretariat_granted", entityId: member.userId } })).toBe(1);
    expect(await db.notification.count({ where: { userId: member.userId, kind: "account.secretariat" } })).toBe(1);
    expect((await refusal(setSecretariat(secretariat, secretariat.userId, { secretariat: "no" }))).fields?.secretariat).toContain(
      "You cannot",
    );
    await setSecretariat(secretariat, member.userId, { secretariat: "no" });
    expect(await db.auditEvent.count({ where: { action: "person.secretariat_removed", entityId: member.userId } })).toBe(1);
  });

  it("the last active secretariat person keeps the capability", async () => {
    // Everyone else with the capability is set aside for the test, then put back.
    const others = await db.user.findMany({ where: { secretariat: true, active: true }, select: { id: true } });
    const { org } = await freshOrganization();
    const keeper = await makePerson(db, { org: org.slug, secretariat: true });
    const last = await makePerson(db, { org: org.slug, secretariat: true });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { secretariat: false } });
    try {
      await setSecretariat(keeper, last.userId, { secretariat: "no" });
      // Now `keeper` is the last; `last` (no longer secretariat) cannot act, and a stale actor is refused by the count.
      const stale = { ...last, secretariat: true };
      expect((await refusal(setSecretariat(stale, keeper.userId, { secretariat: "no" }))).fields?.secretariat).toContain("last active");
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { secretariat: true } });
    }
  });
});

describe("access requests", () => {
  it("approving creates the person as a member with the identity linked; refusing records and emails the reason", async () => {
    const { org, repA } = await freshOrganization();
    const email = address();
    const subject = `sub-${unique()}`;
    const approved = await db.accessRequest.create({
      data: { organizationId: org.id, email, name: "Asking Person", provider: "oidc-test", subject },
    });
    const refusedEmail = address();
    const refused = await db.accessRequest.create({
      data: { organizationId: org.id, email: refusedEmail, name: "Unknown", provider: "oidc-test", subject: `sub-${unique()}` },
    });
    expect(await peopleWaiting(repA)).toMatchObject({ requests: 2 });

    const twice = await Promise.allSettled([
      decideAccessRequest(repA, approved.id, { decision: "approve", reason: "" }),
      decideAccessRequest(secretariat, approved.id, { decision: "approve", reason: "" }),
    ]);
    expect(twice.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { membership: true, accounts: true } });
    expect([user.name, user.membership?.organizationId, user.membership?.role]).toEqual(["Asking Person", org.id, "MEMBER"]);
    expect(user.accounts.map((a) => [a.type, a.provider, a.providerAccountId])).toEqual([["oauth", "oidc-test", subject]]);
    expect(await db.auditEvent.count({ where: { action: "access.approved", entityId: approved.id } })).toBe(1);
    expect(await db.outboundEmail.count({ where: { to: email, category: "access" } })).toBe(1);

    expect((await refusal(decideAccessRequest(repA, refused.id, { decision: "refuse", reason: "" }))).fields?.reason).toBeTruthy();
    await decideAccessRequest(repA, refused.id, { decision: "refuse", reason: "Not one of our investigators" });
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: refused.id } });
    expect([row.status, row.reason, row.decidedById]).toEqual(["REFUSED", "Not one of our investigators", repA.userId]);
    expect(await db.user.count({ where: { email: refusedEmail } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: "access.refused", entityId: refused.id, reason: "Not one of our investigators" } }),
    ).toBe(1);
    const mail = await db.outboundEmail.findFirstOrThrow({ where: { to: refusedEmail, category: "access" } });
    expect([mail.userId, mail.text.includes("Not one of our investigators")]).toEqual([null, true]);
  });

  it("another organization's representative and a member are refused", async () => {
    const a = await freshOrganization();
    const b = await freshOrganization();
    const request = await db.accessRequest.create({
      data: { organizationId: a.org.id, email: address(), provider: "oidc-test", subject: `sub-${unique()}` },
    });
    expect((await refusal(decideAccessRequest(b.repA, request.id, { decision: "approve", reason: "" }))).code).toBe("FORBIDDEN");
    expect((await refusal(decideAccessRequest(a.member, request.id, { decision: "approve", reason: "" }))).code).toBe("FORBIDDEN");
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });
});
