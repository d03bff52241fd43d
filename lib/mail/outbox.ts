import "server-only";
import { personTimeZone } from "@/lib/time";
import { issueSignInLinks, SIGN_IN_CATEGORY } from "@/lib/auth/sign-in-requests";
import type { Transporter } from "nodemailer";
import { config, portalSecret } from "@/lib/config";
import { db } from "@/lib/db";
import { categoryOfKind, modeFor, type EmailMode } from "@/lib/mail/categories";
import type { Prisma } from "@/lib/prisma-client";
import { composeDigestMail, composeNotificationMail, DIGEST_LIST_LIMIT, type MailContext } from "./compose";
import { CLAIM_LEASE_MS, digestDue, isPermanentFailure, retryDelayMs } from "./schedule";
import { sendMail } from "./send";
import { unsubscribeToken } from "./unsubscribe-token";

// Notification email in three steps, each safe to run in any number of app instances at once:
//   1. triage: each new notification becomes an outbox mail, waits for the digest, or no mail,
//      by its reader's settings;
//   2. digests: once a local day, a person's waiting notifications become one outbox mail;
//   3. sending: outbox mails go to the SMTP server; a failure is tried again later, 1, 2, 4 …
//      minutes on, so an outage delays mail and loses none.
// The job queue runs them (lib/workers.ts) a moment after something is notified and every minute.

type Tx = Prisma.TransactionClient;

function baseUrl(): string {
  return config().NEXTAUTH_URL.replace(/\/+$/, "");
}

export function unsubscribeUrl(userId: string, category: string): string {
  return `${baseUrl()}/unsubscribe?token=${unsubscribeToken({ userId, category }, portalSecret())}`;
}

const reader = {
  id: true,
  email: true,
  active: true,
  lastDigestAt: true,
  emailPreferences: { select: { category: true, mode: true } },
  timeZone: true,
  membership: { select: { organization: { select: { timeZone: true } } } },
} as const;

type Reader = Prisma.UserGetPayload<{ select: typeof reader }>;

const zoneOf = (user: Reader) => personTimeZone(user.timeZone, user.membership?.organization.timeZone);
const savedModes = (user: Reader) => new Map<string, EmailMode>(user.emailPreferences.map((p) => [p.category, p.mode]));

/** Step 1. Returns how many notifications it looked at. */
export async function triageNotifications(batch = 200): Promise<number> {
  return db.$transaction(async (tx) => {
    // Rows another instance is triaging are skipped, not waited for.
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Notification" WHERE email = 'PENDING' ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
    if (claimed.length === 0) return 0;
    const rows = await tx.notification.findMany({
      where: { id: { in: claimed.map((c) => c.id) } },
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, user: { select: reader } },
    });
    const skip: string[] = [];
    const digest: string[] = [];
    const outbox: Prisma.OutboundEmailCreateManyInput[] = [];
    const queued: string[] = [];
    for (const n of rows) {
      const mode = n.user.active ? modeFor(n.kind, savedModes(n.user)) : "OFF";
      if (mode === "OFF") skip.push(n.id);
      else if (mode === "DIGEST") digest.push(n.id);
      else {
        const category = categoryOfKind(n.kind);
        const unsubscribe = unsubscribeUrl(n.user.id, category?.id ?? "all");
        const context: MailContext = {
          baseUrl: baseUrl(),
          timeZone: zoneOf(n.user),
          reason: category?.label ?? "All notification email",
          unsubscribeUrl: unsubscribe,
        };
        outbox.push({
          userId: n.user.id,
          to: n.user.email,
          category: category?.id ?? "other",
          unsubscribeUrl: unsubscribe,
          ...composeNotificationMail(n, context),
        });
        queued.push(n.id);
      }
    }
    if (skip.length) await tx.notification.updateMany({ where: { id: { in: skip } }, data: { email: "SKIPPED" } });
    if (digest.length) await tx.notification.updateMany({ where: { id: { in: digest } }, data: { email: "DIGEST" } });
    if (outbox.length) {
      await tx.outboundEmail.createMany({ data: outbox });
      await tx.notification.updateMany({ where: { id: { in: queued } }, data: { email: "QUEUED" } });
    }
    return rows.length;
  });
}

/** The most notifications one digest takes; any more go out in a further digest at the next run. */
const DIGEST_TAKE = 500;

/** Step 2. Returns how many digests it put in the outbox. */
export async function queueDueDigests(now = new Date()): Promise<number> {
  const waiting = await db.notification.groupBy({ by: ["userId"], where: { email: "DIGEST" }, _min: { createdAt: true } });
  if (waiting.length === 0) return 0;
  const oldest = new Map(waiting.map((w) => [w.userId, w._min.createdAt!]));
  const people = await db.user.findMany({ where: { id: { in: [...oldest.keys()] } }, select: reader });
  let queued = 0;
  for (const person of people) {
    if (!digestDue(now, oldest.get(person.id)!, zoneOf(person))) continue;
    if (await queueDigest(person, now)) queued++;
  }
  return queued;
}

async function queueDigest(person: Reader, now: Date): Promise<boolean> {
  return db.$transaction(async (tx: Tx) => {
    // Whoever moves lastDigestAt on first sends the digest; another instance finds it moved.
    const { count } = await tx.user.updateMany({
      where: { id: person.id, lastDigestAt: person.lastDigestAt },
      data: { lastDigestAt: now },
    });
    if (count === 0) return false;
    const items = await tx.notification.findMany({
      where: { userId: person.id, email: "DIGEST", createdAt: { lte: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: DIGEST_TAKE,
      select: { id: true, title: true, body: true, link: true, createdAt: true },
    });
    // Read again under the claim: another instance may have sent these a moment ago.
    if (items.length === 0 || !digestDue(now, items[0]!.createdAt, zoneOf(person))) return false;
    const ids = items.map((i) => i.id);
    if (!person.active) {
      await tx.notification.updateMany({ where: { id: { in: ids } }, data: { email: "SKIPPED" } });
      return false;
    }
    const unsubscribe = unsubscribeUrl(person.id, "digest");
    const context: MailContext = { baseUrl: baseUrl(), timeZone: zoneOf(person), reason: "Daily digest", unsubscribeUrl: unsubscribe };
    const mail = composeDigestMail(items.slice(0, DIGEST_LIST_LIMIT), items.length, context);
    await tx.outboundEmail.create({
      data: { userId: person.id, to: person.email, category: "digest", unsubscribeUrl: unsubscribe, nextAttemptAt: now, ...mail },
    });
    await tx.notification.updateMany({ where: { id: { in: ids } }, data: { email: "QUEUED" } });
    return true;
  });
}

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** Step 3. Sends what is due, each mail claimed by one worker through a guarded update. */
export async function sendDueEmails(options: { now?: Date; transport?: Transporter; batch?: number } = {}): Promise<SendResult> {
  const now = options.now ?? new Date();
  const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
  const due = await db.outboundEmail.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: options.batch ?? 25,
  });
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  let serverDown: { until: Date; error: string } | null = null;
  for (const candidate of due) {
    // Claimed when the row is still as we read it: two workers never send the same mail.
    const claim = await db.outboundEmail.updateMany({
      where: { id: candidate.id, status: "PENDING", attempts: candidate.attempts },
      data: { attempts: { increment: 1 }, nextAttemptAt: leaseUntil },
    });
    if (claim.count === 0) continue;
    const attempts = candidate.attempts + 1;
    if (serverDown) {
      // The server was unreachable a moment ago: wait with the others, without counting a try.
      await db.outboundEmail.update({
        where: { id: candidate.id },
        data: { attempts: candidate.attempts, nextAttemptAt: serverDown.until, lastError: serverDown.error },
      });
      result.retrying++;
      continue;
    }
    const mail = candidate;
    try {
      // The body links to the page that asks first; mail programs' one-click button posts here (RFC 8058).
      const oneClick = mail.unsubscribeUrl?.replace("/unsubscribe?", "/api/unsubscribe?");
      const headers = oneClick ? { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : undefined;
      const delivered = await sendMail(
        { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers },
        options.transport,
      );
      if (delivered) {
        await db.outboundEmail.update({
          where: { id: mail.id },
          data: { status: "SENT", sentAt: new Date(), lastError: null, ...scrubbed(mail.category) },
        });
        result.sent++;
      } else {
        await db.outboundEmail.update({
          where: { id: mail.id },
          data: {
            status: "FAILED",
            lastError: "No mail server is configured for this address (EMAIL_SERVER).",
            ...scrubbed(mail.category),
          },
        });
        result.failed++;
      }
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      if (isPermanentFailure(error)) {
        await db.outboundEmail.update({
          where: { id: mail.id },
          data: { status: "FAILED", lastError: message, ...scrubbed(mail.category) },
        });
        result.failed++;
        continue;
      }
      const until = new Date(now.getTime() + retryDelayMs(attempts));
      await db.outboundEmail.update({ where: { id: mail.id }, data: { nextAttemptAt: until, lastError: message } });
      result.retrying++;
      // No SMTP answer at all: the server is down or unreachable, so the rest of the batch waits too.
      if (typeof (error as { responseCode?: unknown }).responseCode !== "number") serverDown = { until, error: message };
    }
  }
  return result;
}

/** A sign-in link signs its holder in: once it has gone (or never will), the stored copy keeps no trace of it. */
function scrubbed(category: string) {
  return category === SIGN_IN_CATEGORY ? { text: "(sign-in link: removed after sending)", html: "" } : {};
}

/** All the steps: what the job queue's mail worker runs (sign-in links first: someone waits for them). */
export async function deliverMail(options: { now?: Date; transport?: Transporter } = {}) {
  const links = await issueSignInLinks();
  const triaged = await triageNotifications();
  const digests = await queueDueDigests(options.now);
  const sent = await sendDueEmails(options);
  return { links, triaged, digests, ...sent };
}
