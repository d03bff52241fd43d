import "server-only";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { db } from "@/lib/db";

/** What the secretariat needs to see during a mail outage: what waits, since when, and why. */
export async function mailQueueStatus(actor: Actor | null) {
  assertCan(actor, "mail.status");
  const [waiting, failed, oldest, lastSent, recentFailures] = await Promise.all([
    db.outboundEmail.count({ where: { status: "PENDING" } }),
    db.outboundEmail.count({ where: { status: "FAILED" } }),
    db.outboundEmail.findFirst({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, attempts: true, nextAttemptAt: true, lastError: true },
    }),
    db.outboundEmail.findFirst({ where: { status: "SENT" }, orderBy: { sentAt: "desc" }, select: { sentAt: true } }),
    db.outboundEmail.findMany({
      where: { status: "FAILED" },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, to: true, subject: true, lastError: true, createdAt: true },
    }),
  ]);
  return { waiting, failed, oldest, lastSentAt: lastSent?.sentAt ?? null, recentFailures };
}
