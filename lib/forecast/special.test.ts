import { describe, expect, it } from "vitest";
import { gammaCdf, gammaP, gammaQ, gammaQuantile, logGamma, poissonCdf } from "./special";

/** 1 − Σ_{k<n} e^-x x^k / k!, summed in log space: P(n, x) for integer n. */
function poissonTail(n: number, x: number): number {
  let cdf = 0;
  let logTerm = -x;
  for (let k = 0; k < n; k++) {
    if (k > 0) logTerm += Math.log(x) - Math.log(k);
    cdf += Math.exp(logTerm);
  }
  return 1 - cdf;
}

describe("logGamma", () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, 0.5723649429247001], // ln √π
    [10, Math.log(362880)],
    [100, 359.1342053695754],
    [0.1, 2.252712651734206],
  ])("ln Γ(%d) = %d", (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12);
  });

  it("satisfies Γ(x + 1) = x Γ(x)", () => {
    for (const x of [0.3, 1.7, 4.2, 33.3]) expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 12);
  });

  it("refuses x ≤ 0", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe("regularized incomplete gamma", () => {
  it("P(1, x) = 1 − e^-x", () => {
    for (const x of [0.01, 0.5, 1, 2, 5, 20]) expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
  });

  it("P(n, x) for integer n is 1 − the Poisson CDF at n − 1 (series and continued fraction)", () => {
    for (const n of [1, 2, 5, 17, 100]) {
      for (const x of [0.5, n / 2, n - 0.5, n, n + 1.5, 2 * n, 3 * n + 10]) {
        expect(gammaP(n, x)).toBeCloseTo(poissonTail(n, x), 12);
        expect(poissonCdf(n - 1, x)).toBeCloseTo(1 - poissonTail(n, x), 12);
      }
    }
  });

  it("P(1/2, x) = erf(√x)", () => {
    expect(gammaP(0.5, 1)).toBeCloseTo(0.8427007929497149, 13); // erf(1)
    expect(gammaP(0.5, 0.25)).toBeCloseTo(0.5204998778130465, 13); // erf(0.5)
    expect(gammaP(0.5, 4)).toBeCloseTo(0.9953222650189527, 13); // erf(2)
  });

  it("P + Q = 1 and the tails keep their precision", () => {
    for (const [a, x] of [
      [0.3, 0.1],
      [3, 7],
      [50, 20],
      [50, 90],
    ])
      expect(gammaP(a!, x!) + gammaQ(a!, x!)).toBeCloseTo(1, 14);
    expect(gammaQ(1, 50)).toBeCloseTo(Math.exp(-50), 30);
    expect(gammaQ(1, 50) / Math.exp(-50)).toBeCloseTo(1, 10);
  });

  it("handles the ends", () => {
    expect(gammaP(2, 0)).toBe(0);
    expect(gammaP(2, Infinity)).toBe(1);
    expect(gammaQ(2, 0)).toBe(1);
    expect(() => gammaP(0, 1)).toThrow(RangeError);
  });
});

describe("gamma CDF and quantile", () => {
  it("matches tabulated chi-square quantiles (chi-square with k degrees of freedom is gamma(k/2, 1/2))", () => {
    expect(gammaQuantile(0.95, 0.5, 0.5)).toBeCloseTo(3.841458820694124, 9);
    expect(gammaQuantile(0.95, 5, 0.5)).toBeCloseTo(18.307038053275146, 9);
    expect(gammaQuantile(0.5, 1, 0.5)).toBeCloseTo(2 * Math.LN2, 12);
    expect(gammaQuantile(0.01, 2.5, 0.5)).toBeCloseTo(0.554298076728276, 9); // χ²(5) 1%
  });

  it("the exponential: quantile −ln(1 − p) / rate", () => {
    for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) expect(gammaQuantile(p, 1, 3)).toBeCloseTo(-Math.log(1 - p) / 3, 12);
  });

  it("quantile inverts the CDF for small and large shapes", () => {
    for (const shape of [0.05, 0.3, 1, 2.5, 40, 200, 2000]) {
      for (const p of [1e-6, 0.1, 0.5, 0.9, 1 - 1e-6]) {
        const x = gammaQuantile(p, shape, 2);
        expect(gammaCdf(x, shape, 2)).toBeCloseTo(p, 10);
      }
    }
  });

  it("handles p = 0 and p = 1", () => {
    expect(gammaQuantile(0, 3, 1)).toBe(0);
    expect(gammaQuantile(1, 3, 1)).toBe(Infinity);
    expect(() => gammaQuantile(1.5, 3, 1)).toThrow(RangeError);
  });
});
