import { describe, expect, it } from "vitest";
import { reminderDue } from "./reminders";

const H = 3600_000;
const opensAt = new Date("2026-03-01T00:00:00Z");
const at = (hours: number) => new Date(opensAt.getTime() + hours * H);
const vote = (lengthHours: number, reminded: { hours: number; atHour: number } | null = null) => ({
  opensAt,
  closesAt: at(lengthHours),
  remindedHours: reminded?.hours ?? null,
  remindedAt: reminded ? at(reminded.atHour) : null,
});

describe("when a vote reminds those who have not voted", () => {
  it.each([
    // length (h), hours since opening, reminded before, window due
    [30, 0, null, null], // opened inside both windows: the opening notice is enough
    [30, 0.002, null, null], // seconds later: still nothing
    [30, 14.9, null, null], // quiet for half its length
    [30, 15, null, 24],
    [25, 12.5, null, 24],
    [24.02, 12.01, null, 24], // the shortest vote outside demo mode is reminded half-way
    [24.02, 24.02, null, null], // closed
    [7 * 24, 100, null, null], // more than 48 hours left
    [7 * 24, 120, null, 48],
    [7 * 24, 120, { hours: 48, atHour: 120 }, null], // the same window once
    [7 * 24, 144, { hours: 48, atHour: 120 }, 24],
    [7 * 24, 150, { hours: 24, atHour: 144 }, null],
    [49, 24, null, 48], // quiet for 24 hours, then the 48-hour window
    [49, 25, { hours: 48, atHour: 24 }, null], // the 24-hour window begins an hour later: not twice within 12 hours
    [49, 36, { hours: 48, atHour: 24 }, 24],
  ] as const)("a %s-hour vote, %s hours after opening (reminded %j): %s", (length, hours, reminded, due) => {
    expect(reminderDue(vote(length, reminded), at(hours))).toBe(due);
  });
});
