// A horizontal bar chart drawn on the server as plain HTML: no script, so a page of charts costs its
// visitors no charting library (recharts was most of the portfolio's JavaScript). Rows keep their
// text at the page's size on any width, which a scaled SVG would not. Decorative for assistive
// technology: every chart on a page comes with a table of the same numbers; a bar's title gives
// its figure to a pointer resting on it. A row may bring its own colour (a vote's choices do).

/** A step of 1, 2 or 5 times a power of ten that divides the axis into about `ticks` parts. */
export function axisStep(max: number, ticks: number): number {
  const raw = Math.max(max, 1) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  // Whole numbers only: these charts count proposals, trials and patients.
  return Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw);
}

export function HorizontalBars({
  data,
  valueLabel,
  secondary,
}: {
  data: { label: string; value: number; second?: number; color?: string }[];
  valueLabel: string;
  secondary?: string;
}) {
  const max = Math.max(0, ...data.map((d) => Math.max(d.value, d.second ?? 0)));
  const step = axisStep(max, 4);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const share = (v: number) => `${(Math.max(0, v) / top) * 100}%`;
  // Grid lines at every tick, drawn by the track's background so they line up with the axis below.
  const grid = {
    backgroundImage: "linear-gradient(to right, #e2e8f0 1px, transparent 1px)",
    backgroundSize: `${100 / (ticks.length - 1)}% 100%`,
  };
  return (
    <div aria-hidden className="w-full text-xs text-slate-700">
      {secondary ? (
        <p className="mb-2 flex flex-wrap gap-x-4 gap-y-1">
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm bg-[#0c5a65]" />
            {valueLabel}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm bg-slate-300" />
            {secondary}
          </span>
        </p>
      ) : null}
      <div className="grid grid-cols-[minmax(0,9.5rem)_minmax(0,1fr)] gap-x-2">
        {/* Labels may repeat (titles cut short): rows are keyed by their place, which never changes. */}
        {data.map((d, i) => (
          <div key={i} className="contents">
            <span className="truncate py-1.5 text-right leading-4" title={d.label}>
              {d.label}
            </span>
            <div className="flex flex-col justify-center gap-0.5 border-l border-slate-400 py-1" style={grid}>
              {secondary ? (
                <span className="block h-2 bg-slate-300" style={{ width: share(d.second ?? 0) }} title={`${secondary}: ${d.second ?? 0}`} />
              ) : null}
              <span
                className={`block bg-[#0c5a65] ${secondary ? "h-2" : "h-4"}`}
                style={{ width: share(d.value), backgroundColor: d.color }}
                title={`${valueLabel}: ${d.value}`}
              />
            </div>
          </div>
        ))}
        <span />
        <div className="relative h-5 border-t border-slate-400">
          {ticks.map((t, i) => (
            <span
              key={t}
              className="absolute top-1 tabular-nums"
              style={{ left: share(t), transform: i === 0 ? "none" : i === ticks.length - 1 ? "translateX(-100%)" : "translateX(-50%)" }}
            >
              {t}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
