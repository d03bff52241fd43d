"use client";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Cumulative accrual over time against the target. The table below it carries the same numbers. */
export function AccrualChart({ points, target }: { points: { date: string; total: number }[]; target: number | null }) {
  const max = Math.max(target ?? 0, ...points.map((p) => p.total), 1);
  return (
    <div aria-hidden className="h-56 w-full" data-points={points.length}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 16, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tick={{ fontSize: 12, fill: "#334155" }} />
          <YAxis domain={[0, Math.ceil(max * 1.1)]} allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} />
          <Tooltip />
          {target ? (
            <ReferenceLine
              y={target}
              stroke="#b45309"
              strokeDasharray="6 3"
              label={{ value: `target ${target}`, fill: "#92400e", fontSize: 12, position: "insideTopRight" }}
            />
          ) : null}
          <Line type="monotone" dataKey="total" stroke="#0c5a65" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
