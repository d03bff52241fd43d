// Actual accrual against the monitor's forecast band: a plain SVG (no script), drawn on the server. The
// 10–90% band shaded, the median dashed, the reported totals as points joined by straight lines (between two
// reports the count is not known: a step would claim nobody was recruited until the later report, which for a
// trial reporting once in six years is false), the target and the planned end.
// Readable without the picture: role="img" with a summary, and the caller puts the same numbers in a table.

export interface ForecastBandProps {
  /** Months from the start of accrual. */
  observed: readonly { month: number; total: number }[];
  band: readonly { month: number; p10: number; p50: number; p90: number }[];
  target: number;
  plannedEndMonths: number;
  /** "Mar 2016" for a month: the axis labels. */
  label: (month: number) => string;
  /** What the picture says, for screen readers. */
  summary: string;
  /** A small chart for a table cell: no axes or labels. */
  compact?: boolean;
  /** Narrow drawing for a phone: the same picture with fewer ticks, so its text stays readable. */
  narrow?: boolean;
  className?: string;
}

const W = 560;
const H = 240;
const PAD = { left: 44, right: 16, top: 16, bottom: 28 };

function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

export function ForecastBand({
  observed,
  band,
  target,
  plannedEndMonths,
  label,
  summary,
  compact = false,
  narrow = false,
  className,
}: ForecastBandProps) {
  const pad = compact ? { left: 2, right: 2, top: 4, bottom: 4 } : PAD;
  const width = compact ? 160 : narrow ? 340 : W;
  const height = compact ? 48 : H;
  const lastMonth = Math.max(plannedEndMonths, band.at(-1)?.month ?? 0, observed.at(-1)?.month ?? 0, 1);
  const top = Math.max(target, ...band.map((b) => b.p90), ...observed.map((o) => o.total), 1) * 1.08;
  const x = (m: number) => pad.left + (m / lastMonth) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / top) * (height - pad.top - pad.bottom);
  const pts = (list: [number, number][]) => list.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(" ");

  const reported: [number, number][] = [[0, 0], ...observed.map((o): [number, number] => [o.month, o.total])];
  const bandArea = [
    ...band.map((b) => [b.month, b.p90] as [number, number]),
    ...[...band].reverse().map((b) => [b.month, b.p10] as [number, number]),
  ];

  const yStep = niceStep(top, 4);
  const yTicks = Array.from({ length: Math.floor(top / yStep) + 1 }, (_, i) => i * yStep);
  const xStep = (lastMonth > 96 ? 24 : 12) * (narrow ? 2 : 1);
  // A label centred on a tick too near the right edge would be cut off.
  const xTicks = Array.from({ length: Math.floor(lastMonth / xStep) + 1 }, (_, i) => i * xStep).filter(
    (m) => x(m) <= width - pad.right - 24,
  );

  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${width} ${height}`}
      className={className ?? (compact ? "h-12 w-40" : "h-auto w-full max-w-3xl")}
      preserveAspectRatio={compact ? "none" : "xMidYMid meet"}
    >
      {!compact
        ? yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
              <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#334155">
                {v}
              </text>
            </g>
          ))
        : null}
      {!compact
        ? xTicks.map((m) => (
            <text key={`x${m}`} x={x(m)} y={height - 8} textAnchor="middle" fontSize="12" fill="#334155">
              {label(m)}
            </text>
          ))
        : null}
      {bandArea.length > 0 ? <polygon points={pts(bandArea)} fill="#0c5a65" fillOpacity="0.18" /> : null}
      {band.length > 0 ? (
        <polyline points={pts(band.map((b) => [b.month, b.p50]))} fill="none" stroke="#0c5a65" strokeWidth="2" strokeDasharray="6 4" />
      ) : null}
      <line x1={pad.left} x2={width - pad.right} y1={y(target)} y2={y(target)} stroke="#b45309" strokeDasharray="2 3" strokeWidth="1.5" />
      <line
        x1={x(plannedEndMonths)}
        x2={x(plannedEndMonths)}
        y1={pad.top}
        y2={height - pad.bottom}
        stroke="#475569"
        strokeDasharray="4 3"
      />
      {!compact ? (
        <>
          <text x={pad.left + 4} y={y(target) - 5} fontSize="12" fill="#92400e">
            target {target}
          </text>
          <text
            x={x(plannedEndMonths) - 4}
            y={pad.top + 10}
            textAnchor={x(plannedEndMonths) > width / 2 ? "end" : "start"}
            dx={x(plannedEndMonths) > width / 2 ? 0 : 8}
            fontSize="12"
            fill="#334155"
          >
            planned end
          </text>
        </>
      ) : null}
      <polyline points={pts(reported)} fill="none" stroke="#1e293b" strokeWidth={compact ? 1.5 : 2.5} />
      {compact
        ? null
        : observed.map((o) => <circle key={`${o.month}-${o.total}`} cx={x(o.month)} cy={y(o.total)} r={3.5} fill="#1e293b" />)}
    </svg>
  );
}

/** The chart's key, in words (the colours alone would not say it). */
export function ForecastBandKey() {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      <li>
        <span aria-hidden className="mr-1 inline-block h-0.5 w-5 align-middle bg-slate-800" />
        reported
      </li>
      <li>
        <span aria-hidden className="mr-1 inline-block h-3 w-5 align-middle bg-brand-700/20" />
        forecast, 10–90%
      </li>
      <li>
        <span aria-hidden className="mr-1 inline-block w-5 align-middle border-t-2 border-dashed border-brand-700" />
        forecast median
      </li>
      <li>
        <span aria-hidden className="mr-1 inline-block w-5 align-middle border-t-2 border-dotted border-amber-700" />
        target
      </li>
    </ul>
  );
}
