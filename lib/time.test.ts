import { describe, expect, it } from "vitest";
import { countryName, formatDateTime, localTime, localWeekday, utcOffset, waitedWords } from "./time";

const januaryNoonUtc = new Date("2026-01-15T12:00:00Z");
const julyNoonUtc = new Date("2026-07-15T12:00:00Z");

describe("office clocks", () => {
  it.each([
    ["America/New_York", januaryNoonUtc, "07:00", "UTC-5"],
    ["America/New_York", julyNoonUtc, "08:00", "UTC-4"],
    ["Europe/London", januaryNoonUtc, "12:00", "UTC"],
    ["Europe/Paris", julyNoonUtc, "14:00", "UTC+2"],
    ["Asia/Tokyo", januaryNoonUtc, "21:00", "UTC+9"],
    ["Australia/Sydney", januaryNoonUtc, "23:00", "UTC+11"],
    ["Australia/Sydney", julyNoonUtc, "22:00", "UTC+10"],
  ])("%s at %s is %s (%s), daylight saving included", (zone, at, time, offset) => {
    expect(localTime(zone, at)).toBe(time);
    expect(utcOffset(zone, at)).toBe(offset);
  });

  it("knows that Sydney is already tomorrow when Bethesda's evening starts", () => {
    const at = new Date("2026-01-15T23:30:00Z");
    expect(localWeekday("America/New_York", at)).toBe("Thu");
    expect(localWeekday("Australia/Sydney", at)).toBe("Fri");
  });

  it("names countries", () => {
    expect(countryName("JP")).toBe("Japan");
    expect(countryName("GB")).toBe("United Kingdom");
  });
});

describe("formatDateTime", () => {
  it("shows an instant in the reader's zone, naming the zone", () => {
    expect(formatDateTime(januaryNoonUtc, "Asia/Tokyo")).toBe("15 Jan 2026, 21:00 GMT+9");
    expect(formatDateTime(januaryNoonUtc, "UTC")).toBe("15 Jan 2026, 12:00 UTC");
  });
});

describe("how long something has waited", () => {
  it.each([
    [0, "under an hour"],
    [59, "under an hour"],
    [60, "1 hour"],
    [47 * 60, "47 hours"],
    [48 * 60, "2 days"],
    [400 * 24 * 60, "400 days"],
  ])("%s minutes: %s", (minutes, words) => {
    expect(waitedWords(new Date(0), new Date(minutes * 60_000))).toBe(words);
  });
});
