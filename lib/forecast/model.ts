// # Accrual forecast: the Poisson–gamma recruitment model (Anisimov and Fedorov, Stat Med 2007)
//
// Pure functions, no I/O: pledges and accrual reports in, forecast figures out. Time is in months from
// the forecast start (for a proposal: approval; for a running trial: the date of the latest report).
//
// ## The model
// Each recruiting unit (a centre, or an organization with its sites) recruits patients as a Poisson
// process with rate λ patients a month once it is open. λ is unknown and has a gamma(α, β) distribution
// (mean α/β, coefficient of variation 1/√α):
//   - before any data, the prior comes from the pledge: mean = pledged patients a month × the optimism
//     discount (DEFAULT_OPTIMISM_DISCOUNT), shape α = DEFAULT_PLEDGE_SHAPE (priorFromPledge);
//   - with k patients recruited over an exposure of τ open months, the posterior is gamma(α + k, β + τ)
//     (conjugate update, `posterior`); after a few dozen patients the data outweigh the pledge.
// An organization's sites share its one rate (its pledge is one estimate, so its sites are not
// independent): each of its s sites adds λ/s when it opens, which gives staggered openings.
// Given the rates, the cumulative intensity Λ(t) = Σ λ_i · Σ_j share_ij · max(0, t − d_ij) is piecewise
// linear, and the time of the n-th patient is exactly Λ⁻¹(G) with G ~ gamma(n, 1). The Monte Carlo draws
// rates from their gamma distributions, then G, and inverts Λ: exact given the rates, and seeded, so the
// same input and seed always give the same figures. The accrual band draws N(t) along each path with
// independent Poisson increments Λ(m) − Λ(m − 1) month by month.
//
// ## What it can tell
//   - how long reaching the target takes if centres recruit as pledged (discounted), with the uncertainty
//     that pledges carry: the median and an 80% interval, and the probability of reaching the target by a date;
//   - for a running trial, the same from the rates observed so far, pledges counting less as data accrue;
//   - when the pledges cannot plausibly deliver the target by the planned end ("at risk").
// ## What it cannot tell
//   - it assumes each unit's rate is constant once open: no ramp-up, seasonality, saturation of the
//     eligible population, competing trials opening later, amendments or suspensions;
//   - units are independent given their rates; a shared shock (a drug shortage, a pandemic) is not modelled;
//   - opening delays are taken as given (no uncertainty on activation), and units never close;
//   - the optimism discount and the pledge shape are portal choices (below), not estimates for IRCI's
//     trials; the forecast is only as good as the pledges until accrual data arrive;
//   - pooled reports (a trial total without per-organization figures) are modelled as one rate shared by
//     all sites (`monitorAt`): it cannot tell which organization is behind.
import { integerQuantiles, quantileSorted, shareAtMost } from "./quantile";
import { Rng, sampleGamma, samplePoisson } from "./random";

/**
 * The optimism discount: the forecast expects this share of what organizations pledge. A portal choice,
 * deliberately conservative: investigators overestimate what their sites will recruit ("Lasagna's law"),
 * and across NCI's cooperative groups 37.9% of CTEP trials and 70.8% of phase 3 trials missed their minimum
 * accrual (Cheng, Dietrich and Dilts, Clin Cancer Res 2010). No published figure gives the ratio of actual to
 * pledged accrual for IRCI's rare-cancer trials, so 0.5 ("expect half of what is pledged") is not a
 * measured value; the secretariat changes it under Settings, "Accrual forecast" (`getForecastSettings`).
 */
export const DEFAULT_OPTIMISM_DISCOUNT = 0.5;

/**
 * The gamma shape α of a pledge's rate: a coefficient of variation of 1/√2 ≈ 0.71. A portal choice: with
 * α = 2 an organization delivers half its (discounted) pledge or less with probability 26% and twice it or
 * more with probability 9%, so a pledge is taken as a rough estimate. Anisimov and Fedorov estimate α from
 * the spread of rates across centres once data exist; here the data enter through the posterior instead
 * (after k patients the shape is α + k, so the prior matters little beyond a few dozen patients).
 */
export const DEFAULT_PLEDGE_SHAPE = 2;

/** Monte Carlo draws by default: the 10/50/90% quantiles to about ±1% in probability. */
export const DEFAULT_DRAWS = 4000;
/** Draws behind the band by default: its 10/50/90% lines to about ±1.5% in probability, plenty for a chart. */
export const DEFAULT_BAND_DRAWS = 2000;
export const DEFAULT_SEED = 2007;
/** The accrual band stops here unless asked for more (ten years of monthly points). */
export const MAX_DEFAULT_HORIZON_MONTHS = 120;
/** Average month length, for turning dates into months. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** A gamma distribution with this shape α and rate β (mean α/β), on a rate in patients per month. */
export interface GammaDist {
  shape: number;
  rate: number;
}

/** A rate known exactly (patients per month): for closed-form checks and what-if scenarios. */
export interface KnownRate {
  known: number;
}

/** Patients recruited by a unit over an exposure of `months` open months (see `exposureMonths`). */
export interface Observed {
  patients: number;
  months: number;
}

/** A recruiting unit: one centre, or an organization whose sites share its rate. */
export interface Centre {
  label?: string;
  /** The prior on the unit's rate (patients a month with all its sites open), or a known rate. */
  rate: GammaDist | KnownRate;
  /** Recruitment observed so far; the forecast then uses the posterior gamma(α + patients, β + months). */
  observed?: Observed;
  /**
   * Months from the forecast start until the unit recruits (default 0: open). An array: the months at which
   * each of its sites opens, each site bringing an equal share of the unit's rate.
   */
  opens?: number | readonly number[];
}

export interface ForecastInput {
  /** The number of patients to reach. */
  target: number;
  /** Patients recruited before the forecast start (they count towards the target). Default 0. */
  recruited?: number;
  centres: readonly Centre[];
  /** Months from the forecast start to the planned end of accrual, for the probability of making it. */
  plannedEndMonths?: number;
  /** Further times (months from the start) at which to give the probability of having reached the target. */
  probabilityAt?: readonly number[];
  /** Last month of the band. Default: the later of the planned end and the 90th percentile, at most 120. */
  horizonMonths?: number;
  /** Skip the band (monitoring only needs the times). Default true. */
  band?: boolean;
  /** Draws for the time to target and the probabilities. Default DEFAULT_DRAWS. */
  draws?: number;
  /** Of these, how many also give the band (it costs a Poisson draw a month each). Default DEFAULT_BAND_DRAWS. */
  bandDraws?: number;
  seed?: number;
}

/** One month of the cumulative accrual band (patients, counting `recruited`, capped at the target). */
export interface BandPoint {
  month: number;
  p10: number;
  p50: number;
  p90: number;
  mean: number;
  /** Standard deviation across draws. */
  sd: number;
  /** The probability of having reached the target by this month. */
  probabilityReached: number;
}

export interface Forecast {
  target: number;
  recruited: number;
  remaining: number;
  draws: number;
  /** How many of the draws gave the band. */
  bandDraws: number;
  seed: number;
  /**
   * Months from the forecast start to the target: median and 80% interval (10th–90th percentiles).
   * Infinity when that share of draws never reaches it (no unit can recruit); 0 when already reached.
   * (JSON turns Infinity into null: format before serializing.)
   */
  medianMonths: number;
  interval80: { low: number; high: number };
  /** P(target reached by the planned end), or null without a planned end. */
  probabilityByPlannedEnd: number | null;
  /** P(target reached by each of `probabilityAt`). */
  probabilities: number[];
  /** The mean total rate (patients a month) once every unit is open, from the (posterior) rates. */
  expectedRatePerMonth: number;
  band: BandPoint[];
}

/** A gamma prior on a unit's monthly rate from its pledge in patients a year. */
export function priorFromPledge(patientsPerYear: number, options: { discount?: number; shape?: number } = {}): GammaDist {
  const discount = options.discount ?? DEFAULT_OPTIMISM_DISCOUNT;
  const shape = options.shape ?? DEFAULT_PLEDGE_SHAPE;
  if (!(patientsPerYear > 0) || !Number.isFinite(patientsPerYear))
    throw new RangeError(`a pledge must be a positive number of patients a year (leave out units pledging none), got ${patientsPerYear}`);
  if (!(discount > 0 && discount <= 1)) throw new RangeError(`the optimism discount must be in (0, 1], got ${discount}`);
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`the pledge shape must be > 0, got ${shape}`);
  const mean = (patientsPerYear / 12) * discount;
  return { shape, rate: shape / mean };
}

/** The conjugate update: gamma(α, β) and k patients over τ open months give gamma(α + k, β + τ). */
export function posterior(prior: GammaDist, observed: Observed): GammaDist {
  if (!(observed.patients >= 0) || !Number.isFinite(observed.patients))
    throw new RangeError(`observed patients must be ≥ 0, got ${observed.patients}`);
  if (!(observed.months >= 0) || !Number.isFinite(observed.months))
    throw new RangeError(`observed months must be ≥ 0, got ${observed.months}`);
  return { shape: prior.shape + observed.patients, rate: prior.rate + observed.months };
}

function openings(opens: Centre["opens"]): readonly number[] {
  if (opens === undefined) return [0];
  return typeof opens === "number" ? [opens] : opens;
}

/**
 * Open months of a unit by time t: Σ_j share_j · max(0, t − d_j) (its exposure; the τ of `Observed` when
 * its sites opened at `opens`, in months from when recruitment started).
 */
export function exposureMonths(opens: Centre["opens"], t: number): number {
  const ds = openings(opens);
  if (ds.length === 0) return 0;
  let sum = 0;
  for (const d of ds) sum += Math.max(0, t - d);
  return sum / ds.length;
}

function isKnown(rate: GammaDist | KnownRate): rate is KnownRate {
  return "known" in rate;
}

/** The distribution the forecast draws a unit's rate from: its prior, updated by its observed data. */
export function rateDistribution(centre: Centre): GammaDist | KnownRate {
  if (isKnown(centre.rate)) return centre.rate;
  return centre.observed ? posterior(centre.rate, centre.observed) : centre.rate;
}

function meanRate(centre: Centre): number {
  const r = rateDistribution(centre);
  return isKnown(r) ? r.known : r.shape / r.rate;
}

/** The expected number of patients recruited by month t, uncapped: Σ_i E[λ_i] · exposure_i(t). Closed form. */
export function expectedAccrual(centres: readonly Centre[], t: number): number {
  let sum = 0;
  for (const c of centres) sum += meanRate(c) * exposureMonths(c.opens, t);
  return sum;
}

/** Months from `start` to `date` (ISO dates), counting average months. */
export function monthsBetween(start: string, date: string): number {
  return (Date.parse(date) - Date.parse(start)) / (DAYS_PER_MONTH * 86_400_000);
}

// ---------------------------------------------------------------------------------------------------
// Monte Carlo

/** The units and their sites' openings, as flat arrays sorted by opening time. */
interface Prepared {
  units: number;
  shape: Float64Array;
  rate: Float64Array;
  /** NaN when the rate is drawn. */
  known: Float64Array;
  openAt: Float64Array;
  openUnit: Int32Array;
  openShare: Float64Array;
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
}

function prepare(centres: readonly Centre[]): Prepared {
  const units = centres.length;
  const shape = new Float64Array(units);
  const rate = new Float64Array(units);
  const known = new Float64Array(units);
  const sites: { at: number; unit: number; share: number }[] = [];
  centres.forEach((c, i) => {
    const r = rateDistribution(c);
    if (isKnown(r)) {
      if (!(r.known >= 0) || !Number.isFinite(r.known)) throw new RangeError(`a known rate must be ≥ 0, got ${r.known}`);
      known[i] = r.known;
    } else {
      if (!(r.shape > 0) || !(r.rate > 0) || !Number.isFinite(r.shape) || !Number.isFinite(r.rate))
        throw new RangeError(`a rate prior needs shape > 0 and rate > 0, got ${JSON.stringify(r)}`);
      known[i] = NaN;
      shape[i] = r.shape;
      rate[i] = r.rate;
    }
    const ds = openings(c.opens);
    for (const d of ds) {
      if (!(d >= 0) || !Number.isFinite(d)) throw new RangeError(`opening months must be ≥ 0, got ${d}`);
      sites.push({ at: d, unit: i, share: 1 / ds.length });
    }
  });
  sites.sort((a, b) => a.at - b.at);
  return {
    units,
    shape,
    rate,
    known,
    openAt: Float64Array.from(sites, (s) => s.at),
    openUnit: Int32Array.from(sites, (s) => s.unit),
    openShare: Float64Array.from(sites, (s) => s.share),
  };
}

function drawRates(rng: Rng, p: Prepared, out: Float64Array, offset: number): void {
  for (let i = 0; i < p.units; i++) {
    const k = p.known[i]!;
    out[offset + i] = Number.isNaN(k) ? sampleGamma(rng, p.shape[i]!, p.rate[i]!) : k;
  }
}

/** Λ⁻¹(e): the time at which the cumulative intensity, given these rates, reaches e. */
function inverseIntensity(e: number, p: Prepared, rates: Float64Array, offset: number): number {
  let cumulative = 0;
  let slope = 0;
  let t = 0;
  const n = p.openAt.length;
  for (let j = 0; j < n; j++) {
    const at = p.openAt[j]!;
    const next = cumulative + slope * (at - t);
    if (next >= e && slope > 0) return t + (e - cumulative) / slope;
    cumulative = next;
    t = at;
    slope += rates[offset + p.openUnit[j]!]! * p.openShare[j]!;
  }
  return slope > 0 ? t + (e - cumulative) / slope : Infinity;
}

const TIME_PROBABILITIES = { low: 0.1, median: 0.5, high: 0.9 };

/** The forecast: time to target, probability by the planned end, and the monthly accrual band. */
export function forecast(input: ForecastInput): Forecast {
  const target = input.target;
  const recruited = input.recruited ?? 0;
  const draws = input.draws ?? DEFAULT_DRAWS;
  const seed = input.seed ?? DEFAULT_SEED;
  checkCount("target", target, 1);
  checkCount("recruited", recruited, 0);
  checkCount("draws", draws, 1);
  const bandDraws = input.bandDraws ?? DEFAULT_BAND_DRAWS;
  checkCount("bandDraws", bandDraws, 1);
  const remaining = Math.max(0, target - recruited);
  const p = prepare(input.centres);
  const rng = new Rng(seed);

  const rates = new Float64Array(draws * p.units);
  const times = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    drawRates(rng, p, rates, d * p.units);
    times[d] = remaining === 0 ? 0 : inverseIntensity(sampleGamma(rng, remaining, 1), p, rates, d * p.units);
  }
  times.sort();

  const probabilityAt = (t: number) => shareAtMost(times, t);
  const high = quantileSorted(times, TIME_PROBABILITIES.high);
  const planned = input.plannedEndMonths;
  let horizon = input.horizonMonths;
  if (horizon === undefined) {
    horizon = Math.min(MAX_DEFAULT_HORIZON_MONTHS, Math.max(planned ?? 0, Number.isFinite(high) ? Math.ceil(high) : Infinity));
  }
  const withBand = input.band ?? true;

  let expectedRatePerMonth = 0;
  for (const c of input.centres) expectedRatePerMonth += meanRate(c);

  return {
    target,
    recruited,
    remaining,
    draws,
    bandDraws: withBand ? Math.min(draws, bandDraws) : 0,
    seed,
    medianMonths: quantileSorted(times, TIME_PROBABILITIES.median),
    interval80: { low: quantileSorted(times, TIME_PROBABILITIES.low), high },
    probabilityByPlannedEnd: planned === undefined ? null : probabilityAt(planned),
    probabilities: (input.probabilityAt ?? []).map(probabilityAt),
    expectedRatePerMonth,
    band: withBand
      ? accrualBand(rng, p, rates, Math.min(draws, bandDraws), recruited, remaining, Math.max(0, Math.floor(horizon)), probabilityAt)
      : [],
  };
}

/** Monthly cumulative counts along each draw's path, summarized as quantiles across draws. */
function accrualBand(
  rng: Rng,
  p: Prepared,
  rates: Float64Array,
  draws: number,
  recruited: number,
  remaining: number,
  horizon: number,
  probabilityAt: (t: number) => number,
): BandPoint[] {
  const counts = sampleCounts(rng, p, rates, draws, remaining, horizon);
  const band: BandPoint[] = [];
  const column = new Int32Array(draws);
  for (let m = 0; m <= horizon; m++) {
    let sum = 0;
    let sumSquares = 0;
    for (let d = 0; d < draws; d++) {
      const v = counts[m * draws + d]!;
      column[d] = v;
      sum += v;
      sumSquares += v * v;
    }
    const mean = sum / draws;
    const [p10, p50, p90] = integerQuantiles(column, [0.1, 0.5, 0.9]);
    band.push({
      month: m,
      p10: recruited + p10!,
      p50: recruited + p50!,
      p90: recruited + p90!,
      mean: recruited + mean,
      sd: draws > 1 ? Math.sqrt(Math.max(0, (sumSquares - draws * mean * mean) / (draws - 1))) : 0,
      probabilityReached: probabilityAt(m),
    });
  }
  return band;
}

/** counts[m · draws + d]: patients recruited from the start to month m in draw d, capped at `cap`. */
function sampleCounts(rng: Rng, p: Prepared, rates: Float64Array, draws: number, cap: number, horizon: number): Int32Array {
  const counts = new Int32Array((horizon + 1) * draws);
  const n = p.openAt.length;
  for (let d = 0; d < draws; d++) {
    const offset = d * p.units;
    let j = 0;
    let slope = 0;
    let t = 0;
    let cumulative = 0;
    let previous = 0;
    let count = 0;
    let lastIncrement = -1;
    let lastExp = 1;
    for (let m = 1; m <= horizon; m++) {
      if (count < cap) {
        while (j < n && p.openAt[j]! <= m) {
          const at = p.openAt[j]!;
          cumulative += slope * (at - t);
          t = at;
          slope += rates[offset + p.openUnit[j]!]! * p.openShare[j]!;
          j += 1;
        }
        const now = cumulative + slope * (m - t);
        const increment = Math.max(0, now - previous);
        // Once every site is open the monthly increment is the same each month: reuse its exponential.
        if (increment !== lastIncrement) {
          lastIncrement = increment;
          lastExp = Math.exp(-increment);
        }
        count += samplePoisson(rng, increment, lastExp);
        previous = now;
        if (count > cap) count = cap;
      }
      counts[m * draws + d] = count;
    }
  }
  return counts;
}
