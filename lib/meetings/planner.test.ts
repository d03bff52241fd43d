import { describe, expect, it } from "vitest";
import { localTime, rankSlots, type Office, plannableDay, plannableStart } from "./planner";

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

describe("days a meeting may be planned on", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it.each(["1969-12-31", "1900-01-01", "2025-02-31", "2026-02-30", "0000-01-01", "2099-01-01", "tomorrow", ""])("refuses %j", (day) => {
    expect(plannableDay(day, now)).toBeUndefined();
  });
  it.each(["2026-12-09", "2026-01-15", "2031-06-30"])("takes %s", (day) => {
    expect(plannableDay(day, now)).toBe(day);
  });
  it("refuses invitations for starts before 1970 or centuries ahead, and nonsense", () => {
    expect(plannableStart(new Date("1969-07-20T20:17:00Z"), now)).toBe(false);
    expect(plannableStart(new Date("2300-01-01T00:00:00Z"), now)).toBe(false);
    expect(plannableStart(new Date("nonsense"), now)).toBe(false);
    expect(plannableStart(new Date("2026-12-09T13:00:00Z"), now)).toBe(true);
  });
});
