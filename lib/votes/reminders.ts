// When a representative whose organization has not voted is reminded. Pure.
//
// The "vote opened" notice already says when the vote closes, so a reminder is worth sending only
// once people have had time to act on it. The windows are 48 and 24 hours before the close; a
// reminder goes out for the nearest window that has begun, provided that
// - the vote has been open for its quiet period: 24 hours, or half its length if it is shorter
//   (a vote opened 30 hours before its close reminds 15 hours before it, never at the opening);
// - that window has not been reminded yet (each window at most once), and
// - the previous reminder of this vote is at least 12 hours old (a vote opened 49 hours before its
//   close does not remind at 25 and again at 24 hours before it).
// The vote row keeps the last window reminded and when; close.ts claims a window with an update
// guarded by these same conditions, so concurrent sweeps send it once.

export const REMINDER_HOURS = [48, 24] as const;
export type ReminderWindow = (typeof REMINDER_HOURS)[number];
export const QUIET_HOURS = 24;
export const REMINDER_GAP_HOURS = 12;

const HOUR = 3600_000;

export interface ReminderState {
  opensAt: Date;
  closesAt: Date;
  /** The last window reminded (48 or 24), if any. */
  remindedHours: number | null;
  remindedAt: Date | null;
}

/** How long after its opening a vote stays quiet: 24 hours, or half its length if shorter. */
export function quietMs(vote: Pick<ReminderState, "opensAt" | "closesAt">): number {
  return Math.min(QUIET_HOURS * HOUR, (vote.closesAt.getTime() - vote.opensAt.getTime()) / 2);
}

/** The window to remind now, or null when no reminder is due. */
export function reminderDue(vote: ReminderState, now: Date): ReminderWindow | null {
  const left = vote.closesAt.getTime() - now.getTime();
  if (left <= 0) return null;
  if (now.getTime() - vote.opensAt.getTime() < quietMs(vote)) return null;
  const window = REMINDER_HOURS.filter((h) => left <= h * HOUR).at(-1);
  if (window === undefined) return null;
  if (vote.remindedHours !== null && vote.remindedHours <= window) return null;
  if (vote.remindedAt && now.getTime() - vote.remindedAt.getTime() < REMINDER_GAP_HOURS * HOUR) return null;
  return window;
}
