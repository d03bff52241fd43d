import { describe, expect, it } from "vitest";
import { DecidedOn, latestToday, ZDecisionFilters } from "./schema";
import { optionList } from "./labels";

describe("the date of a decision", () => {
  it("accepts today wherever an office is, refuses a day that has begun nowhere yet", () => {
    expect(DecidedOn.safeParse(latestToday()).success).toBe(true);
    expect(DecidedOn.safeParse("2021-11-30").success).toBe(true);
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(DecidedOn.safeParse(later).error?.issues[0]?.message).toMatch(/future/);
  });
  it("refuses days that do not exist and other shapes", () => {
    for (const bad of ["2021-02-30", "2021-13-01", "30/11/2021", "", "2021"]) expect(DecidedOn.safeParse(bad).success).toBe(false);
  });
  it("is at most fourteen hours ahead of UTC", () => {
    expect(latestToday(Date.parse("2026-12-02T09:59:00Z"))).toBe("2026-12-02");
    expect(latestToday(Date.parse("2026-12-02T10:00:00Z"))).toBe("2026-12-03");
  });
});

describe("the register's filters from an address", () => {
  it("keeps what it knows and ignores the rest, never failing", () => {
    expect(
      ZDecisionFilters.parse({ kind: "DESIGN_CHANGE", group: "salivary", year: "2016", visibility: "public", q: "  futility " }),
    ).toEqual({
      kind: "DESIGN_CHANGE",
      group: "salivary",
      year: "2016",
      visibility: "public",
      q: "futility",
    });
    expect(ZDecisionFilters.parse({ kind: "NOPE", group: "../x", year: "16", visibility: "all", q: "\u0000" })).toEqual({
      kind: undefined,
      group: undefined,
      year: undefined,
      visibility: undefined,
      q: undefined,
    });
  });
});

describe("options considered", () => {
  it("are one per line, bullets and blank lines dropped", () => {
    expect(optionList("- Keep two arms\n\n* Add a third arm\r\n  • Stop  ")).toEqual(["Keep two arms", "Add a third arm", "Stop"]);
  });
});
