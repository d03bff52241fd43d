import { describe, expect, it } from "vitest";
import { localTime, rankSlots, type Office, plannableDay, plannableStart, weekAhead, workingWeek } from "./planner";

const IRCI: Office[] = [
  { organization: "NCI", timeZone: "America/New_York" },
  { organization: "NIHR", timeZone: "Europe/London" },
  { organization: "CRUK", timeZone: "Europe/London" },
  { organization: "EORTC", timeZone: "Europe/Brussels" },
  { organization: "INCa", timeZone: "Europe/Paris" },
  { organization: "CCTG", timeZone: "America/Toronto" },
  { organization: "JCOG", timeZone: "Asia/Tokyo" },
  { organization: "COSA", timeZone: "Australia/Sydney" },
];

const at = (iso: string, minutes = 60) => [new Date(iso), new Date(Date.parse(iso) + minutes * 60_000)] as const;

describe("local times", () => {
  it("shows the same instant in each office, with the day where it differs", () => {
    const [s, e] = at("2026-01-14T22:00:00Z");
    expect(localTime(IRCI[0]!, s, e)).toMatchObject({ start: "17:00", end: "18:00", weekday: "Wed", inWorkingDay: true });
    expect(localTime(IRCI[7]!, s, e)).toMatchObject({ start: "09:00", end: "10:00", weekday: "Thu", inWorkingDay: true });
    expect(localTime(IRCI[6]!, s, e)).toMatchObject({ start: "07:00", inWorkingDay: false, minutesOutside: 60 });
  });

  it("follows daylight saving across the change", () => {
    // Europe moves its clocks on 29 March 2026; New York already did on 8 March.
    const before = at("2026-03-28T14:00:00Z");
    const after = at("2026-03-30T14:00:00Z");
    expect(localTime(IRCI[3]!, ...before).start).toBe("15:00"); // Brussels UTC+1
    expect(localTime(IRCI[3]!, ...after).start).toBe("16:00"); // Brussels UTC+2
    expect(localTime(IRCI[0]!, ...before).start).toBe("10:00"); // New York UTC-4 on both days
    expect(localTime(IRCI[0]!, ...after).start).toBe("10:00");
    // Sydney leaves daylight saving on 5 April 2026.
    expect(localTime(IRCI[7]!, ...at("2026-04-04T00:00:00Z")).start).toBe("11:00");
    expect(localTime(IRCI[7]!, ...at("2026-04-06T00:00:00Z")).start).toBe("10:00");
  });

  it("counts the minutes outside the working day of a meeting that runs past 18:00", () => {
    const [s, e] = at("2026-01-14T17:30:00Z", 60); // London 17:30-18:30
    expect(localTime(IRCI[1]!, s, e)).toMatchObject({ inWorkingDay: false, minutesOutside: 30 });
  });
});

describe("ranking", () => {
  it("puts first the slots inside the most working days", () => {
    const slots = rankSlots("2026-01-14", 60, IRCI);
    expect(slots).toHaveLength(48);
    // Bethesda to Sydney is 16 hours in January: no hour suits all eight offices.
    expect(slots[0]!.inside).toBeLessThan(8);
    for (let i = 1; i < slots.length; i++) {
      const [a, b] = [slots[i - 1]!, slots[i]!];
      expect(a.inside > b.inside || (a.inside === b.inside && a.inconvenience <= b.inconvenience)).toBe(true);
    }
  });

  it("finds the hour that suits two offices", () => {
    const best = rankSlots("2026-06-10", 60, [IRCI[1]!, IRCI[6]!])[0]!; // London (UTC+1) and Tokyo (UTC+9)
    expect(best.inside).toBe(2);
    expect(best.start.toISOString()).toBe("2026-06-10T08:00:00.000Z"); // 09:00 London, 17:00 Tokyo
  });

  it("prefers a slot just before someone's day to one in the middle of their night", () => {
    const offices = [IRCI[0]!, IRCI[5]!, IRCI[1]!, IRCI[7]!]; // New York, Toronto, London, Sydney
    const best = rankSlots("2026-01-14", 60, offices)[0]!;
    const sydney = best.offices.find((o) => o.organization === "COSA")!;
    expect(best.inside).toBe(3);
    expect(Number(sydney.start.slice(0, 2))).toBeGreaterThanOrEqual(7); // not 01:00
  });

  it("ranks differently on either side of a clock change", () => {
    const pair = [IRCI[0]!, IRCI[7]!]; // New York and Sydney
    const january = rankSlots("2026-01-14", 60, pair)[0]!;
    const june = rankSlots("2026-06-10", 60, pair)[0]!;
    expect(january.inside).toBe(2); // 17:00 New York = 09:00 Sydney (UTC-5 / UTC+11)
    // In June they are 14 hours apart: 17:00 in New York is 07:00 in Sydney, so one office at most.
    expect(june.inside).toBe(1);
    expect(june.minutesOutside).toBeGreaterThan(0);
  });
});

describe("the working week", () => {
  it("never counts an office's Saturday or Sunday as a working day", () => {
    // Friday 2026-01-16 17:00 in New York is Saturday 09:00 in Sydney.
    const [s, e] = at("2026-01-16T22:00:00Z");
    expect(localTime(IRCI[0]!, s, e)).toMatchObject({ weekday: "Fri", inWorkingDay: true, weekend: false });
    expect(localTime(IRCI[7]!, s, e)).toMatchObject({ weekday: "Sat", inWorkingDay: false, weekend: true, minutesOutside: 60 });
    // Friday 10:00 in London is Friday 19:00 in Tokyo and Friday 21:00 in Sydney: outside, not weekend.
    expect(localTime(IRCI[6]!, ...at("2026-01-16T10:00:00Z"))).toMatchObject({ weekday: "Fri", weekend: false, inWorkingDay: false });
  });
  it("keeps each office's own working week: an office that works Sunday to Thursday is off on Friday and at work on Sunday", () => {
    const tel: Office = { organization: "TLV", timeZone: "Asia/Jerusalem", workingDays: [7, 1, 2, 3, 4] };
    // Friday 10:00 in Jerusalem is 08:00 UTC in January.
    expect(localTime(tel, ...at("2026-01-16T08:00:00Z"))).toMatchObject({ weekday: "Fri", weekend: true, inWorkingDay: false });
    expect(localTime(tel, ...at("2026-01-18T08:00:00Z"))).toMatchObject({ weekday: "Sun", weekend: false, inWorkingDay: true });
    // The same Sunday hour is a weekend in an office that works Monday to Friday.
    expect(localTime({ ...tel, workingDays: undefined }, ...at("2026-01-18T08:00:00Z"))).toMatchObject({ weekend: true });
  });

  it("says an office's working week in words", () => {
    expect(workingWeek([1, 2, 3, 4, 5])).toBe("Monday to Friday");
    expect(workingWeek([7, 1, 2, 3, 4])).toBe("Sunday to Thursday");
    expect(workingWeek([6, 7, 1, 2, 3])).toBe("Saturday to Wednesday");
    expect(workingWeek([1, 3, 5])).toBe("Monday, Wednesday, Friday");
    expect(workingWeek([2])).toBe("Tuesday");
    expect(workingWeek([1, 2, 3, 4, 5, 6, 7])).toBe("Every day");
  });

  it("ranks a weekend slot below every working-night slot", () => {
    const best = rankSlots("2026-01-16", 60, [IRCI[0]!, IRCI[7]!], "America/New_York")[0]!; // a Friday in New York
    expect(best.offices.every((o) => !o.weekend)).toBe(true);
  });
});

describe("the day is the person's own", () => {
  it("runs the slots from midnight to midnight in the planner's zone", () => {
    const tokyo = rankSlots("2026-06-10", 60, [IRCI[6]!], "Asia/Tokyo");
    const starts = tokyo.map((s) => s.start.getTime()).sort((a, b) => a - b);
    expect(new Date(starts[0]!).toISOString()).toBe("2026-06-09T15:00:00.000Z"); // 00:00 in Tokyo
    expect(new Date(starts.at(-1)!).toISOString()).toBe("2026-06-10T14:30:00.000Z"); // 23:30 in Tokyo
    expect(tokyo).toHaveLength(48);
  });
  it("has 46 half hours on the day Europe moves its clocks forward", () => {
    expect(rankSlots("2026-03-29", 60, [IRCI[3]!], "Europe/Brussels")).toHaveLength(46);
  });
  it("offers no start that has already passed", () => {
    const now = new Date("2026-06-10T12:10:00Z");
    const slots = rankSlots("2026-06-10", 60, [IRCI[1]!], "UTC", now);
    expect(slots.every((s) => s.start.getTime() >= now.getTime())).toBe(true);
    expect(slots).toHaveLength(23);
  });
});

describe("days a meeting may be planned on", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it.each([
    ["1969-12-31", "past"],
    ["1999-02-30", "not a day"],
    ["2025-02-31", "not a day"],
    ["2026-02-30", "not a day"],
    ["0000-01-01", "not a day"],
    ["2026-12-01", "past"],
    ["2099-01-01", "too far"],
    ["tomorrow", "not a day"],
    ["", "not a day"],
  ])("refuses %j (%s)", (day, why) => {
    expect(plannableDay(day, now)).toEqual({ refused: why });
  });
  it.each(["2026-12-02", "2026-12-09", "2031-06-30"])("takes %s", (day) => {
    expect(plannableDay(day, now)).toEqual({ day });
  });
  it("knows today by the person's zone: it is already 3 December in Sydney", () => {
    expect(plannableDay("2026-12-02", new Date("2026-12-02T20:00:00Z"), "Australia/Sydney")).toEqual({ refused: "past" });
    expect(plannableDay("2026-12-02", new Date("2026-12-02T20:00:00Z"), "America/New_York")).toEqual({ day: "2026-12-02" });
    expect(weekAhead(new Date("2026-12-02T20:00:00Z"), "Australia/Sydney")).toBe("2026-12-10");
  });
  it("refuses invitations for starts that have passed, centuries ahead, and nonsense", () => {
    expect(plannableStart(new Date("1969-07-20T20:17:00Z"), now)).toBe(false);
    expect(plannableStart(new Date("2026-11-30T13:00:00Z"), now)).toBe(false);
    expect(plannableStart(new Date("2300-01-01T00:00:00Z"), now)).toBe(false);
    expect(plannableStart(new Date("nonsense"), now)).toBe(false);
    expect(plannableStart(new Date("2026-12-09T13:00:00Z"), now)).toBe(true);
  });
});
