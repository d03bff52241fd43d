import { dateTimeFormat } from "@/lib/time";

// When mail goes out: retry backoff and the daily digest's hour. Pure, so tested without a clock.

/** Local hour at which a person's daily digest is sent, in their organization's time zone. */
export const DIGEST_HOUR = 7;

/** How long a claimed mail is reserved for the worker that claimed it, should that worker die. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** Wait before the next try after `attempts` failed tries: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  const minutes = Math.min(60, 2 ** Math.max(0, attempts - 1));
  return minutes * 60_000;
}

function localParts(at: Date, timeZone: string) {
  const p = Object.fromEntries(
    dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

/**
 * A digest goes out at DIGEST_HOUR local time and covers what waited since the previous one: it is
 * due once that hour has come, where the person works, after the oldest waiting notification.
 * So the first digest waits for the next morning too, and there is at most one a local day.
 * Daylight saving is the zone data's business.
 */
export function digestDue(now: Date, oldestWaiting: Date, timeZone: string): boolean {
  const today = localParts(now, timeZone);
  if (today.hour < DIGEST_HOUR) return false;
  const since = localParts(oldestWaiting, timeZone);
  return since.date < today.date || since.hour < DIGEST_HOUR;
}

/** An SMTP answer in the 5xx range is final (no such mailbox, refused): trying again will not help. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
