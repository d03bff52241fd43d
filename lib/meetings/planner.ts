import { dateTimeFormat } from "@/lib/time";
import { isRealDay } from "@/lib/validation";
// Finding an hour when offices up to sixteen hours apart are all awake. Pure: every local time
// comes from the IANA zone at that instant, so daylight-saving changes are handled by the zone data.

export const WORKDAY_START = 9;
export const WORKDAY_END = 18;
export const SLOT_STEP_MINUTES = 30;

export interface Office {
  organization: string;
  timeZone: string;
}

export interface LocalTime {
  organization: string;
  timeZone: string;
  /** "08:30" */
  start: string;
  end: string;
  /** Weekday of the local start, e.g. "Tue": a meeting can fall on another day elsewhere. */
  weekday: string;
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
    if (minute < WORKDAY_START * 60 || minute >= WORKDAY_END * 60 || at.day !== s.day) {
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
    inWorkingDay: outside === 0 && startMin >= WORKDAY_START * 60,
    minutesOutside: outside,
    inconvenience,
  };
}

/**
 * Every start on the half hour during the given UTC day, best first: most offices inside their
 * working day, then the least far outside it for the others, then earliest.
 */
export function rankSlots(date: string, durationMinutes: number, offices: Office[]): Slot[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error("date must be yyyy-MM-dd");
  const dayStart = Date.parse(`${date}T00:00:00Z`);
  const slots: Slot[] = [];
  for (let m = 0; m < 24 * 60; m += SLOT_STEP_MINUTES) {
    const start = new Date(dayStart + m * 60_000);
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

/** The day a planner opens on: a week ahead, enough notice across eight offices. */
export function weekAhead(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 86400_000).toISOString().slice(0, 10);
}

/** Meetings are planned from a year back (to look up one that was held) to five years ahead. */
const PLANNABLE_DAYS_BACK = 366;
const PLANNABLE_DAYS_AHEAD = 5 * 366;

/** The day asked for, when it is a real day within reach; otherwise undefined (the planner opens a week ahead). */
export function plannableDay(asked: string | undefined, now: Date = new Date()): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asked ?? "");
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (!isRealDay(y, m, d)) return undefined;
  const offset = (Date.UTC(y, m - 1, d) - now.getTime()) / 86400_000;
  return offset >= -PLANNABLE_DAYS_BACK && offset <= PLANNABLE_DAYS_AHEAD ? asked : undefined;
}

/** A meeting's start an invitation may carry: a real instant within the same reach as the planner's days. */
export function plannableStart(start: Date, now: Date = new Date()): boolean {
  const offset = (start.getTime() - now.getTime()) / 86400_000;
  return Number.isFinite(offset) && offset >= -PLANNABLE_DAYS_BACK - 1 && offset <= PLANNABLE_DAYS_AHEAD + 1;
}
