import "server-only";
import { shared } from "@/lib/shared-cache";
import { z } from "zod";
import { plainText } from "@/lib/validation";
import { db } from "@/lib/db";
import { SETTING_REASON_MAX } from "@/lib/settings-limits";
import { audit } from "@/lib/audit/record";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { ValidationError } from "@/lib/errors";

const RARE_THRESHOLD = "rareIncidenceThreshold";
/** IRCI's rare-cancer threshold, cases per 100,000 people a year, until the secretariat sets another. */
export const DEFAULT_RARE_THRESHOLD = 6;

/** The threshold as stored: what a decision (opening a vote) reads, inside its transaction. */
export async function readRareThreshold(client: Pick<typeof db, "setting"> = db): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: RARE_THRESHOLD } });
  const parsed = z.number().positive().safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_RARE_THRESHOLD;
}

/** For showing: read on every proposal page, so shared for a minute and dropped when changed here. */
export function getRareThreshold(): Promise<number> {
  return shared("data:setting:rare-threshold", 60_000, () => readRareThreshold());
}

export const ZThreshold = z.coerce
  .number({ message: "Enter a number, such as 6." })
  .positive("The threshold must be above 0.")
  .max(100, "A threshold above 100 per 100,000 would count common cancers as rare.");

/** Why a setting changes: kept in the audit trail. */
export const ZSettingReason = plainText(SETTING_REASON_MAX);

export async function setRareThreshold(actor: Actor | null, raw: unknown, reason: string) {
  assertCan(actor, "settings.manage");
  const parsed = ZThreshold.safeParse(raw);
  if (!parsed.success) throw new ValidationError({ threshold: parsed.error.issues[0]?.message ?? "Enter a number, such as 6." });
  const why = ZSettingReason.safeParse(reason);
  if (!why.success) throw new ValidationError({ reason: why.error.issues[0]!.message });
  if (!why.data) throw new ValidationError({ reason: "Say why the threshold changes: it changes which proposals are eligible." });
  await db.$transaction(async (tx) => {
    // Serialize changes, so each audit event's "from" is the value it really replaced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${RARE_THRESHOLD}))`;
    const current = await tx.setting.findUnique({ where: { key: RARE_THRESHOLD } });
    const previous = z.number().positive().safeParse(current?.value).data ?? DEFAULT_RARE_THRESHOLD;
    await tx.setting.upsert({
      where: { key: RARE_THRESHOLD },
      create: { key: RARE_THRESHOLD, value: parsed.data, updatedById: actor.userId },
      update: { value: parsed.data, updatedById: actor.userId },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "setting.changed",
      entityType: "setting",
      entityId: RARE_THRESHOLD,
      reason: why.data,
      data: { from: previous, to: parsed.data },
    });
  });
  return parsed.data;
}
