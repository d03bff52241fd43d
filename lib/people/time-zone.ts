import "server-only";
// The person's own time zone, in which the portal shows them every time and sends their digest.
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { ValidationError } from "@/lib/errors";
import { isTimeZone } from "@/lib/wall-time";

/** The zones a person can choose from: the IANA names this runtime knows. */
export function timeZoneChoices(): string[] {
  return Intl.supportedValuesOf("timeZone");
}

/**
 * Sets the signed-in person's own zone ("" goes back to their organization's). Always one's own:
 * the person is never taken from the request. Audited in the same transaction.
 */
export async function setOwnTimeZone(actor: Actor | null, raw: unknown): Promise<boolean> {
  assertCan(actor, "email.settings");
  let zone: string | null = null;
  if (raw !== "" && raw !== null && raw !== undefined) {
    if (!isTimeZone(raw)) throw new ValidationError({ timeZone: "Choose a time zone from the list, such as Europe/London." });
    // The canonical name: "asia/tokyo" and "Japan" are stored as Asia/Tokyo.
    zone = new Intl.DateTimeFormat("en", { timeZone: raw }).resolvedOptions().timeZone;
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { timeZone: true } });
    if (before.timeZone === zone) return false;
    await tx.user.update({ where: { id: actor.userId }, data: { timeZone: zone } });
    await audit(tx, {
      actorId: actor.userId,
      action: "person.time_zone_set",
      entityType: "user",
      entityId: actor.userId,
      data: { from: before.timeZone, to: zone },
    });
    return true;
  });
}
