"use client";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AccrualSeries } from "@/lib/trials/progress";

// Contrasting colours, each at least 4.5:1 on white: overall first, then organizations and countries.
const COLOURS = ["#0c5a65", "#7c3aed", "#b91c1c", "#1d4ed8", "#4d7c0f", "#a21caf", "#475569", "#9a3412"];
const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const month = (at: number) => new Date(at).toISOString().slice(0, 7);

/**
 * Cumulative accrual over time against the target: steps on a time axis (a count holds until the
 * next report), the overall count and one line per organization or country. The table below it
 * carries the same numbers for screen readers.
 */
export function AccrualChart({ series, target }: { series: AccrualSeries[]; target: number | null }) {
  const all = series.flatMap((s) => s.points);
  const max = Math.max(target ?? 0, ...all.map((p) => p.total), 1);
  const first = Math.min(...all.map((p) => p.at));
  const last = Math.max(...all.map((p) => p.at));
  return (
    <div aria-hidden className="h-64 w-full overflow-hidden" data-series={series.length} data-points={all.length}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 16, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={first === last ? ["auto", "auto"] : [first, last]}
            tickFormatter={month}
            allowDuplicatedCategory={false}
            tick={{ fontSize: 12, fill: "#334155" }}
          />
          <YAxis domain={[0, Math.ceil(max * 1.1)]} allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} />
          <Tooltip labelFormatter={(at) => day(Number(at))} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {target ? (
            <ReferenceLine
              y={target}
              stroke="#b45309"
              strokeDasharray="6 3"
              label={{ value: `target ${target}`, fill: "#92400e", fontSize: 12, position: "insideTopRight" }}
            />
          ) : null}
          {series.map((s, i) => (
            <Line
              key={s.label}
              // Each count holds until the latest report of any series.
              data={s.points.at(-1)!.at < last ? [...s.points, { at: last, total: s.points.at(-1)!.total }] : s.points}
              name={s.label}
              dataKey="total"
              type="stepAfter"
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth={i === 0 ? 2.5 : 1.5}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
