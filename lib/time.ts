import { TZDate } from "@date-fns/tz";

// Building an Intl.DateTimeFormat costs far more than using one (a page of comments and a
// timeline formats dozens of dates): each format is made once per zone and kept.
const formats = new Map<string, Intl.DateTimeFormat>();
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

/** Local wall-clock time in an IANA zone, e.g. "14:05". */
export function localTime(timeZone: string, at: Date = new Date()): string {
  return dateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}

/** Weekday in that zone, e.g. "Thu": offices sixteen hours apart are often on different days. */
export function localWeekday(timeZone: string, at: Date = new Date()): string {
  return dateTimeFormat("en-GB", { timeZone, weekday: "short" }).format(at);
}

/** The zone's offset from UTC at that instant, e.g. "UTC+11" or "UTC-5" (daylight saving included). */
export function utcOffset(timeZone: string, at: Date = new Date()): string {
  const part = dateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const offset = part?.replace("GMT", "UTC") ?? "UTC";
  return /^UTC([+-]0(:00)?)?$/.test(offset) ? "UTC" : offset;
}

/** A timestamp shown in the reader's own zone, with the zone named. */
export function formatDateTime(at: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(at);
}

const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region" });
export function countryName(code: string): string {
  return COUNTRY_NAMES.of(code.trim()) ?? code;
}

/** A stored country (ISO code where known, else a name as given) as a person reads it. */
export function countryLabel(country: string): string {
  return /^[A-Z]{2}$/.test(country) ? countryName(country) : country;
}

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
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
}
