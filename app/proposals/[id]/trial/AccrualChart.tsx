import type { AccrualSeries } from "@/lib/trials/progress";
import { countAxis, monthTicks, scale, stepPath, timeDomain } from "@/components/charts/time-steps";

// Contrasting colours, each at least 4.5:1 on white: overall first, then organizations and countries.
const COLOURS = ["#0c5a65", "#7c3aed", "#b91c1c", "#1d4ed8", "#4d7c0f", "#a21caf", "#475569", "#9a3412"];
const TARGET = { line: "#b45309", text: "#92400e" };
const INK = "#334155";
const GRID = "#e2e8f0";
const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const patients = (n: number) => `${n} ${n === 1 ? "patient" : "patients"}`;

/**
 * Cumulative accrual over time against the target: steps on a time axis (a count holds until the
 * next report), the overall count and one line per organization or country. Drawn on the server as
 * SVG, so the trial page loads no charting library. The table below it carries the same numbers for
 * screen readers; a pointer resting on a dot or a line gets its figure from the title.
 */
export function AccrualChart({ series, target }: { series: AccrualSeries[]; target: number | null }) {
  const all = series.flatMap((s) => s.points);
  return (
    <div aria-hidden className="w-full text-xs text-slate-700" data-series={series.length} data-points={all.length}>
      {series.length > 1 ? (
        <p className="mb-1 flex flex-wrap gap-x-4 gap-y-1">
          {series.map((s, i) => (
            <span key={s.label} className="inline-flex items-center gap-1.5">
              <span
                className={`inline-block w-4 rounded-full ${i === 0 ? "h-[3px]" : "h-0.5"}`}
                style={{ backgroundColor: COLOURS[i % COLOURS.length] }}
              />
              {s.label}
            </span>
          ))}
        </p>
      ) : null}
      {/* The text is drawn at a fixed size in the viewBox, which then scales to the card: so a phone,
          a tablet and a wide screen each get a drawing of their own width, where the labels come out
          near the page's own size rather than shrunk out of reading or blown up. */}
      <Steps series={series} target={target} width={360} height={230} className="sm:hidden" />
      <Steps series={series} target={target} width={720} height={260} className="hidden sm:block lg:hidden" />
      <Steps series={series} target={target} width={960} height={300} className="hidden lg:block" />
    </div>
  );
}

function Steps({
  series,
  target,
  width,
  height,
  className,
}: {
  series: AccrualSeries[];
  target: number | null;
  width: number;
  height: number;
  className: string;
}) {
  const all = series.flatMap((s) => s.points);
  const plot = { left: 40, right: width - 26, top: 10, bottom: height - 24 };
  const [from, to] = timeDomain(all.map((p) => p.at));
  const last = Math.max(...all.map((p) => p.at));
  const x = scale(from, to, plot.left, plot.right);
  const counts = countAxis(
    all.map((p) => p.total),
    target,
  );
  const y = scale(0, counts.top, plot.bottom, plot.top);
  // About one month label per 70 units: "2020-06" is some 45 wide at this size.
  const months = monthTicks(from, to, Math.floor((plot.right - plot.left) / 70));
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className={`${className} h-auto w-full`}
      fontSize={12}
      fill={INK}
      role="presentation"
      focusable="false"
    >
      <g stroke={GRID}>
        {counts.ticks.map((t) => (
          <line key={t} x1={plot.left} x2={plot.right} y1={y(t)} y2={y(t)} strokeDasharray={t === 0 ? undefined : "3 3"} />
        ))}
        {months.map((m) => (
          <line key={m.at} x1={x(m.at)} x2={x(m.at)} y1={plot.top} y2={plot.bottom} strokeDasharray="3 3" />
        ))}
      </g>
      <g textAnchor="end" dominantBaseline="middle" className="tabular-nums">
        {counts.ticks.map((t) => (
          <text key={t} x={plot.left - 6} y={y(t)}>
            {t}
          </text>
        ))}
      </g>
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#94a3b8" />
      <g textAnchor="middle" className="tabular-nums">
        {months.map((m) => (
          <text key={m.at} x={x(m.at)} y={plot.bottom + 16}>
            {m.label}
          </text>
        ))}
      </g>
      {target ? (
        <g>
          <title>{`Target: ${patients(target)}`}</title>
          <line x1={plot.left} x2={plot.right} y1={y(target)} y2={y(target)} stroke={TARGET.line} strokeWidth={1.5} strokeDasharray="6 3" />
          <text x={plot.right - 4} y={y(target) - 5} textAnchor="end" fill={TARGET.text}>
            target {target}
          </text>
        </g>
      ) : null}
      {/* Drawn last to first, so the overall line lies on top of the organizations' and countries'. */}
      {series
        .map((s, i) => ({ s, colour: COLOURS[i % COLOURS.length]!, width: i === 0 ? 2.5 : 1.5 }))
        .reverse()
        .map(({ s, colour, width: stroke }) => (
          <g key={s.label} stroke={colour} fill={colour}>
            <path d={stepPath(s.points, last, x, y)} fill="none" strokeWidth={stroke} strokeLinejoin="round" strokeLinecap="round">
              <title>{`${s.label}: ${patients(s.points.at(-1)!.total)} by ${day(s.points.at(-1)!.at)}`}</title>
            </path>
            {s.points.map((p, i) => (
              <circle key={i} cx={x(p.at)} cy={y(p.total)} r={3.5} stroke="#fff" strokeWidth={1}>
                <title>{`${s.label}, ${day(p.at)}: ${patients(p.total)}`}</title>
              </circle>
            ))}
          </g>
        ))}
    </svg>
  );
}
