import { describe, expect, it } from "vitest";
import { accrualByScope, accrualSeries, currentAccrual, endOfPartialDate, milestoneState, percentOfTarget } from "./progress";

const today = new Date("2026-11-25T12:00:00Z");

describe("milestones", () => {
  it.each([
    [{ planned: "2026-01-10", actual: "2026-02-01" }, "done"],
    [{ planned: null, actual: "2024" }, "done"],
    [{ planned: "2026-11-24", actual: null }, "late"],
    [{ planned: "2026-10", actual: null }, "late"],
    [{ planned: "2026-11", actual: null }, "due"], // November is not over yet
    [{ planned: "2026-12-20", actual: null }, "due"],
    [{ planned: "2027-03-01", actual: null }, "planned"],
    [{ planned: "2026", actual: null }, "planned"], // the year has more than 30 days left
    [{ planned: null, actual: null }, "unplanned"],
  ] as const)("%j is %s", (m, state) => {
    expect(milestoneState(m, today)).toBe(state);
  });

  it("reads a partial date as the last day it covers", () => {
    expect(endOfPartialDate("2024-02").toISOString()).toBe("2024-02-29T23:59:59.000Z");
    expect(endOfPartialDate("2025").toISOString()).toBe("2025-12-31T23:59:59.000Z");
    expect(endOfPartialDate("2025-06-15").toISOString()).toBe("2025-06-15T23:59:59.000Z");
  });
});

describe("accrual", () => {
  const updates = [
    { date: "2024-01-01", total: 10, organizationId: null, country: null },
    { date: "2025-01-01", total: 30, organizationId: null, country: null },
    { date: "2024-06-01", total: 20, organizationId: null, country: null },
    { date: "2024-06-01", total: 4, organizationId: "nci", country: null },
    { date: "2025-03-01", total: 9, organizationId: "nci", country: null },
    { date: "2025-03-01", total: 7, organizationId: null, country: "JP" },
  ];
  it("takes the latest overall report, whatever order they were entered in", () => {
    expect(currentAccrual(updates)).toBe(30);
    expect(currentAccrual([])).toBeNull();
    expect(currentAccrual([{ date: null, total: 38, organizationId: null, country: null }])).toBe(38);
  });
  it("keeps the latest report of each organization and country", () => {
    expect(accrualByScope(updates)).toEqual([
      { organizationId: "nci", country: null, total: 9, date: "2025-03-01" },
      { organizationId: null, country: "JP", total: 7, date: "2025-03-01" },
    ]);
  });
  it("gives the share of the target", () => {
    expect(percentOfTarget(38, 216)).toBe(18);
    expect(percentOfTarget(null, 216)).toBeNull();
    expect(percentOfTarget(91, null)).toBeNull();
  });
});

describe("accrualSeries", () => {
  it("places reports in time (partial dates at their end), overall first, one series per scope, undated ones left out", () => {
    const series = accrualSeries(
      [
        { date: "2021-06", total: 40, organizationId: null, country: null },
        { date: "2021-01-15", total: 10, organizationId: null, country: null },
        { date: "2021-03-01", total: 4, organizationId: "org-jcog", country: null },
        { date: "2021-02-01", total: 2, organizationId: null, country: "FR" },
        { date: null, total: 99, organizationId: null, country: null },
      ],
      (s) => (s.organizationId === "org-jcog" ? "JCOG" : `France (${s.country})`),
    );
    expect(series.map((s) => s.label)).toEqual(["Overall", "France (FR)", "JCOG"]);
    expect(series[0]!.points).toEqual([
      { at: Date.UTC(2021, 0, 15, 23, 59, 59), total: 10 },
      { at: Date.UTC(2021, 5, 30, 23, 59, 59), total: 40 },
    ]);
  });
});
