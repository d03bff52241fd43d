// Finding an hour when offices up to sixteen hours apart are all at work. Pure: every local time
// comes from the IANA zone at that instant, so daylight-saving changes are handled by the zone data,
// and the weekend is each office's own: its days off in its own calendar (Friday evening in New York
// is Saturday morning in Sydney; an office that works Sunday to Thursday is off on a Friday).
import { TZDate } from "@date-fns/tz";
import { dateTimeFormat } from "@/lib/time";
import { wallTimeInZone } from "@/lib/wall-time";
import { isRealDay } from "@/lib/validation";

export const WORKDAY_START = 9;
export const WORKDAY_END = 18;
export const SLOT_STEP_MINUTES = 30;
/** ISO weekdays: 1 is Monday, 7 Sunday. */
const ISO_WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
/** The working week of an office that does not say otherwise (and of all eight founding offices). */
export const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];

const DAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** An office's working week in words: "Monday to Friday", "Sunday to Thursday", or the days one by one. */
export function workingWeek(days: readonly number[]): string {
  const set = new Set(days.filter((d) => d >= 1 && d <= 7));
  if (set.size === 0) return "No working days";
  if (set.size === 7) return "Every day";
  // Start from a working day whose eve is off, then go round the week.
  const first = [...set].find((d) => !set.has(((d + 5) % 7) + 1))!;
  const run = Array.from({ length: 7 }, (_, i) => ((first - 1 + i) % 7) + 1).filter((d) => set.has(d));
  const contiguous = run.every((d, i) => i === 0 || d === (run[i - 1]! % 7) + 1);
  if (contiguous && run.length > 1) return `${DAY_NAMES[run[0]!]} to ${DAY_NAMES[run.at(-1)!]}`;
  return run.map((d) => DAY_NAMES[d]).join(", ");
}

export interface Office {
  organization: string;
  timeZone: string;
  /** The ISO weekdays the office works, from its organization's record; Monday to Friday if not given. */
  workingDays?: readonly number[];
}

export interface LocalTime {
  organization: string;
  timeZone: string;
  /** "08:30" */
  start: string;
  end: string;
  /** Weekday of the local start, e.g. "Tue": a meeting can fall on another day elsewhere. */
  weekday: string;
  /** The meeting falls on one of this office's days off (Saturday and Sunday for most). */
  weekend: boolean;
  inWorkingDay: boolean;
  /** Minutes of the meeting outside 09:00-18:00 local (0 when inside). */
  minutesOutside: number;
  /** How far outside: each minute outside weighs its distance from the working day, so 08:00 beats 01:00. */
  inconvenience: number;
}

export interface Slot {
  start: Date;
  end: Date;
  offices: LocalTime[];
  /** How many offices have the whole meeting inside their working day. */
  inside: number;
  /** Total minutes outside working hours, summed over the offices. */
  minutesOutside: number;
  /** Summed over the offices: the tie-breaker between slots that suit as many offices. */
  inconvenience: number;
}

function parts(at: Date, timeZone: string) {
  const f = dateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23", day: "2-digit" });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { hour: Number(p.hour), minute: Number(p.minute), weekday: p.weekday!, day: p.day! };
}

const hhmm = (h: number, m: number) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;

/** Where a meeting from `start` to `end` falls in one office's day. */
export function localTime(office: Office, start: Date, end: Date): LocalTime {
  const working = office.workingDays ?? MONDAY_TO_FRIDAY;
  const dayOff = (weekday: string) => !working.includes(ISO_WEEKDAY[weekday] ?? 0);
  const s = parts(start, office.timeZone);
  const e = parts(end, office.timeZone);
  const startMin = s.hour * 60 + s.minute;
  const length = Math.round((end.getTime() - start.getTime()) / 60_000);
  // Count minute by minute in blocks: the meeting may cross midnight or a clock change locally.
  let outside = 0;
  let inconvenience = 0;
  for (let t = 0; t < length; t += 5) {
    const at = parts(new Date(start.getTime() + t * 60_000), office.timeZone);
    const minute = at.hour * 60 + at.minute;
    if (dayOff(at.weekday)) {
      // A weekend minute is worse than any hour of a working night.
      const block = Math.min(5, length - t);
      outside += block;
      inconvenience += block * 1440;
    } else if (minute < WORKDAY_START * 60 || minute >= WORKDAY_END * 60 || at.day !== s.day) {
      const block = Math.min(5, length - t);
      outside += block;
      // Minutes to the nearest edge of the working day, going round the clock.
      const before = (WORKDAY_START * 60 - minute + 1440) % 1440;
      const after = (minute - WORKDAY_END * 60 + 1440) % 1440;
      inconvenience += block * (1 + Math.min(before, after));
    }
  }
  return {
    organization: office.organization,
    timeZone: office.timeZone,
    start: hhmm(s.hour, s.minute),
    end: hhmm(e.hour, e.minute),
    weekday: s.weekday,
    weekend: dayOff(s.weekday) || dayOff(e.weekday),
    inWorkingDay: outside === 0 && startMin >= WORKDAY_START * 60 && !dayOff(s.weekday),
    minutesOutside: outside,
    inconvenience,
  };
}

/**
 * Every start on the half hour during the given day in the planner's zone (the person's own), best
 * first: most offices inside their working day, then the least far outside it for the others, then
 * earliest. Starts already past (with `now`) are not offered.
 */
export function rankSlots(date: string, durationMinutes: number, offices: Office[], timeZone = "UTC", now?: Date): Slot[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error("date must be yyyy-MM-dd");
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  // The day's first and next day's first instant in the zone: 23, 24 or 25 hours, as clocks change.
  const dayStart = new TZDate(y, m - 1, d, 0, 0, timeZone).getTime();
  const dayEnd = new TZDate(y, m - 1, d + 1, 0, 0, timeZone).getTime();
  const slots: Slot[] = [];
  for (let at = dayStart; at < dayEnd; at += SLOT_STEP_MINUTES * 60_000) {
    if (now && at < now.getTime()) continue;
    const start = new Date(at);
    const end = new Date(start.getTime() + durationMinutes * 60_000);
    const local = offices.map((o) => localTime(o, start, end));
    slots.push({
      start,
      end,
      offices: local,
      inside: local.filter((l) => l.inWorkingDay).length,
      minutesOutside: local.reduce((n, l) => n + l.minutesOutside, 0),
      inconvenience: local.reduce((n, l) => n + l.inconvenience, 0),
    });
  }
  return slots.sort((a, b) => b.inside - a.inside || a.inconvenience - b.inconvenience || a.start.getTime() - b.start.getTime());
}

/** Today in the zone, as yyyy-MM-dd: the first day a meeting can be planned on. */
export function today(timeZone: string, now: Date): string {
  return wallTimeInZone(now, timeZone).slice(0, 10);
}

/** The day a planner opens on: a week ahead in the person's zone, enough notice across every office. */
export function weekAhead(now: Date = new Date(), timeZone = "UTC"): string {
  return wallTimeInZone(new Date(now.getTime() + 7 * 86400_000), timeZone).slice(0, 10);
}

/** Meetings are planned from today to five years ahead. */
const PLANNABLE_DAYS_AHEAD = 5 * 366;

export type DayRefusal = "not a day" | "past" | "too far";

/** The day asked for, in the person's zone, or why it cannot be planned on (the planner then opens a week ahead). */
export function plannableDay(
  asked: string | undefined,
  now: Date = new Date(),
  timeZone = "UTC",
): { day: string } | { refused: DayRefusal } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asked ?? "");
  if (!match) return { refused: "not a day" };
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  if (!isRealDay(y, m, d)) return { refused: "not a day" };
  if (asked! < today(timeZone, now)) return { refused: "past" };
  if ((Date.UTC(y, m - 1, d) - now.getTime()) / 86400_000 > PLANNABLE_DAYS_AHEAD) return { refused: "too far" };
  return { day: asked! };
}

/** A meeting's start an invitation may carry: not past (an hour's grace for a slow click), within five years. */
export function plannableStart(start: Date, now: Date = new Date()): boolean {
  const offset = (start.getTime() - now.getTime()) / 86400_000;
  return Number.isFinite(offset) && offset >= -1 / 24 && offset <= PLANNABLE_DAYS_AHEAD + 1;
}
