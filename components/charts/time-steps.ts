// The geometry of a chart of counts over time, drawn as steps (a count holds until the next report):
// the time and count scales, their ticks and each series' path. Pure, so the server draws the chart
// and the tests check it without a browser.
import { axisStep } from "./HorizontalBars";

export interface TimePoint {
  /** When the count was reported, in ms. */
  at: number;
  total: number;
}

/** The drawing area inside the SVG's viewBox, in its units. */
export interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Tick {
  at: number;
  label: string;
}

const DAY = 86_400_000;
// A month's tick is labelled like the dates in the table beside the chart: 2020-06.
const monthLabel = (at: number) => new Date(at).toISOString().slice(0, 7);
const dayLabel = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The span of time drawn: the first to the last report, or a fortnight either side when they share a moment. */
export function timeDomain(ats: readonly number[]): [number, number] {
  const first = Math.min(...ats);
  const last = Math.max(...ats);
  return first === last ? [first - 15 * DAY, last + 15 * DAY] : [first, last];
}

/**
 * Ticks on the first day of months inside the span, every 1, 2, 3, 6 or 12 months (counted from
 * January, so quarters and years line up) so that no more than `most` labels crowd the axis. A span
 * with no first of a month in it is labelled by the day in its middle.
 */
export function monthTicks(from: number, to: number, most: number): Tick[] {
  const start = new Date(from);
  let month = start.getUTCFullYear() * 12 + start.getUTCMonth();
  if (Date.UTC(Math.floor(month / 12), month % 12, 1) < from) month += 1;
  const months: number[] = [];
  for (; Date.UTC(Math.floor(month / 12), month % 12, 1) <= to; month += 1) months.push(month);
  if (months.length === 0) return [{ at: (from + to) / 2, label: dayLabel((from + to) / 2) }];
  const every = [1, 2, 3, 6, 12, 24, 60, 120].find((k) => Math.ceil(months.length / k) <= Math.max(1, most)) ?? 120;
  const kept = months.filter((m) => m % every === 0);
  // A stride that misses every month of a short span still shows where the span starts.
  return (kept.length > 0 ? kept : months.slice(0, 1)).map((m) => {
    const at = Date.UTC(Math.floor(m / 12), m % 12, 1);
    return { at, label: monthLabel(at) };
  });
}

/**
 * The count axis: from 0 to a tenth above the largest of the target and the counts (so the target
 * line and the highest step never touch the top), with whole-number ticks of 1, 2 or 5 times a power of ten.
 */
export function countAxis(counts: readonly number[], target: number | null): { top: number; ticks: number[] } {
  const max = Math.max(target ?? 0, ...counts, 1);
  const top = Math.ceil(max * 1.1);
  const step = axisStep(top, 4);
  return { top, ticks: Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step) };
}

/** A linear map from a domain onto a range of the viewBox, rounded to a tenth of a unit to keep the markup short. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => Math.round((r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0)) * 10) / 10;
}

/**
 * A series as a step-after path: across at its count until the next report, then up (or down) to
 * the new count; the last count holds until `until` (the latest report of any series), so every
 * line reaches the same right edge. A lone report is a single point, for its dot to show.
 */
export function stepPath(points: readonly TimePoint[], until: number, x: (at: number) => number, y: (total: number) => number): string {
  if (points.length === 0) return "";
  const [first, ...rest] = points;
  let d = `M${x(first!.at)} ${y(first!.total)}`;
  for (const p of rest) d += `H${x(p.at)}V${y(p.total)}`;
  if (until > points.at(-1)!.at) d += `H${x(until)}`;
  return d;
}
