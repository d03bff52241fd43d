import "server-only";
import { personTimeZone } from "@/lib/time";
import { z } from "zod";
import { audit } from "@/lib/audit/record";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { DIGEST_HOUR } from "@/lib/mail/schedule";
import { EMAIL_CATEGORIES, effectiveModes, emailCategory, type EmailMode } from "./categories";
import { portalSecret } from "@/lib/config";

const Mode = z.enum(["IMMEDIATE", "DIGEST", "OFF"], { error: "Choose at once, daily digest or off." });

/** The signed-in person's own email settings: there is no way to ask for someone else's. */
export async function emailSettings(actor: Actor | null) {
  assertCan(actor, "email.settings");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: {
      email: true,
      emailPreferences: { select: { category: true, mode: true } },
      timeZone: true,
      membership: { select: { organization: { select: { timeZone: true } } } },
    },
  });
  return {
    email: user.email,
    timeZone: personTimeZone(user.timeZone, user.membership?.organization.timeZone),
    ownTimeZone: user.timeZone,
    organizationTimeZone: user.membership?.organization.timeZone ?? null,
    digestHour: DIGEST_HOUR,
    categories: effectiveModes(new Map(user.emailPreferences.map((p) => [p.category, p.mode]))),
  };
}

/** Saves every category's mode at once; a missing or unknown value is refused and nothing changes. */
export async function saveEmailSettings(actor: Actor | null, input: Record<string, unknown>) {
  assertCan(actor, "email.settings");
  const modes = new Map<string, EmailMode>();
  const problems: Record<string, string> = {};
  for (const c of EMAIL_CATEGORIES) {
    const parsed = Mode.safeParse(input[c.id]);
    if (parsed.success) modes.set(c.id, parsed.data);
    else problems[c.id] = parsed.error.issues[0]!.message;
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  const before = await emailSettings(actor);
  const changes = before.categories
    .filter((c) => modes.get(c.id) !== c.mode)
    .map((c) => ({ category: c.id, from: c.mode, to: modes.get(c.id)! }));
  if (changes.length === 0) return 0;
  await db.$transaction(async (tx) => {
    for (const change of changes) {
      await tx.emailPreference.upsert({
        where: { userId_category: { userId: actor.userId, category: change.category } },
        create: { userId: actor.userId, category: change.category, mode: change.to },
        update: { mode: change.to },
      });
    }
    await audit(tx, {
      actorId: actor.userId,
      action: "email.settings_changed",
      entityType: "user",
      entityId: actor.userId,
      data: { changes },
    });
  });
  return changes.length;
}

/** Which categories an unsubscribe scope turns off, given the person's present settings. */
function categoriesOf(scope: string, current: { id: string; mode: EmailMode }[]): string[] {
  if (scope === "all") return current.filter((c) => c.mode !== "OFF").map((c) => c.id);
  if (scope === "digest") return current.filter((c) => c.mode === "DIGEST").map((c) => c.id);
  return emailCategory(scope) ? [scope] : [];
}

function describeScope(scope: string): string {
  if (scope === "all") return "any email from the IRCI portal";
  if (scope === "digest") return "the daily digest";
  return `emails for “${emailCategory(scope)?.label ?? scope}”`;
}

/** What an unsubscribe link would stop, for the page that asks to confirm. No sign-in needed. */
export async function readUnsubscribeLink(token: string) {
  // The token comes from a link or a form: anything but a short string is no valid link.
  const scope = typeof token === "string" && token.length <= 500 ? readUnsubscribeToken(token, portalSecret()) : null;
  if (!scope)
    throw new AppError(
      "INVALID",
      "This unsubscribe link is not valid. Copy the whole link from the email, or change your settings after signing in.",
    );
  const user = await db.user.findUnique({ where: { id: scope.userId }, select: { email: true } });
  if (!user) throw new AppError("NOT_FOUND", "The person this link was for is no longer in the portal.");
  return { userId: scope.userId, email: user.email, scope: scope.category, description: describeScope(scope.category) };
}

/**
 * Turns off what the link names (or, with `everything`, all notification email), for the person
 * the signed token names, audited. Idempotent: a second click changes nothing and says so.
 */
export async function unsubscribe(token: string, everything = false) {
  const link = await readUnsubscribeLink(token);
  const { userId } = link;
  const scope = everything === true ? "all" : link.scope;
  return db.$transaction(async (tx) => {
    const saved = await tx.emailPreference.findMany({ where: { userId }, select: { category: true, mode: true } });
    const current = effectiveModes(new Map(saved.map((p) => [p.category, p.mode])));
    const off = categoriesOf(scope, current).filter((id) => current.find((c) => c.id === id)?.mode !== "OFF");
    for (const category of off) {
      await tx.emailPreference.upsert({
        where: { userId_category: { userId, category } },
        create: { userId, category, mode: "OFF" },
        update: { mode: "OFF" },
      });
    }
    if (off.length)
      await audit(tx, {
        actorId: userId,
        action: "email.unsubscribed",
        entityType: "user",
        entityId: userId,
        data: { scope, categories: off },
      });
    return { email: link.email, description: describeScope(scope), changed: off.length };
  });
}
