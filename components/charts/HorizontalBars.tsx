"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * A horizontal bar chart. Decorative for assistive technology: every chart on a page comes with a
 * table of the same numbers.
 */
export function HorizontalBars({
  data,
  valueLabel,
  secondary,
}: {
  data: { label: string; value: number; second?: number }[];
  valueLabel: string;
  secondary?: string;
}) {
  const height = Math.max(120, data.length * 28 + 40);
  return (
    <div aria-hidden style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: "#334155" }} />
          <Tooltip />
          {secondary ? <Bar dataKey="second" name={secondary} fill="#cbd5e1" isAnimationActive={false} /> : null}
          <Bar dataKey="value" name={valueLabel} fill="#0c5a65" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
