// My account: the person's own organization, roles, expert groups and sessions, and ending their
// other sessions. Always the actor's own: another person's sessions neither show nor end.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import { myAccount } from "@/lib/account/queries";
import { signOutEverywhereElse, signOutSession } from "@/lib/account/mutations";
import { makePerson, refusal } from "../support/fixtures";

// A switch that makes the next audit row fail, to show the change it records fails with it.
const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/audit/record", async (original) => {
  const real = await original<typeof import("@/lib/audit/record")>();
  return {
    ...real,
    audit: (...args: Parameters<typeof real.audit>) => (failAudit.on ? Promise.reject(new Error("audit refused")) : real.audit(...args)),
  };
});

beforeAll(() => seedDatabase(db, { demo: true }));
afterAll(() => db.$disconnect());

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const HOUR = 3_600_000;

async function session(
  userId: string,
  options: { startedHoursAgo: number; userAgent?: string; method?: string; ipAddress?: string; expired?: boolean },
) {
  const token = randomBytes(16).toString("hex");
  const row = await db.session.create({
    data: {
      sessionToken: token,
      userId,
      createdAt: new Date(Date.now() - options.startedHoursAgo * HOUR),
      lastSeenAt: new Date(Date.now() - options.startedHoursAgo * HOUR + 60_000),
      expires: new Date(Date.now() + (options.expired ? -HOUR : 24 * HOUR)),
      userAgent: options.userAgent ?? null,
      ipAddress: options.ipAddress ?? null,
      method: options.method ?? null,
    },
  });
  return { id: row.id, token };
}

async function group(name: string, members: { userId: string; role: "CHAIR" | "MEMBER" }[]) {
  const slug = `account-${randomBytes(4).toString("hex")}`;
  return db.expertGroup.create({
    data: { slug, name: `${name} ${slug}`, cancer: `${name} cancer ${slug}`, status: "ACTIVE", members: { create: members } },
    select: { id: true, slug: true, name: true },
  });
}

describe("my account", () => {
  it("shows my organization, my role in it, my expert groups with chair seats first, and no secretariat", async () => {
    const me = await makePerson(db, { org: "cruk", role: "REPRESENTATIVE" });
    const other = await makePerson(db, { org: "nci" });
    const member = await group("Zeta", [
      { userId: me.userId, role: "MEMBER" },
      { userId: other.userId, role: "CHAIR" },
    ]);
    const chaired = await group("Omega", [{ userId: me.userId, role: "CHAIR" }]);
    await group("Elsewhere", [{ userId: other.userId, role: "MEMBER" }]);

    const account = await myAccount(me, null);
    expect(account.email).toBe(me.email);
    expect(account.organization).toMatchObject({ shortName: "CRUK", name: "Cancer Research UK", country: "GB", role: "REPRESENTATIVE" });
    expect(account.secretariat).toBe(false);
    expect(account.groups.map((g) => [g.slug, g.role])).toEqual([
      [chaired.slug, "CHAIR"],
      [member.slug, "MEMBER"],
    ]);
  });

  it("shows the secretariat outside any organization", async () => {
    const me = await makePerson(db, { secretariat: true });
    const account = await myAccount(me, null);
    expect(account.organization).toBeNull();
    expect(account.secretariat).toBe(true);
    expect(account.groups).toEqual([]);
  });

  it("refuses an anonymous visitor and a person with no place in IRCI", async () => {
    expect((await refusal(myAccount(null, null))).code).toBe("UNAUTHENTICATED");
    const outsider = await makePerson(db);
    expect((await refusal(myAccount(outsider, null))).code).toBe("FORBIDDEN");
  });

  it("lists my live sessions newest first, in words, with this one marked; not another person's, not an expired one", async () => {
    const me = await makePerson(db, { org: "nci", role: "REPRESENTATIVE" });
    const someoneElse = await makePerson(db, { org: "nci" });
    const oldest = await session(me.userId, { startedHoursAgo: 30, userAgent: IPHONE, method: "oidc-nci", ipAddress: "203.0.113.7" });
    const current = await session(me.userId, { startedHoursAgo: 2, userAgent: FIREFOX, method: "email", ipAddress: "198.51.100.4" });
    const legacy = await session(me.userId, { startedHoursAgo: 10 });
    await session(me.userId, { startedHoursAgo: 1, userAgent: FIREFOX, expired: true });
    const theirs = await session(someoneElse.userId, { startedHoursAgo: 0.5, userAgent: FIREFOX });

    const account = await myAccount(me, current.token);
    expect(account.sessions.map((s) => s.id)).toEqual([current.id, legacy.id, oldest.id]);
    expect(account.sessionCount).toBe(3);
    expect(account.sessions.map((s) => [s.browser, s.method, s.address, s.current])).toEqual([
      ["Firefox 125 on Linux", "Email link", "address 198.51.100.4", true],
      ["Browser not recorded", "Not recorded", "address not recorded", false],
      ["Safari 17 on iPhone", "Sign in with NCI", "address 203.0.113.7", false],
    ]);
    expect(account.sessions.map((s) => s.id)).not.toContain(theirs.id);
    // Another person's token marks nothing as this session.
    expect((await myAccount(me, theirs.token)).sessions.some((s) => s.current)).toBe(false);
  });
});

describe("signing out elsewhere", () => {
  it("ends all my other sessions, keeps this one and another person's, audited with the count", async () => {
    const me = await makePerson(db, { org: "jcog" });
    const someoneElse = await makePerson(db, { org: "jcog" });
    const current = await session(me.userId, { startedHoursAgo: 1, userAgent: FIREFOX });
    await session(me.userId, { startedHoursAgo: 5, userAgent: IPHONE });
    await session(me.userId, { startedHoursAgo: 9 });
    const theirs = await session(someoneElse.userId, { startedHoursAgo: 1 });

    expect(await signOutEverywhereElse(me, current.token)).toBe(2);
    expect(await db.session.findMany({ where: { userId: me.userId }, select: { id: true } })).toEqual([{ id: current.id }]);
    expect(await db.session.count({ where: { id: theirs.id } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { action: "auth.signed_out_elsewhere", entityId: me.userId } });
    expect(events.map((e) => [e.actorId, e.data])).toEqual([[me.userId, { count: 2 }]]);

    // Nothing left to end: nothing written.
    expect(await signOutEverywhereElse(me, current.token)).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.signed_out_elsewhere", entityId: me.userId } })).toBe(1);
  });

  it("writes the audit row in the same transaction: when it fails, no session ends", async () => {
    const me = await makePerson(db, { org: "eortc" });
    const current = await session(me.userId, { startedHoursAgo: 1 });
    await session(me.userId, { startedHoursAgo: 3 });
    failAudit.on = true;
    try {
      await expect(signOutEverywhereElse(me, current.token)).rejects.toThrow("audit refused");
    } finally {
      failAudit.on = false;
    }
    expect(await db.session.count({ where: { userId: me.userId } })).toBe(2);
  });

  it("ends nothing without a session of mine to keep: none, another person's, or an expired one", async () => {
    const me = await makePerson(db, { org: "cosa" });
    const someoneElse = await makePerson(db, { org: "cosa" });
    await session(me.userId, { startedHoursAgo: 1 });
    const expired = await session(me.userId, { startedHoursAgo: 2, expired: true });
    const theirs = await session(someoneElse.userId, { startedHoursAgo: 1 });
    for (const token of [null, theirs.token, expired.token]) {
      expect((await refusal(signOutEverywhereElse(me, token))).code).toBe("UNAUTHENTICATED");
    }
    expect(await db.session.count({ where: { userId: me.userId } })).toBe(2);
    expect((await refusal(signOutEverywhereElse(null, theirs.token))).code).toBe("UNAUTHENTICATED");
    expect(await db.session.count({ where: { userId: someoneElse.userId } })).toBe(1);
  });
});

describe("signing out one session", () => {
  it("ends one other session of mine, audited; not this one", async () => {
    const me = await makePerson(db, { org: "inca", role: "REPRESENTATIVE" });
    const current = await session(me.userId, { startedHoursAgo: 1 });
    const phone = await session(me.userId, { startedHoursAgo: 4, userAgent: IPHONE });
    const laptop = await session(me.userId, { startedHoursAgo: 6, userAgent: FIREFOX });

    await signOutSession(me, phone.id, current.token);
    expect((await db.session.findMany({ where: { userId: me.userId }, orderBy: { createdAt: "desc" } })).map((s) => s.id)).toEqual([
      current.id,
      laptop.id,
    ]);
    expect(await db.auditEvent.count({ where: { action: "auth.session_signed_out", entityId: me.userId } })).toBe(1);
    expect((await refusal(signOutSession(me, current.id, current.token))).code).toBe("INVALID");
    // Gone already: not found.
    expect((await refusal(signOutSession(me, phone.id, current.token))).code).toBe("NOT_FOUND");
  });

  it("refuses another person's session id as not found and leaves it alone", async () => {
    const me = await makePerson(db, { org: "cctg" });
    const someoneElse = await makePerson(db, { org: "cctg" });
    const current = await session(me.userId, { startedHoursAgo: 1 });
    const theirs = await session(someoneElse.userId, { startedHoursAgo: 1 });
    expect((await refusal(signOutSession(me, theirs.id, current.token))).code).toBe("NOT_FOUND");
    for (const forged of [{ not: "" }, "", "a\u0000b", 42]) {
      expect((await refusal(signOutSession(me, forged, current.token))).code).toBe("NOT_FOUND");
    }
    expect(await db.session.count({ where: { id: theirs.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "auth.session_signed_out", entityId: me.userId } })).toBe(0);
  });
});
