// The back-test on two IRCI trials' published accrual (domain.md): what the monitor would have said.
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIMISM_DISCOUNT } from "./model";
import { AT_RISK_PROBABILITY, backtest, linearReports, MIN_MONTHS_OF_DATA, monitorAt, type MonitorInput } from "./monitor";
import { gammaP } from "./special";

describe("linearReports", () => {
  it("interpolates whole months linearly and rounds down", () => {
    expect(
      linearReports(
        [
          { month: 0, total: 0 },
          { month: 4, total: 3 },
        ],
        6,
      ),
    ).toEqual([
      { month: 0, total: 0 },
      { month: 1, total: 0 },
      { month: 2, total: 1 },
      { month: 3, total: 2 },
      { month: 4, total: 3 },
    ]);
  });
});

describe("monitorAt", () => {
  const input: MonitorInput = {
    target: 100,
    plannedEndMonths: 40,
    pledgedPatientsPerYear: 60, // 5 a month, 2.5 after the default discount
    opens: [0, 0, 6, 12], // four sites sharing the pooled rate
    reports: [
      { month: 3, total: 4 },
      { month: 9, total: 20 },
      { month: 15, total: 41 },
    ],
  };

  it("updates the pledge with the latest report at or before the month, by the sites' exposure", () => {
    const point = monitorAt(input, 12);
    expect(point.dataMonth).toBe(9);
    expect(point.recruited).toBe(20);
    // Prior gamma(2, 2/2.5 = 0.8); exposure by month 9: (9 + 9 + 3 + 0) / 4 = 5.25 months; 20 patients.
    expect(point.rate.shape).toBe(22);
    expect(point.rate.rate).toBeCloseTo(0.8 + 5.25, 12);
    expect(point.ratePerYear).toBeCloseTo((22 / 6.05) * 12, 10);
    expect(DEFAULT_OPTIMISM_DISCOUNT).toBe(0.5);
  });

  it("does not flag before MIN_MONTHS_OF_DATA months of data", () => {
    const slow = { ...input, reports: [{ month: 3, total: 0 }] };
    const early = monitorAt(slow, 4);
    expect(early.probability).toBeLessThan(AT_RISK_PROBABILITY);
    expect(early.tooEarly).toBe(true);
    expect(early.atRisk).toBe(false);
    expect(monitorAt({ ...slow, minMonthsOfData: 0 }, 4).atRisk).toBe(true);
    expect(MIN_MONTHS_OF_DATA).toBe(6);
  });

  it("agrees with the closed form: with every site open the remaining count is negative binomial", () => {
    // Pooled rate λ ~ gamma(α, β); remaining patients r by Δ months: P(N ≥ r) = ∫ P(r, λΔ) dgamma(λ).
    const simple: MonitorInput = { target: 60, plannedEndMonths: 24, pledgedPatientsPerYear: 36, reports: [{ month: 8, total: 15 }] };
    const point = monitorAt(simple, 8);
    const { shape, rate } = point.rate; // gamma(2 + 15, 2/1.5 + 8)
    let exact = 0;
    const steps = 4000;
    for (let i = 0; i < steps; i++) {
      // integrate over the gamma's quantiles by the midpoint rule, in λ by substitution u = G(λ)
      const lambda = quantileOfGamma((i + 0.5) / steps, shape, rate);
      exact += gammaP(45, lambda * 16) / steps;
    }
    expect(Math.abs(point.probability - exact)).toBeLessThan(0.02);
  });
});

function quantileOfGamma(p: number, shape: number, rate: number): number {
  let lo = 0;
  let hi = (10 * (shape + 10)) / rate;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (gammaP(shape, mid * rate) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// GOG-0277 (NCT01533207; Hensley et al., J Clin Oncol 2018): target 216; 38 enrolled in about four years
// (2012–2016); closed for accrual futility. Assumptions, labelled as such: accrual linear between 0 at the start
// and 38 at month 48 (the publication gives no intermediate counts); a planned accrual period of 48 months
// (ILLUSTRATIVE: the planned duration is not in our sources); pledges equal to the plan, 216 / 4 = 54 a year,
// all sites open from the start (the 701 sites' opening dates are not in our sources).
const GOG_0277: MonitorInput = {
  target: 216,
  plannedEndMonths: 48,
  pledgedPatientsPerYear: 54,
  reports: linearReports(
    [
      { month: 0, total: 0 },
      { month: 48, total: 38 },
    ],
    48,
  ),
};

// InPACT (ISRCTN13580965): planned 200 patients over 7 years; 114 enrolled 2017–2023. Assumptions: accrual
// linear from 0 to 114 over 72 months (no intermediate counts in our sources); pledges equal to the plan,
// 200 / 7 ≈ 28.6 a year.
const INPACT: MonitorInput = {
  target: 200,
  plannedEndMonths: 84,
  pledgedPatientsPerYear: 200 / 7,
  reports: linearReports(
    [
      { month: 0, total: 0 },
      { month: 72, total: 114 },
    ],
    72,
  ),
};

describe("back-test: GOG-0277", () => {
  it("is flagged at risk within its first two years of accrual, taking its pledges at face value", () => {
    const result = backtest({ ...GOG_0277, discount: 1 });
    expect(result.points[0]!.probability).toBeGreaterThan(AT_RISK_PROBABILITY); // the plan itself looked feasible
    expect(result.firstAtRiskMonth).not.toBeNull();
    expect(result.firstAtRiskMonth!).toBeLessThanOrEqual(24);
    expect(result.firstAtRiskMonth).toBe(MIN_MONTHS_OF_DATA); // as soon as the monitor may flag
    // ...and stays flagged, projecting a fraction of the target by the planned end.
    for (const point of result.points.slice(MIN_MONTHS_OF_DATA)) expect(point.atRisk).toBe(true);
    const atTwoYears = result.points[24]!;
    expect(atTwoYears.probability).toBeLessThan(0.001);
    expect(atTwoYears.projectedShareOfTarget).toBeLessThan(0.25);
    expect(atTwoYears.medianMonthsToTarget).toBeGreaterThan(4 * 48);
  });

  it("with the default optimism discount its pledges fall short before the first patient", () => {
    const result = backtest(GOG_0277);
    expect(result.points[0]!.probability).toBeLessThan(AT_RISK_PROBABILITY);
    expect(result.firstAtRiskMonth).toBe(MIN_MONTHS_OF_DATA);
  });
});

describe("back-test: InPACT", () => {
  const result = backtest({ ...INPACT, discount: 1 });

  it("starts feasible and is not flagged while the data are thin", () => {
    expect(result.points[0]!.probability).toBeGreaterThan(0.35);
    for (const point of result.points.slice(0, MIN_MONTHS_OF_DATA)) expect(point.atRisk).toBe(false);
  });

  it("is flagged at risk of missing its 7-year target (which it did: 114 of 200 after six years), but projected at about two thirds of it, not futile", () => {
    // At the assumed steady 19 a year it reaches about 133 by year 7: at risk is the right verdict.
    expect(result.firstAtRiskMonth).not.toBeNull();
    const gog = backtest({ ...GOG_0277, discount: 1 });
    for (const month of [12, 24, 48]) {
      const point = result.points[month]!;
      expect(point.projectedShareOfTarget).toBeGreaterThan(0.55);
      expect(point.projectedShareOfTarget).toBeGreaterThan(2 * gog.points[Math.min(month, 48)]!.projectedShareOfTarget);
      // median time to 200: about 10.5 years, against GOG-0277's 20-odd
      expect(point.medianMonthsToTarget).toBeGreaterThan(100);
      expect(point.medianMonthsToTarget).toBeLessThan(150);
    }
    const last = result.points[72]!;
    expect(last.projectedAtPlannedEnd.p50).toBeGreaterThanOrEqual(125);
    expect(last.projectedAtPlannedEnd.p50).toBeLessThanOrEqual(140);
  });
});

describe("back-test: a trial ahead of plan", () => {
  it("is never flagged", () => {
    const ahead: MonitorInput = {
      ...GOG_0277,
      discount: 1,
      reports: linearReports(
        [
          { month: 0, total: 0 },
          { month: 48, total: 324 }, // 1.5 × the planned rate
        ],
        36,
      ),
    };
    const result = backtest(ahead);
    expect(result.firstAtRiskMonth).toBeNull();
    expect(result.points.at(-1)!.probability).toBeGreaterThan(0.95);
  });
});
