// The accrual monitor on the trial page: the verdict, actual accrual against the forecast band, the same
// numbers as a table, and each reporting organization's rate.
import { Badge, TableHead } from "@/components/ui";
import { ForecastBand, ForecastBandKey } from "@/components/charts/ForecastBand";
import { formatChance } from "@/lib/forecast/pledges";
import {
  monitorSentence,
  monitorVerdict,
  monthLabel,
  targetDateSentence,
  VERDICT_LABEL,
  WINDOW_PROBLEM_LABEL,
  type TrialMonitorResult,
} from "@/lib/trials/monitoring";
import type { TrialMonitor } from "@/lib/forecast/trial-monitor";

const TONE = { "at-risk": "red", "on-track": "green", "too-early": "neutral", reached: "green" } as const;

/** The band at every sixth month and at the planned end: enough rows to read the curve, not hundreds. */
function tableRows(m: TrialMonitor) {
  const end = Math.floor(m.plannedEndMonths);
  return m.band.filter((b, i) => i === 0 || b.month === m.band.at(-1)!.month || Math.floor(b.month) === end || i % 6 === 0);
}

export function MonitorView({ result, accrualClosed }: { result: TrialMonitorResult; accrualClosed: string | null }) {
  if (result.state === "missing") {
    return (
      <div className="mb-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="monitor-missing">
        <p className="font-medium">The accrual monitor cannot run yet. The record needs:</p>
        <ul className="ml-5 list-disc">
          {result.missing.map((p) => (
            <li key={p}>{WINDOW_PROBLEM_LABEL[p]}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (result.state === "no-reports") {
    return (
      <p className="mb-3 text-sm text-slate-700" data-testid="monitor-missing">
        The accrual monitor starts with the first dated report, overall or by an organization.
      </p>
    );
  }
  const { window, monitor: m } = result;
  const verdict = monitorVerdict(m);
  const sentence = monitorSentence(window, m);
  const label = (month: number) => monthLabel(window, month, "short");
  const asOf = monthLabel(window, m.asOfMonth);
  return (
    // Not a landmark of its own: it is part of the Accrual card.
    <div className="mb-4" data-testid="accrual-monitor">
      <h3 className="text-sm font-semibold text-slate-900">
        Accrual monitor <span className="font-normal text-slate-600">(as of the report of {asOf})</span>
      </h3>
      <p className="mt-1 text-sm text-slate-800" data-testid="monitor-verdict">
        <Badge tone={TONE[verdict]}>{VERDICT_LABEL[verdict]}</Badge> {sentence.slice(sentence.indexOf(":") + 2)}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        {targetDateSentence(window, m)} Accrual counted from {window.start} ({window.startFrom}); planned end {window.plannedEnd}.{" "}
        {accrualClosed ? `Accrual closed ${accrualClosed}.` : ""}
      </p>
      {/* Drawn twice, for a phone and for wider screens, so that its text stays readable; one shows at a time. */}
      <div className="mt-2">
        {[true, false].map((narrow) => (
          <ForecastBand
            key={String(narrow)}
            narrow={narrow}
            className={narrow ? "h-auto w-full sm:hidden" : "hidden h-auto w-full max-w-3xl sm:block"}
            observed={m.observed}
            band={m.band}
            target={m.target}
            plannedEndMonths={m.plannedEndMonths}
            label={label}
            summary={`Reported accrual and forecast band. ${sentence}`}
          />
        ))}
        <ForecastBandKey />
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Show as a table</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left text-sm" data-testid="monitor-table">
            <caption className="sr-only">Reported accrual and the forecast, by month</caption>
            <TableHead
              columns={[
                "Month",
                { label: "Reported", align: "right" },
                { label: "10%", align: "right" },
                { label: "Median", align: "right" },
                { label: "90%", align: "right" },
              ]}
            />
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {m.observed.map((o) => (
                <tr key={`o${o.month}`}>
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {label(o.month)}
                  </th>
                  <td className="py-1 pr-3 text-right">{o.total}</td>
                  <td colSpan={3} />
                </tr>
              ))}
              {tableRows(m).map((b) => (
                <tr key={`b${b.month}`}>
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {label(b.month)}
                    {Math.floor(b.month) === Math.floor(m.plannedEndMonths) ? " (planned end)" : ""}
                  </th>
                  <td className="py-1 pr-3 text-right">—</td>
                  <td className="py-1 pr-3 text-right">{b.p10}</td>
                  <td className="py-1 pr-3 text-right">{b.p50}</td>
                  <td className="py-1 pr-3 text-right">{b.p90}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {m.mode === "organizations" ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="monitor-organizations">
            <caption className="mb-1 text-left text-sm font-medium text-slate-900">Each organization&apos;s own reports</caption>
            <TableHead
              columns={[
                "Organization",
                { label: "Reported", align: "right" },
                { label: "Rate a year", align: "right" },
                { label: "Expected by planned end", align: "right" },
              ]}
            />
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {m.organizations.map((o) => (
                <tr key={o.organizationId}>
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {o.label}
                  </th>
                  <td className="py-1 pr-3 text-right">
                    {o.reported} <span className="text-slate-600">({label(o.month)})</span>
                  </td>
                  <td className="py-1 pr-3 text-right">{o.ratePerYear.toFixed(1)}</td>
                  <td className="py-1 pr-3 text-right">{Math.round(o.expectedByPlannedEnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {m.notReported.length > 0 ? (
            <p className="mt-1 text-xs text-slate-600">Not reported yet, so not in the forecast: {m.notReported.join(", ")}.</p>
          ) : null}
        </div>
      ) : null}
      <p className="mt-2 text-xs text-slate-600">
        {m.mode === "organizations"
          ? "Each organization's rate from its own reports"
          : "One rate for the whole trial from its overall reports"}
        , starting from{" "}
        {m.prior === "pledges" ? "the pledges (expecting half of what was pledged)" : "the plan itself (target over the planned period)"}.
        At risk below a {formatChance(m.threshold)} chance of reaching the target by the planned end, judged from {m.minMonthsOfData} months
        of data.
      </p>
    </div>
  );
}
