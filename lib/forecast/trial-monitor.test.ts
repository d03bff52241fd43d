import { describe, expect, it } from "vitest";
import { backtest, linearReports } from "./monitor";
import { AT_RISK_PROBABILITY, monitorTrial, type TrialMonitorInput } from "./trial-monitor";

const participants = [
  { organizationId: "a", label: "Alpha", patientsPerYear: null },
  { organizationId: "b", label: "Beta", patientsPerYear: null },
  { organizationId: "c", label: "Gamma", patientsPerYear: null },
];

describe("monitorTrial", () => {
  it("says nothing without a dated report", () => {
    expect(monitorTrial({ target: 100, plannedEndMonths: 36, reports: [], participants })).toBeNull();
  });

  it("pooled, without pledges, agrees with the pooled back-test judged against the plan", () => {
    const reports = linearReports(
      [
        { month: 0, total: 0 },
        { month: 48, total: 38 },
      ],
      24,
    );
    const m = monitorTrial({
      target: 216,
      plannedEndMonths: 48,
      reports: reports.map((r) => ({ ...r, organizationId: null })),
      participants,
      draws: 4000,
    })!;
    const pooled = backtest({ target: 216, plannedEndMonths: 48, pledgedPatientsPerYear: 54, discount: 1, reports }).points[24]!;
    expect(m.mode).toBe("pooled");
    expect(m.prior).toBe("plan");
    expect(m.recruited).toBe(pooled.recruited);
    expect(m.probability).toBe(pooled.probability);
    expect(m.atRisk).toBe(true);
    expect(m.organizations).toEqual([]);
  });

  it("by organization: one centre each, its own rate from its own count; non-reporters listed", () => {
    const input: TrialMonitorInput = {
      target: 100,
      plannedEndMonths: 40,
      participants: [{ ...participants[0]!, patientsPerYear: 24 }, participants[1]!, participants[2]!],
      reports: [
        { organizationId: "a", month: 6, total: 10 },
        { organizationId: "a", month: 12, total: 24 },
        { organizationId: "b", month: 12, total: 3 },
        { organizationId: null, month: 10, total: 30 },
      ],
    };
    const m = monitorTrial(input)!;
    expect(m.mode).toBe("organizations");
    expect(m.prior).toBe("pledges");
    expect(m.asOfMonth).toBe(12);
    expect(m.recruited).toBe(27);
    expect(m.notReported).toEqual(["Gamma"]);
    const [alpha, beta] = m.organizations;
    // Alpha: pledge 24 a year, halved: gamma(2, 2/1) updated by 24 over 12 months: gamma(26, 14).
    expect(alpha!.prior).toBe("pledge");
    expect(alpha!.ratePerYear).toBeCloseTo((26 / 14) * 12, 10);
    expect(alpha!.expectedByPlannedEnd).toBeCloseTo(24 + (26 / 14) * 28, 10);
    // Beta: no pledge: the plan (100 in 40 months, 2.5 a month) shared by the two reporters: gamma(2, 2/1.25).
    expect(beta!.prior).toBe("plan");
    expect(beta!.ratePerYear).toBeCloseTo((5 / (1.6 + 12)) * 12, 10);
    expect(m.observed).toEqual([
      { month: 6, total: 10 },
      { month: 12, total: 27 },
    ]);
    expect(m.band[0]!.month).toBe(12);
    expect(m.band.at(-1)!.month).toBe(12 + 28 + 12);
    for (const b of m.band) expect(b.p10 <= b.p50 && b.p50 <= b.p90).toBe(true);
    // Seeded: the same input gives the same figures.
    expect(monitorTrial(input)).toEqual(m);
  });

  it("an overall total newer than every organization's count is read pooled", () => {
    const m = monitorTrial({
      target: 100,
      plannedEndMonths: 40,
      participants,
      reports: [
        { organizationId: "a", month: 6, total: 10 },
        { organizationId: null, month: 9, total: 25 },
      ],
    })!;
    expect(m.mode).toBe("pooled");
    expect(m.recruited).toBe(25);
  });

  it("does not flag before the minimum months of data, and takes the threshold as a parameter", () => {
    const slow = { target: 100, plannedEndMonths: 24, participants, reports: [{ organizationId: "a", month: 4, total: 1 }] };
    const early = monitorTrial(slow)!;
    expect(early.probability).toBeLessThan(AT_RISK_PROBABILITY);
    expect(early.tooEarly).toBe(true);
    expect(early.atRisk).toBe(false);
    expect(monitorTrial({ ...slow, minMonthsOfData: 3 })!.atRisk).toBe(true);
    expect(monitorTrial({ ...slow, minMonthsOfData: 3, threshold: 0 })!.atRisk).toBe(false);
  });

  it("is fast enough for a page that shows several trials", () => {
    const input: TrialMonitorInput = {
      target: 216,
      plannedEndMonths: 48,
      participants,
      reports: [
        { organizationId: "a", month: 12, total: 6 },
        { organizationId: "b", month: 12, total: 4 },
        { organizationId: "c", month: 11, total: 2 },
      ],
    };
    monitorTrial(input);
    const started = performance.now();
    for (let i = 0; i < 10; i++) monitorTrial({ ...input, seed: i });
    const each = (performance.now() - started) / 10;
    expect(each).toBeLessThan(100); // about 5 ms on a laptop; generous for a loaded CI machine
  });
});
