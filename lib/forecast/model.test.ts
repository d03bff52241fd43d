import { describe, expect, it } from "vitest";
import {
  DEFAULT_OPTIMISM_DISCOUNT,
  DEFAULT_PLEDGE_SHAPE,
  expectedAccrual,
  exposureMonths,
  forecast,
  monthsBetween,
  posterior,
  priorFromPledge,
  rateDistribution,
  type Centre,
} from "./model";
import { gammaCdf, gammaP, gammaQuantile, logGamma } from "./special";

/** P(N ≥ n) for N ~ negative binomial: the count by t of a Poisson process whose rate is gamma(α, β). */
function negativeBinomialTail(n: number, alpha: number, beta: number, t: number): number {
  let cdf = 0;
  for (let k = 0; k < n; k++) {
    cdf += Math.exp(
      logGamma(alpha + k) - logGamma(alpha) - logGamma(k + 1) + alpha * Math.log(beta / (beta + t)) + k * Math.log(t / (beta + t)),
    );
  }
  return 1 - cdf;
}

describe("closed forms: one centre open from the start with a known rate", () => {
  // The n-th patient arrives at T ~ gamma(n, λ).
  const lambda = 2;
  const n = 50;
  const f = forecast({
    target: n,
    centres: [{ rate: { known: lambda } }],
    plannedEndMonths: gammaQuantile(0.3, n, lambda),
    probabilityAt: [20, 25, 30],
    draws: 20_000,
    seed: 11,
    band: false,
  });

  it("median and 80% interval are the gamma(n, λ) quantiles", () => {
    expect(f.medianMonths / gammaQuantile(0.5, n, lambda)).toBeCloseTo(1, 2);
    expect(f.interval80.low / gammaQuantile(0.1, n, lambda)).toBeCloseTo(1, 2);
    expect(f.interval80.high / gammaQuantile(0.9, n, lambda)).toBeCloseTo(1, 2);
  });

  it("P(T ≤ t) is the gamma CDF", () => {
    expect(Math.abs(f.probabilityByPlannedEnd! - 0.3)).toBeLessThan(0.012); // ±4 standard errors at 20,000 draws
    [20, 25, 30].forEach((t, i) => expect(Math.abs(f.probabilities[i]! - gammaCdf(t, n, lambda))).toBeLessThan(0.012));
  });
});

describe("closed forms: known rates with staggered openings", () => {
  // Given the rates, N(t) ~ Poisson(Λ(t)), so P(T_n ≤ t) = P(N(t) ≥ n) = P(n, Λ(t)) (regularized gamma).
  const centres: Centre[] = [
    { rate: { known: 1 }, opens: 0 },
    { rate: { known: 2 }, opens: 5 },
    { rate: { known: 1.5 }, opens: [3, 9] }, // two sites, 0.75 a month each
  ];
  const lambdaAt = (t: number) => 1 * t + 2 * Math.max(0, t - 5) + 0.75 * (Math.max(0, t - 3) + Math.max(0, t - 9));

  it("the inverse-intensity times give P(n, Λ(t))", () => {
    const n = 30;
    const ts = [4, 8, 10, 12, 14, 18];
    const f = forecast({ target: n, centres, probabilityAt: ts, draws: 20_000, seed: 5, band: false });
    ts.forEach((t, i) => expect(Math.abs(f.probabilities[i]! - gammaP(n, lambdaAt(t)))).toBeLessThan(0.012));
  });

  it("the band's mean is Λ(t) and its sd √Λ(t)", () => {
    const f = forecast({ target: 1_000_000, centres, horizonMonths: 12, draws: 20_000, bandDraws: 20_000, seed: 6 });
    for (const point of f.band) {
      const l = lambdaAt(point.month);
      expect(Math.abs(point.mean - l)).toBeLessThan(4 * Math.sqrt(l / 20_000) + 1e-9);
      if (l > 0) expect(point.sd / Math.sqrt(l)).toBeCloseTo(1, 1);
    }
  });
});

describe("closed forms: one centre with a gamma(α, β) rate is negative binomial", () => {
  const alpha = 3;
  const beta = 1.5; // mean 2 a month
  const centre: Centre = { rate: { shape: alpha, rate: beta } };

  it("N(t) has mean αt/β and variance (αt/β)(1 + t/β)", () => {
    const f = forecast({ target: 1_000_000, centres: [centre], horizonMonths: 12, draws: 40_000, bandDraws: 40_000, seed: 7 });
    for (const t of [3, 6, 12]) {
      const point = f.band[t]!;
      const mean = (alpha * t) / beta;
      const variance = mean * (1 + t / beta);
      expect(Math.abs(point.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / 40_000));
      expect(point.sd ** 2 / variance).toBeCloseTo(1, 1);
    }
  });

  it("P(T_n ≤ t) = P(N(t) ≥ n) is the negative binomial tail", () => {
    for (const n of [5, 12, 20, 30]) {
      const f = forecast({ target: n, centres: [centre], probabilityAt: [6], draws: 20_000, seed: 8, band: false });
      expect(Math.abs(f.probabilities[0]! - negativeBinomialTail(n, alpha, beta, 6))).toBeLessThan(0.012);
    }
  });
});

describe("closed forms: staggered openings with gamma priors", () => {
  it("the expected count is Σ (α_i/β_i) · exposure_i(t), in closed form and in the simulation", () => {
    const centres: Centre[] = [
      { rate: { shape: 2, rate: 1 }, opens: 0 }, // 2 a month
      { rate: { shape: 4, rate: 8 }, opens: [2, 4, 6, 8] }, // 0.5 a month, four sites
      { rate: { shape: 1, rate: 1 }, opens: 6 }, // 1 a month
    ];
    const analytic = (t: number) => 2 * t + (0.5 / 4) * [2, 4, 6, 8].reduce((s, d) => s + Math.max(0, t - d), 0) + 1 * Math.max(0, t - 6);
    for (const t of [0, 1, 3, 5, 7, 10, 15]) expect(expectedAccrual(centres, t)).toBeCloseTo(analytic(t), 12);
    const f = forecast({ target: 1_000_000, centres, horizonMonths: 15, draws: 20_000, bandDraws: 20_000, seed: 9 });
    for (const point of f.band) {
      const mean = analytic(point.month);
      expect(Math.abs(point.mean - mean)).toBeLessThan(0.02 * mean + 0.05);
    }
  });
});

describe("pledges and the posterior", () => {
  it("a pledge becomes a gamma prior with mean pledge × discount and the default shape", () => {
    const prior = priorFromPledge(24); // 24 a year = 2 a month, discounted to 1
    expect(DEFAULT_OPTIMISM_DISCOUNT).toBe(0.5);
    expect(prior).toEqual({ shape: DEFAULT_PLEDGE_SHAPE, rate: 2 });
    expect(prior.shape / prior.rate).toBe(1);
    expect(priorFromPledge(24, { discount: 1, shape: 4 })).toEqual({ shape: 4, rate: 2 });
  });

  it("worked example: gamma(2, 2) and 9 patients in 6 months give gamma(11, 8)", () => {
    // By hand: α' = 2 + 9 = 11, β' = 2 + 6 = 8, mean 11/8 = 1.375 a month (16.5 a year),
    // between the prior's 1 a month and the observed 9/6 = 1.5, closer to the data.
    const post = posterior({ shape: 2, rate: 2 }, { patients: 9, months: 6 });
    expect(post).toEqual({ shape: 11, rate: 8 });
    const centre: Centre = { rate: priorFromPledge(24), observed: { patients: 9, months: 6 } };
    expect(rateDistribution(centre)).toEqual({ shape: 11, rate: 8 });
    const f = forecast({ target: 10, centres: [centre], band: false, draws: 10 });
    expect(f.expectedRatePerMonth).toBe(1.375);
  });

  it("exposure counts each site's share of open months", () => {
    expect(exposureMonths(undefined, 6)).toBe(6);
    expect(exposureMonths(2, 6)).toBe(4);
    expect(exposureMonths([0, 4, 10], 6)).toBeCloseTo((6 + 2 + 0) / 3, 12);
  });

  it("refuses impossible pledges and data", () => {
    expect(() => priorFromPledge(0)).toThrow(RangeError);
    expect(() => priorFromPledge(10, { discount: 0 })).toThrow(RangeError);
    expect(() => posterior({ shape: 1, rate: 1 }, { patients: -1, months: 1 })).toThrow(RangeError);
    expect(() => forecast({ target: 0, centres: [] })).toThrow(RangeError);
    expect(() => forecast({ target: 10, centres: [{ rate: { known: 1 }, opens: -1 }] })).toThrow(RangeError);
  });

  it("counts months between dates", () => {
    expect(monthsBetween("2016-01-01", "2017-01-01")).toBeCloseTo(12 * (366 / 365.25), 12);
  });
});

describe("forecast", () => {
  // A realistic proposal (illustrative figures): 8 organizations, 30 sites, target 200.
  const pledges = [24, 20, 16, 12, 10, 8, 6, 4];
  const sites = [6, 5, 4, 4, 3, 3, 3, 2];
  const centres: Centre[] = pledges.map((perYear, i) => ({
    label: `org ${i + 1}`,
    rate: priorFromPledge(perYear),
    opens: Array.from({ length: sites[i]! }, (_, s) => 3 + i + 2 * s),
  }));
  const input = { target: 200, centres, plannedEndMonths: 60, seed: 1 };

  it("is deterministic for a seed and close across seeds", () => {
    const a = forecast(input);
    expect(forecast(input)).toEqual(a);
    const b = forecast({ ...input, seed: 2 });
    expect(b.medianMonths).not.toBe(a.medianMonths);
    expect(Math.abs(b.medianMonths / a.medianMonths - 1)).toBeLessThan(0.03);
    expect(Math.abs(b.probabilityByPlannedEnd! - a.probabilityByPlannedEnd!)).toBeLessThan(0.04);
  });

  it("gives a coherent answer: interval around the median, band monotone, capped and consistent with the times", () => {
    const f = forecast(input);
    expect(f.interval80.low).toBeLessThan(f.medianMonths);
    expect(f.medianMonths).toBeLessThan(f.interval80.high);
    // 100 a year pledged, 50 expected: about four years once sites are open, plus the openings.
    expect(f.expectedRatePerMonth).toBeCloseTo(50 / 12, 12);
    expect(f.medianMonths).toBeGreaterThan(48);
    expect(f.medianMonths).toBeLessThan(70);
    expect(f.band[0]).toMatchObject({ month: 0, p10: 0, p50: 0, p90: 0, mean: 0 });
    expect(f.band.at(-1)!.month).toBe(Math.max(60, Math.ceil(f.interval80.high)));
    for (let m = 1; m < f.band.length; m++) {
      const [prev, point] = [f.band[m - 1]!, f.band[m]!];
      expect(point.p10).toBeLessThanOrEqual(point.p50);
      expect(point.p50).toBeLessThanOrEqual(point.p90);
      expect(point.p50).toBeGreaterThanOrEqual(prev.p50);
      expect(point.p90).toBeLessThanOrEqual(200);
      expect(point.probabilityReached).toBeGreaterThanOrEqual(prev.probabilityReached);
    }
    const atEnd = f.band[60]!;
    expect(Math.abs(atEnd.probabilityReached - f.probabilityByPlannedEnd!)).toBeLessThan(1e-12);
    // P(T ≤ t) from the times and P(N(t) ≥ target) from the paths estimate the same probability (other draws).
    expect(f.probabilityByPlannedEnd).toBeGreaterThan(0.2);
    expect(atEnd.p90).toBe(200);
  });

  it("counts patients already recruited", () => {
    const f = forecast({ ...input, recruited: 150 });
    expect(f.remaining).toBe(50);
    expect(f.band[0]!.p50).toBe(150);
    expect(f.medianMonths).toBeLessThan(forecast(input).medianMonths);
    const done = forecast({ ...input, recruited: 200 });
    expect(done.medianMonths).toBe(0);
    expect(done.probabilityByPlannedEnd).toBe(1);
  });

  it("never reaches a target no unit can recruit for", () => {
    const f = forecast({ target: 10, centres: [], plannedEndMonths: 12, horizonMonths: 3, draws: 100 });
    expect(f.medianMonths).toBe(Infinity);
    expect(f.probabilityByPlannedEnd).toBe(0);
    expect(f.band.at(-1)!.p90).toBe(0);
  });

  it("an organization's sites share one rate: more uncertain than independent sites with the same total", () => {
    const shared = forecast({ target: 100, centres: [{ rate: { shape: 2, rate: 1 }, opens: [0, 0, 0, 0] }], draws: 8000, band: false });
    const independent = forecast({
      target: 100,
      centres: Array.from({ length: 4 }, () => ({ rate: { shape: 2, rate: 4 } })),
      draws: 8000,
      band: false,
    });
    expect(shared.medianMonths / independent.medianMonths).toBeGreaterThan(0.9);
    const width = (f: typeof shared) => f.interval80.high - f.interval80.low;
    expect(width(shared)).toBeGreaterThan(1.5 * width(independent));
  });
});
