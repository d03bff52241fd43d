// The accrual forecast beside the interest matrix: how long the pledges would take to reach the
// sample size, with its uncertainty, and the assumptions behind it, in words. Presentational.
import { formatChance, formatMonths, SITE_OPENS_FROM, SITE_OPENS_UNTIL, type PledgeForecast } from "@/lib/forecast/pledges";
import { CATCHMENT_LABEL, type IncidenceCheck } from "@/lib/forecast/incidence";

const percent = formatChance;

/** Where the chance is given: "by the planned end of accrual" or "within 5 years", as a heading says it. */
export function horizonPhrase(f: PledgeForecast): string {
  return f.plannedAccrualMonths !== null ? "by the planned end of accrual" : `within ${formatMonths(f.horizonMonths)}`;
}

/** One sentence for the vote panel: what organizations vote knowing. */
export function forecastSentence(f: PledgeForecast): string {
  const horizon =
    f.plannedAccrualMonths !== null
      ? `by the planned end of accrual (${formatMonths(f.plannedAccrualMonths)} after the first site opens)`
      : `within ${formatMonths(f.horizonMonths)}`;
  return (
    `At the pledges, ${f.target} patients take a median of ${formatMonths(f.medianMonths)} from the vote ` +
    `(80%: ${formatMonths(f.interval80.low)} to ${formatMonths(f.interval80.high)}). ` +
    `Chance of reaching them ${horizon}: ${percent(f.probabilityByHorizon)}.`
  );
}

/** The names of the places a check counted, as a sentence lists them. */
export function catchmentList(check: IncidenceCheck): string {
  const names = check.catchments.map((c) => CATCHMENT_LABEL[c]);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function IncidenceLine({ check, incidence }: { check: IncidenceCheck; incidence: number }) {
  const available = Math.round(check.availablePerYear);
  return (
    <p className={`mt-2 text-sm ${check.exceeds ? "font-medium text-amber-900" : "text-slate-700"}`}>
      {check.exceeds ? <span className="sr-only">Warning: </span> : null}
      At {incidence.toLocaleString("en")} new cases per 100,000 people a year, about {available.toLocaleString("en")} patients a year are
      diagnosed in {catchmentList(check)}.{" "}
      {check.exceeds
        ? `The pledges (${check.pledgedPerYear} a year) claim more patients than that: at least one must be too high.`
        : `The pledges (${check.pledgedPerYear} a year) are ${percent(check.pledgedPerYear / check.availablePerYear)} of them.`}
      {check.unknown.length > 0 ? ` Not counted: ${check.unknown.join(", ")} (population not known to the portal).` : null}
    </p>
  );
}

/** When the sites open, as the forecast takes it: from feasibility where organizations gave their sites, else assumed. */
function openings(f: PledgeForecast): string {
  const assumed = `sites to open one after another ${SITE_OPENS_FROM} to ${SITE_OPENS_UNTIL} months after the vote.`;
  if (f.fromFeasibility.length === 0) return `takes each organization's ${assumed}`;
  const fromSites = `takes each site of ${f.fromFeasibility.join(", ")} from its feasibility: its own expected patients, opening at its own months from approval to activation`;
  const others = f.organizations.filter((o) => !f.fromFeasibility.includes(o));
  return others.length === 0 ? `${fromSites}.` : `${fromSites}; for ${others.join(", ")}, without sites, it takes the ${assumed}`;
}

export function AccrualForecast({
  result,
  incidence,
}: {
  result: { ok: true; forecast: PledgeForecast } | { ok: false; why: string };
  /** Pledges against the patients the incidence makes available, when the group has an incidence. */
  incidence?: { check: IncidenceCheck; per100k: number } | null;
}) {
  if (!result.ok) {
    return (
      <section aria-labelledby="forecast-heading" className="mt-4 border-t border-slate-200 pt-4">
        <h3 id="forecast-heading" className="font-semibold">
          Accrual forecast
        </h3>
        <p className="mt-1 text-sm text-slate-600">{result.why}</p>
      </section>
    );
  }
  const f = result.forecast;
  return (
    <section aria-labelledby="forecast-heading" className="mt-4 border-t border-slate-200 pt-4">
      <h3 id="forecast-heading" className="font-semibold">
        Accrual forecast
      </h3>
      <dl className="mt-2 grid gap-3 sm:grid-cols-3">
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs font-medium text-slate-600">Median time to {f.target} patients</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatMonths(f.medianMonths)}</dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs font-medium text-slate-600">80% interval</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {formatMonths(f.interval80.low)} to {formatMonths(f.interval80.high)}
          </dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs font-medium text-slate-600">Chance {horizonPhrase(f)}</dt>
          <dd className="text-lg font-semibold tabular-nums">{percent(f.probabilityByHorizon)}</dd>
          {f.plannedAccrualMonths !== null ? (
            <dd className="text-xs text-slate-600">
              {formatMonths(f.plannedAccrualMonths)} after the first site opens, {formatMonths(f.horizonMonths)} after the vote
            </dd>
          ) : (
            <dd className="text-xs text-slate-600">Counted from the vote: the proposal gives no planned accrual period yet</dd>
          )}
        </div>
      </dl>
      <p className="mt-2 text-sm text-slate-700">
        From {f.organizations.join(", ")}: {f.pledgedPerYear} patients a year pledged. The forecast expects {percent(f.discount)} of it (
        {Math.round(f.expectedPerYear * 10) / 10} a year), because investigators tend to overestimate accrual, and {openings(f)} Times count
        from the vote; centres recruit at uncertain rates (a Poisson-gamma model, Anisimov and Fedorov 2007).
      </p>
      {incidence ? <IncidenceLine check={incidence.check} incidence={incidence.per100k} /> : null}
    </section>
  );
}
