import { describe, expect, it } from "vitest";
import { Rng, sampleGamma, samplePoisson } from "./random";
import { gammaCdf, gammaQuantile, logGamma } from "./special";

function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < xs.length; i++) {
    sum += xs[i]!;
    sumSquares += xs[i]! * xs[i]!;
  }
  const mean = sum / xs.length;
  return { mean, variance: (sumSquares - xs.length * mean * mean) / (xs.length - 1) };
}

function draws(n: number, f: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

describe("Rng (xoshiro128**)", () => {
  it("matches the reference outputs for the state (1, 2, 3, 4)", () => {
    const rng = Rng.fromState(1, 2, 3, 4);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xa = draws(100, () => a.uniform());
    expect(draws(100, () => b.uniform())).toEqual(xa);
    expect(draws(100, () => c.uniform())).not.toEqual(xa);
  });

  it("draws uniforms in the open interval (0, 1) with mean 1/2 and variance 1/12", () => {
    const rng = new Rng(1);
    const xs = draws(200_000, () => rng.uniform());
    expect(xs.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(0);
    expect(xs.reduce((a, b) => Math.max(a, b))).toBeLessThan(1);
    const { mean, variance } = moments(xs);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it("draws standard normals: mean 0, variance 1, 2.5% beyond 1.96 on each side", () => {
    const rng = new Rng(2);
    const xs = draws(200_000, () => rng.normal());
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.015);
    const above = xs.filter((x) => x > 1.959964).length / xs.length;
    expect(Math.abs(above - 0.025)).toBeLessThan(0.0015);
  });
});

describe("sampleGamma (Marsaglia–Tsang)", () => {
  it.each([0.2, 1, 2.5, 50])("shape %d, rate 2: mean, variance and quantiles", (shape) => {
    const rng = new Rng(3);
    const n = 100_000;
    const xs = draws(n, () => sampleGamma(rng, shape, 2));
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean / (shape / 2) - 1)).toBeLessThan(0.02);
    expect(Math.abs(variance / (shape / 4) - 1)).toBeLessThan(0.05);
    for (const p of [0.1, 0.5, 0.9]) {
      const q = gammaQuantile(p, shape, 2);
      const share = xs.filter((x) => x <= q).length / n;
      expect(Math.abs(share - p)).toBeLessThan(0.006); // about 3 standard errors
    }
    expect(xs.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(0);
  });

  it("is reproducible", () => {
    const a = new Rng(9);
    const b = new Rng(9);
    expect(draws(50, () => sampleGamma(a, 3.3, 1.1))).toEqual(draws(50, () => sampleGamma(b, 3.3, 1.1)));
  });

  it("refuses a shape or rate ≤ 0", () => {
    const rng = new Rng(1);
    expect(() => sampleGamma(rng, 0, 1)).toThrow(RangeError);
    expect(() => sampleGamma(rng, 1, -1)).toThrow(RangeError);
  });

  it("the share below a point follows the gamma CDF for a tiny shape", () => {
    const rng = new Rng(4);
    const xs = draws(50_000, () => sampleGamma(rng, 0.05, 1));
    const share = xs.filter((x) => x <= 1e-6).length / xs.length;
    expect(Math.abs(share - gammaCdf(1e-6, 0.05, 1))).toBeLessThan(0.01);
  });
});

describe("samplePoisson", () => {
  it.each([0.3, 3, 9.99, 10, 25, 1000])("mean %d: mean, variance and P(N = mode)", (mu) => {
    const rng = new Rng(5);
    const n = 100_000;
    const xs = draws(n, () => samplePoisson(rng, mu));
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt(mu / n));
    expect(Math.abs(variance / mu - 1)).toBeLessThan(0.03);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const mode = Math.floor(mu);
    const pmf = Math.exp(-mu + mode * Math.log(mu) - logGamma(mode + 1));
    const share = xs.filter((x) => x === mode).length / n;
    expect(Math.abs(share - pmf)).toBeLessThan(4 * Math.sqrt((pmf * (1 - pmf)) / n) + 1e-4);
  });

  it("gives 0 for mean 0 and refuses a negative mean", () => {
    const rng = new Rng(1);
    expect(samplePoisson(rng, 0)).toBe(0);
    expect(() => samplePoisson(rng, -1)).toThrow(RangeError);
  });
});
