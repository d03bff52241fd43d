// Quantiles of Monte Carlo draws. Pure.

/**
 * The p-quantile of ascending-sorted values, interpolating linearly between order statistics
 * (Hyndman and Fan type 7, R's default). Infinite values are allowed (a draw that never reaches the target).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const lo = sorted[i]!;
  const frac = h - i;
  if (frac === 0 || i + 1 >= n) return lo;
  const hi = sorted[i + 1]!;
  if (hi === lo) return lo;
  if (hi === Infinity) return frac > 0 ? Infinity : lo;
  return lo + (hi - lo) * frac;
}

/** The share of ascending-sorted values that are ≤ x (the empirical CDF), by binary search. */
export function shareAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length === 0 ? 0 : lo / sorted.length;
}

/**
 * Quantiles of integer draws (counts) by the inverse empirical CDF: the smallest value v with
 * share(draws ≤ v) ≥ p (type 1, the convention for discrete distributions). Counting, not sorting:
 * O(draws + range) when the values span a small range, which is the case for monthly accrual counts.
 */
export function integerQuantiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new RangeError("quantile of no values");
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const targets = ps.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
    return Math.max(1, Math.ceil(p * n - 1e-9));
  });
  const range = max - min + 1;
  if (range > 4 * n + 1024) {
    const sorted = Float64Array.from(values).sort();
    return targets.map((t) => sorted[t - 1]!);
  }
  const counts = new Int32Array(range);
  for (let i = 0; i < n; i++) counts[values[i]! - min]! += 1;
  const out = targets.map(() => max);
  const order = targets.map((t, j) => [t, j] as const).sort((a, b) => a[0] - b[0]);
  let cumulative = 0;
  let k = 0;
  for (let v = 0; v < range && k < order.length; v++) {
    cumulative += counts[v]!;
    while (k < order.length && cumulative >= order[k]![0]) {
      out[order[k]![1]] = v + min;
      k += 1;
    }
  }
  return out;
}
