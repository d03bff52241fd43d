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

/** One rule for every screen and mail: the person's own zone, else their organization's office, else UTC. */
export function personTimeZone(own: string | null | undefined, organization: string | null | undefined): string {
  return own ?? organization ?? "UTC";
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

/** How long something has waited, in words: "under an hour", "5 hours", "1 day", "12 days". */
export function waitedWords(since: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3600_000);
  if (hours < 1) return "under an hour";
  if (hours < 48) return hours === 1 ? "1 hour" : `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}
