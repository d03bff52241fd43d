// Notification email end to end against a real SMTP server running in this process (smtp-server):
// at once, the daily digest, settings and unsubscribing, an outage and its recovery, and two
// workers sending at once.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { postComment } from "@/lib/discussion";
import { createProposal } from "@/lib/proposals/mutations";
import { deliverMail, queueDueDigests, sendDueEmails, triageNotifications } from "@/lib/mail/outbox";
import { smtpTransport } from "@/lib/mail/send";
import { mailQueueStatus } from "@/lib/mail/status";
import { emailSettings, readUnsubscribeLink, saveEmailSettings, unsubscribe } from "@/lib/mail/settings";
import { actorFor, makePerson, refusal } from "../support/fixtures";
import type { ValidationError } from "@/lib/errors";
import { queue } from "@/lib/jobs/queue";
import { startWorkers } from "@/lib/workers";

interface Received {
  to: string[];
  raw: string;
}

/** Quoted-printable soft line breaks and escapes undone, so the body reads as written. */
const decode = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
/** A header's value, unfolded (long headers continue on indented lines). */
const header = (raw: string, name: string) =>
  raw
    .split(/\r?\n\r?\n/)[0]!
    .replace(/\r?\n[ \t]+/g, " ")
    .match(new RegExp(`^${name}:\\s*(.*)$`, "mi"))?.[1]
    ?.trim();

let inbox: Received[] = [];
let server: SMTPServer | undefined;
let port = 0;

/** Starts the mail server (again on the same port after an outage). */
async function startSmtp() {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      // A mailbox that does not exist: a final refusal.
      if (address.address.startsWith("nobody")) return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: decode(Buffer.concat(chunks).toString()) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", () => resolve()));
  port = (server.server.address() as AddressInfo).port;
}

async function stopSmtp() {
  await new Promise<void>((resolve) => server!.close(() => resolve()));
}

const transport = () => smtpTransport(`smtp://127.0.0.1:${port}`);

/** Runs the mail worker's steps until nothing is left to do at `now` (by default, once triaged). */
async function drain(now?: Date) {
  while ((await triageNotifications()) > 0);
  return deliverMail({ now: now ?? new Date(), transport: transport() });
}

const mailsTo = (email: string) => inbox.filter((m) => m.to.includes(email));

let robin: Actor; // EORTC representative
let riley: Actor; // NCI representative
let quinn: Actor; // secretariat
let proposalId: string;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  robin = await actorFor(db, "robin.crossover@eortc.irci.example");
  riley = await actorFor(db, "riley.placebo@nci.irci.example");
  quinn = await actorFor(db, "quinn.quorum@secretariat.irci.example");
  // A proposal of this file's own, so other files' counts of comments are not disturbed.
  const avery = await actorFor(db, "avery.baseline@cruk.irci.example");
  const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "anal" } });
  proposalId = (await createProposal(avery, { groupId: group.id, leadOrganizationId: avery.organizationId, title: "Email test proposal" }))
    .id;
  // Notifications other test files left behind are not this file's business.
  await db.notification.updateMany({ where: { email: "PENDING" }, data: { email: "SKIPPED" } });
  await db.outboundEmail.deleteMany({});
  await startSmtp();
});
afterAll(async () => {
  await stopSmtp().catch(() => undefined);
  await db.$disconnect();
});
beforeEach(async () => {
  inbox = [];
  // Each test starts with an empty outbox and nothing waiting for a digest.
  await db.notification.updateMany({ where: { email: { in: ["PENDING", "DIGEST"] } }, data: { email: "SKIPPED" } });
  await db.outboundEmail.deleteMany({});
});

/** Triages what was notified, then sends at `now`: the at-once path without the digests. */
async function sendAt(now?: Date) {
  while ((await triageNotifications()) > 0);
  return sendDueEmails({ now: now ?? new Date(), transport: transport() });
}

describe("at once", () => {
  it("a mention reaches the person mentioned by email, with a way to stop it", async () => {
    await postComment(robin, "proposal", proposalId, { body: "@riley.placebo could NCI open sites for this?" });
    const done = await drain();
    expect(done.sent).toBeGreaterThanOrEqual(1);
    const [mail, ...more] = mailsTo("riley.placebo@nci.irci.example");
    expect(more).toHaveLength(0);
    expect(header(mail!.raw, "Subject")).toMatch(/^\[IRCI\] Robin Crossover mentioned you: /);
    expect(mail!.raw).toContain("could NCI open sites for this?");
    expect(mail!.raw).toMatch(/http:\/\/localhost:\d+\/proposals\/[\w-]+#comment-/);
    expect(header(mail!.raw, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:\d+\/api\/unsubscribe\?token=[\w-]+\.[\w-]+>$/);
    expect(header(mail!.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const row = await db.outboundEmail.findFirstOrThrow({
      where: { to: "riley.placebo@nci.irci.example" },
      orderBy: { createdAt: "desc" },
    });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, category: "mentions" });
    // Running again sends nothing twice.
    inbox = [];
    expect((await drain()).sent).toBe(0);
    expect(inbox).toHaveLength(0);
  });

  it("a person who turned the kind off gets no email, and an inactive person none at all", async () => {
    await saveEmailSettings(riley, { mentions: "OFF", interest: "IMMEDIATE", votes: "IMMEDIATE", status: "DIGEST", comments: "DIGEST" });
    const gone = await makePerson(db, { org: "nci", role: "MEMBER" });
    await db.user.update({ where: { id: gone.userId }, data: { active: false } });
    await postComment(robin, "proposal", proposalId, { body: "@riley.placebo are you there?" });
    await db.notification.create({ data: { userId: gone.userId, kind: "vote.opened", title: "A vote" } });
    await drain();
    expect(inbox).toHaveLength(0);
    const states = await db.notification.findMany({
      where: { userId: { in: [riley.userId, gone.userId] } },
      orderBy: { createdAt: "desc" },
      take: 2,
      select: { email: true },
    });
    expect(states.map((s) => s.email)).toEqual(["SKIPPED", "SKIPPED"]);
    await saveEmailSettings(riley, {
      mentions: "IMMEDIATE",
      interest: "IMMEDIATE",
      votes: "IMMEDIATE",
      status: "DIGEST",
      comments: "DIGEST",
    });
  });
});

/** The first instant after `from`, on a half hour, at which the zone's clock reads `hour`:30. */
function nextLocal(from: Date, hour: number, timeZone: string): Date {
  const clock = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const want = `${String(hour).padStart(2, "0")}:30`;
  let at = Math.ceil(from.getTime() / 1_800_000) * 1_800_000;
  while (clock.format(at) !== want) at += 1_800_000;
  return new Date(at);
}

describe("the daily digest", () => {
  it("gathers a day's comments into one mail at 07:00 where the person works, once", async () => {
    // Riley (NCI, America/New_York) authors nothing here: follow the proposal to hear of its comments.
    await db.proposalFollow.upsert({
      where: { proposalId_userId: { proposalId, userId: riley.userId } },
      create: { proposalId, userId: riley.userId },
      update: {},
    });
    await postComment(robin, "proposal", proposalId, { body: "First thought for the digest." });
    await postComment(robin, "proposal", proposalId, { body: "Second thought for the digest." });
    await drain();
    expect(mailsTo("riley.placebo@nci.irci.example")).toHaveLength(0); // comments wait for the digest

    const early = nextLocal(new Date(), 6, "America/New_York");
    await queueDueDigests(early);
    expect(await db.outboundEmail.count({ where: { userId: riley.userId } })).toBe(0);
    const morning = new Date(early.getTime() + 3_600_000); // 07:30 in New York
    await drain(morning);
    const digests = mailsTo("riley.placebo@nci.irci.example");
    expect(digests).toHaveLength(1);
    expect(header(digests[0]!.raw, "Subject")).toMatch(/^\[IRCI\] Your daily digest: \d+ updates?$/);
    expect(digests[0]!.raw).toContain("New comment: ");
    expect(digests[0]!.raw.match(/\* New comment: /g)!.length).toBeGreaterThanOrEqual(2);
    expect(digests[0]!.raw).toMatch(/\(\d+ \w+ 2026, \d\d:\d\d (EST|EDT|GMT-[45])\)/); // times in New York's zone

    // Later that day, and the next morning with nothing new: no more digests.
    inbox = [];
    await drain(new Date(morning.getTime() + 6 * 3_600_000));
    await drain(new Date(morning.getTime() + 24 * 3_600_000));
    expect(mailsTo("riley.placebo@nci.irci.example")).toHaveLength(0);
    await db.proposalFollow.deleteMany({ where: { proposalId, userId: riley.userId } });
  });

  it("is queued once however many workers look at the same moment", async () => {
    await db.notification.create({ data: { userId: quinn.userId, kind: "comment.new", title: "Digest race" } });
    await triageNotifications();
    // At least an hour on: between 07:00 and 07:30 UTC the next 07:30 is the same morning, before
    // which a notification of 07:10 is not yet due (this test failed at that time of day).
    const morning = nextLocal(new Date(Date.now() + 3_600_000), 7, "UTC");
    const counts = await Promise.all(Array.from({ length: 5 }, () => queueDueDigests(morning)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await db.outboundEmail.count({ where: { userId: quinn.userId, category: "digest", status: "PENDING" } })).toBe(1);
    await sendDueEmails({ now: morning, transport: transport() });
  });
});

describe("a mail server outage", () => {
  it("delays mail and loses none: tried again with backoff, sent once when the server is back", async () => {
    await stopSmtp();
    const t0 = new Date();
    await postComment(robin, "proposal", proposalId, { body: "@riley.placebo sent during the outage" });
    await postComment(robin, "proposal", proposalId, { body: "@quinn.quorum also sent during the outage" });
    while ((await triageNotifications()) > 0);
    t0.setTime(Date.now());
    const first = await sendAt(t0);
    expect(first.sent).toBe(0);
    expect(first.retrying).toBe(2);
    const waiting = await db.outboundEmail.findMany({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" } });
    expect(waiting).toHaveLength(2);
    // The first try counts; the second mail waits with it without a try of its own.
    expect(waiting.map((w) => w.attempts).sort()).toEqual([0, 1]);
    for (const w of waiting) {
      expect(w.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(w.nextAttemptAt.getTime() - t0.getTime()).toBe(60_000);
    }
    expect((await mailQueueStatus(quinn)).waiting).toBe(2);

    // Half a minute later nothing is due; a minute later it is tried again and fails again, waiting longer.
    expect((await sendDueEmails({ now: new Date(t0.getTime() + 30_000), transport: transport() })).retrying).toBe(0);
    const second = await sendDueEmails({ now: new Date(t0.getTime() + 60_000), transport: transport() });
    expect(second.retrying).toBe(2);
    const again = await db.outboundEmail.findFirstOrThrow({ where: { status: "PENDING", attempts: 2 } });
    expect(again.nextAttemptAt.getTime() - t0.getTime()).toBe(60_000 + 120_000);

    await startSmtp();
    const recovered = await sendDueEmails({ now: new Date(t0.getTime() + 180_000), transport: transport() });
    expect(recovered).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(mailsTo("riley.placebo@nci.irci.example")).toHaveLength(1);
    expect(mailsTo("riley.placebo@nci.irci.example")[0]!.raw).toContain("sent during the outage");
    expect(mailsTo("quinn.quorum@secretariat.irci.example")).toHaveLength(1);
    expect(await db.outboundEmail.count({ where: { status: "PENDING" } })).toBe(0);
  });

  it("a mailbox the server refuses for good is not tried again, and the secretariat sees why", async () => {
    const nobody = await makePerson(db, { org: "nci" });
    await db.user.update({ where: { id: nobody.userId }, data: { email: `nobody-${nobody.email}` } });
    await db.notification.create({ data: { userId: nobody.userId, kind: "vote.opened", title: "Vote opened: refused" } });
    const done = await sendAt();
    expect(done.failed).toBe(1);
    const row = await db.outboundEmail.findFirstOrThrow({ where: { userId: nobody.userId } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/550/);
    expect((await sendAt(new Date(Date.now() + 86_400_000))).failed).toBe(0);
    const status = await mailQueueStatus(quinn);
    expect(status.recentFailures.map((f) => f.id)).toContain(row.id);
    expect((await refusal(mailQueueStatus(riley))).code).toBe("FORBIDDEN");
    expect((await refusal(mailQueueStatus(null))).code).toBe("UNAUTHENTICATED");
  });
});

describe("two workers at once", () => {
  it("send every mail exactly once", async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => makePerson(db, { org: "cctg" })));
    await db.notification.createMany({ data: people.map((p) => ({ userId: p.userId, kind: "vote.opened", title: "Race" })) });
    while ((await triageNotifications()) > 0);
    const results = await Promise.all([0, 1, 2].map(() => sendDueEmails({ transport: transport(), batch: 50 })));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    for (const p of people) expect(mailsTo(p.email), p.email).toHaveLength(1);
  });
});

describe("email settings", () => {
  it("each person reads and saves only their own, and a bad value changes nothing", async () => {
    const mine = await emailSettings(riley);
    expect(mine.email).toBe("riley.placebo@nci.irci.example");
    expect(mine.timeZone).toBe("America/New_York");
    expect(mine.categories.find((c) => c.id === "comments")?.mode).toBe("DIGEST");
    expect((await refusal(emailSettings(null))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(saveEmailSettings(null, { mentions: "OFF" }))).code).toBe("UNAUTHENTICATED");
    const bad = await refusal(
      saveEmailSettings(riley, { mentions: "OFF", interest: "SOMETIMES", votes: "OFF", status: "OFF", comments: "OFF" }),
    );
    expect(bad.code).toBe("INVALID");
    // The message is on the one field that is wrong.
    expect(Object.keys((bad as ValidationError).fields)).toEqual(["interest"]);
    expect((await emailSettings(riley)).categories.every((c) => c.mode === c.default)).toBe(true);

    expect(
      await saveEmailSettings(robin, { mentions: "DIGEST", interest: "IMMEDIATE", votes: "OFF", status: "DIGEST", comments: "DIGEST" }),
    ).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "email.settings_changed", actorId: robin.userId },
      orderBy: { at: "desc" },
    });
    expect(audit.data).toEqual({
      changes: [
        { category: "mentions", from: "IMMEDIATE", to: "DIGEST" },
        { category: "votes", from: "IMMEDIATE", to: "OFF" },
      ],
    });
    expect((await emailSettings(riley)).categories.find((c) => c.id === "votes")?.mode).toBe("IMMEDIATE"); // Riley's own are untouched
  });
});

describe("unsubscribing from a link in the email", () => {
  it("works without signing in, for the person and the kind the link names only", async () => {
    await postComment(robin, "proposal", proposalId, { body: "@riley.placebo one more question" });
    await drain();
    const row = await db.outboundEmail.findFirstOrThrow({
      where: { to: "riley.placebo@nci.irci.example", category: "mentions" },
      orderBy: { createdAt: "desc" },
    });
    const token = new URL(row.unsubscribeUrl!).searchParams.get("token")!;
    expect(await readUnsubscribeLink(token)).toMatchObject({ email: "riley.placebo@nci.irci.example", scope: "mentions" });

    const done = await unsubscribe(token);
    expect(done.changed).toBe(1);
    const after = await emailSettings(riley);
    expect(after.categories.find((c) => c.id === "mentions")?.mode).toBe("OFF");
    expect(after.categories.find((c) => c.id === "votes")?.mode).toBe("IMMEDIATE");
    expect(await db.auditEvent.count({ where: { action: "email.unsubscribed", actorId: riley.userId } })).toBe(1);
    expect((await unsubscribe(token)).changed).toBe(0); // a second click is harmless

    inbox = [];
    await postComment(robin, "proposal", proposalId, { body: "@riley.placebo still there?" });
    await drain();
    expect(mailsTo("riley.placebo@nci.irci.example")).toHaveLength(0);

    // "Stop all email" from the same link.
    expect((await unsubscribe(token, true)).changed).toBe(4);
    expect((await emailSettings(riley)).categories.every((c) => c.mode === "OFF")).toBe(true);
  });

  it("refuses an altered or foreign token and changes nothing", async () => {
    const before = await db.emailPreference.count();
    const forged = `${Buffer.from(`${quinn.userId}.all`).toString("base64url")}.AAAA`;
    expect((await refusal(readUnsubscribeLink(forged))).code).toBe("INVALID");
    expect((await refusal(unsubscribe(forged))).code).toBe("INVALID");
    expect((await refusal(unsubscribe("not-a-token"))).code).toBe("INVALID");
    expect(await db.emailPreference.count()).toBe(before);
  });

  it("answers a mail program's one-click POST (RFC 8058)", async () => {
    await saveEmailSettings(quinn, {
      mentions: "IMMEDIATE",
      interest: "IMMEDIATE",
      votes: "IMMEDIATE",
      status: "DIGEST",
      comments: "DIGEST",
    });
    await postComment(robin, "proposal", proposalId, { body: "@quinn.quorum for the secretariat" });
    await drain();
    const row = await db.outboundEmail.findFirstOrThrow({
      where: { userId: quinn.userId, category: "mentions" },
      orderBy: { createdAt: "desc" },
    });
    const { POST } = await import("@/app/api/unsubscribe/route");
    const { NextRequest } = await import("next/server");
    const oneClick = row.unsubscribeUrl!.replace("/unsubscribe?", "/api/unsubscribe?");
    const response = await POST(new NextRequest(oneClick, { method: "POST", body: "List-Unsubscribe=One-Click" }));
    expect(response.status).toBe(200);
    expect((await emailSettings(quinn)).categories.find((c) => c.id === "mentions")?.mode).toBe("OFF");
    const refused = await POST(new NextRequest(`${oneClick}x`, { method: "POST", body: "List-Unsubscribe=One-Click" }));
    expect(refused.status).toBe(400);
  });
});

describe("the job queue's mail worker", () => {
  it("sends a mention within seconds of the comment, with nobody asking", async () => {
    delete process.env.JOBS;
    await startWorkers();
    try {
      // No SMTP server is configured in this run, so demo people's mail lands in the development mailbox.
      const since = new Date();
      await postComment(riley, "proposal", proposalId, { body: "@taylor.protocol the worker should mail this" });
      await expect
        .poll(
          () =>
            db.devMail.count({
              where: {
                to: "taylor.protocol@cruk.irci.example",
                createdAt: { gte: since },
                text: { contains: "the worker should mail this" },
              },
            }),
          { timeout: 20_000, interval: 250 },
        )
        .toBe(1);
    } finally {
      process.env.JOBS = "off";
      await (await queue()).stop({ graceful: false });
    }
  });
});
