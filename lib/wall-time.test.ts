import { describe, expect, it } from "vitest";
import { instantFromWallTime, isTimeZone, wallTimeInZone } from "./wall-time";

describe("wall-clock times in a zone", () => {
  it("reads a datetime-local value in the person's zone", () => {
    expect(instantFromWallTime("2026-12-09T17:00", "Asia/Tokyo")?.toISOString()).toBe("2026-12-09T08:00:00.000Z");
    expect(instantFromWallTime("2026-07-01T09:30", "America/New_York")?.toISOString()).toBe("2026-07-01T13:30:00.000Z");
    expect(instantFromWallTime("2026-01-01T09:30", "America/New_York")?.toISOString()).toBe("2026-01-01T14:30:00.000Z");
    expect(instantFromWallTime("2026-12-09T17:00", "UTC")?.toISOString()).toBe("2026-12-09T17:00:00.000Z");
  });
  it("writes an instant as the zone's wall-clock time, and back", () => {
    const at = new Date("2026-12-09T08:00:00Z");
    expect(wallTimeInZone(at, "Asia/Tokyo")).toBe("2026-12-09T17:00");
    expect(wallTimeInZone(at, "Australia/Sydney")).toBe("2026-12-09T19:00");
    expect(instantFromWallTime(wallTimeInZone(at, "Europe/Paris"), "Europe/Paris")?.getTime()).toBe(at.getTime());
  });
  it("refuses days and zones that do not exist", () => {
    expect(instantFromWallTime("2026-02-30T10:00", "UTC")).toBeNull();
    expect(instantFromWallTime("2026-12-09T25:00", "UTC")).toBeNull();
    expect(instantFromWallTime("2026-12-09T10:00", "Mars/Olympus")).toBeNull();
    expect(instantFromWallTime("next Tuesday", "UTC")).toBeNull();
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Europe/Nowhere")).toBe(false);
  });
});
