// Wall-clock times in a zone, as a datetime-local or date field holds them, and the instants they
// name. Apart from lib/time.ts, which the browser's clock component loads: these need the zone data
// of @date-fns/tz and the calendar check of lib/validation.ts, on the server.
import { TZDate } from "@date-fns/tz";
import { isRealDay } from "@/lib/validation";

/** The wall-clock time of an instant in a zone, as a datetime-local field holds it ("2026-12-09T17:00"). */
export function wallTimeInZone(at: Date, timeZone: string): string {
  const t = new TZDate(at.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** True for an IANA zone this runtime knows ("Asia/Tokyo", "UTC"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a wall-clock time names in a zone ("2026-12-09T17:00" in Asia/Tokyo is 08:00 UTC), or
 * null when it is no such time (a day that does not exist, a zone that does not). A time skipped by a
 * daylight-saving change moves forward, as clocks do.
 */
export function instantFromWallTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!m || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59) return null;
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
}
