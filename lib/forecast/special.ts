// Special functions for the accrual forecast: log-gamma, the regularized incomplete gamma functions
// (series and continued fraction, as in Numerical Recipes, 3rd ed., section 6.2), the gamma CDF and
// quantile, and the Poisson CDF. Pure; no dependencies.

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-15;
const FPMIN = 1e-300;
const MAX_ITERATIONS = 100_000;

/** ln of the common factor x^a e^-x / Γ(a). */
function logPrefactor(a: number, x: number): number {
  return a * Math.log(x) - x - logGamma(a);
}

/** P(a, x) by its series; converges quickly for x < a + 1. */
function seriesP(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) return sum * Math.exp(logPrefactor(a, x));
  }
  throw new Error(`incomplete gamma series did not converge (a=${a}, x=${x})`);
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly for x > a + 1. */
function continuedFractionQ(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return Math.exp(logPrefactor(a, x)) * h;
  }
  throw new Error(`incomplete gamma continued fraction did not converge (a=${a}, x=${x})`);
}

function checkShape(a: number): void {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`incomplete gamma needs a > 0, got ${a}`);
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), a > 0, x ≥ 0. */
export function gammaP(a: number, x: number): number {
  checkShape(a);
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? seriesP(a, x) : 1 - continuedFractionQ(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), computed without cancellation in the tail. */
export function gammaQ(a: number, x: number): number {
  checkShape(a);
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - seriesP(a, x) : continuedFractionQ(a, x);
}

/** CDF of the gamma distribution with this shape and rate (mean shape / rate) at x. */
export function gammaCdf(x: number, shape: number, rate: number): number {
  if (!(rate > 0)) throw new RangeError(`gamma rate must be > 0, got ${rate}`);
  return gammaP(shape, rate * x);
}

/** Log density of the gamma(shape, 1) distribution at x > 0. */
function logDensity(a: number, x: number): number {
  return (a - 1) * Math.log(x) - x - logGamma(a);
}

/**
 * The p-quantile of the gamma distribution with this shape and rate: Newton's method on P(shape, x) = p,
 * kept inside a bracket that bisection narrows whenever a Newton step would leave it.
 */
export function gammaQuantile(p: number, shape: number, rate: number): number {
  checkShape(shape);
  if (!(rate > 0)) throw new RangeError(`gamma rate must be > 0, got ${rate}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  let lo = 0;
  let hi = Math.max(1, shape);
  while (gammaP(shape, hi) < p) {
    lo = hi;
    hi *= 2;
  }
  // Start from the mean, or, in the lower tail, from the series' leading term P(a, x) ≈ x^a / Γ(a + 1),
  // which is accurate there (and can be astronomically small for a small shape).
  const tail = Math.exp((Math.log(p) + logGamma(shape + 1)) / shape);
  let x = tail < Math.min(shape, hi) ? tail : Math.min(shape, (lo + hi) / 2);
  if (!(x > lo && x < hi)) x = (lo + hi) / 2;
  for (let i = 0; i < 400; i++) {
    const f = gammaP(shape, x) - p;
    if (f === 0) break;
    if (f < 0) lo = x;
    else hi = x;
    let next = x - f / Math.exp(logDensity(shape, x));
    // Bisect when Newton leaves the bracket: geometrically while the bracket starts at 0 (spans decades).
    if (!(next > lo && next < hi)) next = lo > 0 ? (lo + hi) / 2 : hi / 16;
    if (Math.abs(next - x) <= 1e-14 * x || hi - lo <= 1e-14 * hi) {
      x = next;
      break;
    }
    x = next;
  }
  return x / rate;
}

/** P(N ≤ k) for N ~ Poisson(mean): Q(k + 1, mean). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean === 0) return 1;
  return gammaQ(Math.floor(k) + 1, mean);
}
