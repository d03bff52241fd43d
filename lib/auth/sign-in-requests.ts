import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { nudgeMailWorker } from "@/lib/jobs/nudge";
import type { Prisma } from "@/lib/prisma-client";
import { normalizeEmail } from "./adapter";
import { safeCallbackUrl } from "./callback-url";
import { LINK_LIFETIME_SECONDS, signInMail } from "./sign-in-mail";
import { issueSignInToken } from "./sign-in-token";

/**
 * How many links may be asked for, per address and per client address (an office behind one
 * address is many people: its limit is wider). Kept in PostgreSQL, so it holds across instances.
 */
export const SIGN_IN_LIMITS = {
  address: [
    { max: 1, seconds: 60 },
    { max: 10, seconds: 60 * 60 },
  ],
  client: [{ max: 30, seconds: 15 * 60 }],
} as const;

const ZRequest = z.object({
  email: z
    .string()
    .trim()
    .max(320, "An email address has at most 320 characters.")
    .pipe(z.email("Enter an email address such as name@organization.org.")),
  callbackUrl: z.string().max(2000).optional(),
});

export type SignInAnswer = { ok: true } | { ok: false; field?: "email"; message: string };

function waitMessage(seconds: number): string {
  const wait = seconds < 90 ? `${Math.max(1, Math.ceil(seconds))} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `A link was asked for this address a moment ago: look for it in your inbox (it can take a minute to arrive). You can ask for another in ${wait}.`;
}

/**
 * Seconds until `key` may ask again under `limits`, or 0 now. Runs under the key's advisory lock,
 * so two requests at the same instant are counted one after the other, never both let through.
 */
async function secondsToWait(
  tx: Prisma.TransactionClient,
  column: "email" | "clientAddress",
  value: string,
  limits: readonly { max: number; seconds: number }[],
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${column}:${value}`}))`;
  let wait = 0;
  for (const limit of limits) {
    const since = new Date(Date.now() - limit.seconds * 1000);
    const recent = await tx.signInRequest.findMany({
      where: { [column]: value, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: limit.max,
      select: { createdAt: true },
    });
    if (recent.length >= limit.max) {
      const oldest = recent[limit.max - 1]!.createdAt.getTime();
      wait = Math.max(wait, (oldest + limit.seconds * 1000 - Date.now()) / 1000);
    }
  }
  return wait;
}

/**
 * What the sign-in form does. It answers the same for every address, in content and in time: it
 * never looks the person up and never waits for a mail server. It records the request (within the
 * limits) and nudges the mail worker, which makes and sends the link within seconds for people the
 * portal knows (issueSignInLinks).
 */
export async function requestSignInLink(raw: { email: unknown; callbackUrl?: unknown }, clientAddress: string): Promise<SignInAnswer> {
  const parsed = ZRequest.safeParse(raw);
  if (!parsed.success) return { ok: false, field: "email", message: parsed.error.issues[0]!.message };
  const email = normalizeEmail(parsed.data.email);
  const callbackUrl = safeCallbackUrl(parsed.data.callbackUrl);
  const client = clientAddress.slice(0, 100) || "unknown";
  const answer = await db.$transaction(async (tx): Promise<SignInAnswer> => {
    // Locks in a fixed order (address, then client): two requests never wait on each other crosswise.
    const byAddress = await secondsToWait(tx, "email", email, SIGN_IN_LIMITS.address);
    // With no proxy in front to say who the client is, every request would share one "client":
    // then only the per-address limit applies (README: deploy behind the load balancer).
    const byClient = client === "unknown" ? 0 : await secondsToWait(tx, "clientAddress", client, SIGN_IN_LIMITS.client);
    if (byAddress > 0) return { ok: false, field: "email", message: waitMessage(byAddress) };
    if (byClient > 0) {
      return {
        ok: false,
        message: `Many sign-in links were asked for from your network just now. Please try again in ${Math.ceil(byClient / 60)} minutes.`,
      };
    }
    await tx.signInRequest.create({ data: { email, clientAddress: client, callbackUrl } });
    return { ok: true };
  });
  if (answer.ok) nudgeMailWorker();
  return answer;
}

/**
 * The mail worker's step: turns waiting requests into links for active people (a single-use token
 * and a mail in the outbox, in one transaction) and drops the others. Claimed with SKIP LOCKED, so
 * instances share the work and no request is handled twice. Returns how many links it made.
 */
export async function issueSignInLinks(batch = 50): Promise<number> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string; email: string; callbackUrl: string }[]>`
      SELECT id, email, "callbackUrl" FROM "SignInRequest" WHERE "processedAt" IS NULL
      ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
    if (claimed.length === 0) return 0;
    await tx.signInRequest.updateMany({ where: { id: { in: claimed.map((c) => c.id) } }, data: { processedAt: new Date() } });
    const people = await tx.user.findMany({
      where: { email: { in: claimed.map((c) => c.email) }, active: true },
      select: { id: true, email: true },
    });
    const byEmail = new Map(people.map((p) => [p.email, p.id]));
    const base = config().NEXTAUTH_URL.replace(/\/$/, "");
    let made = 0;
    for (const request of claimed) {
      const userId = byEmail.get(request.email);
      if (!userId) continue;
      const path = await issueSignInToken(tx, request.email, `${base}${request.callbackUrl}`, LINK_LIFETIME_SECONDS);
      const mail = signInMail(`${base}${path}`, LINK_LIFETIME_SECONDS);
      await tx.outboundEmail.create({
        data: { userId, to: request.email, category: SIGN_IN_CATEGORY, subject: mail.subject, text: mail.text, html: mail.html },
      });
      made++;
    }
    return made;
  });
}

/** The outbox category of sign-in mail: its link is removed from the stored copy once sent. */
export const SIGN_IN_CATEGORY = "sign-in";

/** The sweep's part: tokens past their expiry and requests older than a day go. */
export async function purgeSignInData(now = new Date()): Promise<{ tokens: number; requests: number }> {
  const tokens = await db.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  const requests = await db.signInRequest.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) }, processedAt: { not: null } },
  });
  return { tokens: tokens.count, requests: requests.count };
}

/** Demo sign-ins issue tokens too: at most this many a minute from one client address. */
export const DEMO_SIGN_INS_PER_MINUTE = 120;

/**
 * Records a demo sign-in against its client's limit; false when the limit is reached. The row is
 * marked handled at once: a demo sign-in sends no mail.
 */
export async function takeDemoSignInSlot(clientAddress: string): Promise<boolean> {
  const client = `demo:${clientAddress.slice(0, 100) || "unknown"}`;
  // Demo mode runs on one's own machine or a demo server: one shared limit when no proxy names clients.
  return db.$transaction(async (tx) => {
    const wait = await secondsToWait(tx, "clientAddress", client, [{ max: DEMO_SIGN_INS_PER_MINUTE, seconds: 60 }]);
    if (wait > 0) return false;
    await tx.signInRequest.create({ data: { email: "(demo sign-in)", clientAddress: client, callbackUrl: "/", processedAt: new Date() } });
    return true;
  });
}

/**
 * The client's address: the last entry of X-Forwarded-For, which the load balancer in front sets
 * (deploy/nginx.conf replaces whatever the client sent with the address it saw), else X-Real-IP.
 * Next.js fills the header with the connection's address when a request has none; with no proxy in
 * front a client may still send one of its own, which only moves it to another per-client limit:
 * the per-address limits hold whatever it says (README, Security).
 */
export function clientAddressOf(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
