// Seeded random numbers for the accrual forecast: xoshiro128** (Blackman and Vigna, 2018) seeded
// through splitmix32, the standard normal (Marsaglia's polar method), gamma (Marsaglia and Tsang,
// ACM TOMS 2000) and Poisson (inversion for small means, PTRS of Hörmann 1993 for large ones).
// Pure and deterministic: the same seed gives the same stream on every platform.
import { logGamma } from "./special";

const TWO_POW_MINUS_32 = 2 ** -32;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** splitmix32: spreads a 32-bit seed over the generator's state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** xoshiro128**: 128 bits of state, period 2^128 − 1, passes BigCrush; 32-bit arithmetic only. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;

  /** A generator seeded from a 32-bit integer (any number; it is truncated to 32 bits). */
  constructor(seed: number) {
    const st = { s: seed | 0 };
    this.s0 = splitmix32(st);
    this.s1 = splitmix32(st);
    this.s2 = splitmix32(st);
    this.s3 = splitmix32(st);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with this exact state (for the reference test vectors). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const rng = new Rng(0);
    rng.s0 = s0 | 0;
    rng.s1 = s1 | 0;
    rng.s2 = s2 | 0;
    rng.s3 = s3 | 0;
    return rng;
  }

  /** The next 32-bit output, as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform on the open interval (0, 1): never 0, so its logarithm is always finite. */
  uniform(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
  }

  /** Standard normal (Marsaglia's polar method; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }
}

/** Gamma(shape, rate): mean shape / rate, variance shape / rate². Marsaglia–Tsang; shape < 1 by boosting. */
export function sampleGamma(rng: Rng, shape: number, rate: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`gamma rate must be > 0, got ${rate}`);
  if (shape < 1) {
    // Gamma(a) = Gamma(a + 1) · U^(1/a)
    return (sampleGamma(rng, shape + 1, 1) * Math.exp(Math.log(rng.uniform()) / shape)) / rate;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return (d * v) / rate;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** Below this mean the Poisson sampler inverts the CDF (expected cost about mean + 1 steps); above, PTRS. */
const POISSON_INVERSION_LIMIT = 10;

/**
 * Poisson(mean), exact for every mean ≥ 0. `expMinusMean`, when given, must be Math.exp(−mean): a caller
 * drawing many times with the same mean saves the exponential.
 */
export function samplePoisson(rng: Rng, mean: number, expMinusMean?: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`Poisson mean must be finite and ≥ 0, got ${mean}`);
  if (mean === 0) return 0;
  if (mean < POISSON_INVERSION_LIMIT) {
    let p = expMinusMean ?? Math.exp(-mean);
    let cdf = p;
    let k = 0;
    const u = rng.uniform();
    while (u > cdf) {
      k += 1;
      p *= mean / k;
      cdf += p;
      if (p === 0 && k > mean) break; // rounding: the remaining mass is below double precision
    }
    return k;
  }
  return poissonPtrs(rng, mean);
}

/** Transformed rejection with squeeze (Hörmann, Insurance: Math. and Econ. 1993), for mean ≥ 10. */
function poissonPtrs(rng: Rng, mean: number): number {
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logGamma(k + 1)) return k;
  }
}
