// The start-up tracker: every country of the trial by every step from approval to the first patient, so
// that "what blocks this trial in this country, and since when" is read at a glance. Each cell says its
// state in words (colour only repeats it), its dates, its owner, its days from approval against the
// target, and "illustrative" where the seed filled in what the public record does not say. On a phone
// the countries are stacked, each step a line; what blocks the trial is listed above in sentences.
import Link from "next/link";
import { ActionForm } from "@/components/ActionForm";
import { Badge, Card, EmptyState, type Tone } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import type { StartupCell, StartupView } from "@/lib/startup/queries";
import {
  ANCHOR_WORDS,
  STARTUP_STEPS,
  STATE_LABEL,
  blockedSentence,
  dateWords,
  plural,
  stepName,
  type StartupState,
} from "@/lib/startup/steps";
import { countryLabel } from "@/lib/time";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";
import { addStartupCountryAction } from "./startup-actions";

const STATE_TONE: Record<StartupState, Tone> = {
  NOT_STARTED: "neutral",
  IN_PROGRESS: "amber",
  DONE: "green",
  BLOCKED: "red",
  NOT_APPLICABLE: "neutral",
};

function daysWords(cell: StartupCell): string | null {
  const t = cell.timing;
  if (t.days === null) return null;
  const days = `${t.approximate ? "about " : ""}${plural(t.days, "day")}`;
  return cell.row?.state === "DONE" ? `${days} from approval (target ${t.target})` : `${days} since approval (target ${t.target})`;
}

function Cell({ cell, id, owners, today }: { cell: StartupCell; id: string; owners: Map<string, string>; today: Date }) {
  const row = cell.row;
  const owner = cell.ownerOrganizationId ? owners.get(cell.ownerOrganizationId) : undefined;
  const days = daysWords(cell);
  return (
    <div className="space-y-0.5">
      {row ? <Badge tone={STATE_TONE[row.state]}>{STATE_LABEL[row.state]}</Badge> : <span className="text-slate-600">Not recorded</span>}
      {row?.state === "BLOCKED" ? <p className="text-rose-800">{blockedSentence(row.blockedSince, row.blockedReason, today)}</p> : null}
      {row?.actualDate ? <p>Done {dateWords(row.actualDate, row.actualPrecision)}</p> : null}
      {row?.state === "DONE" && !row.actualDate ? <p className="text-slate-600">Date not in the record</p> : null}
      {row?.plannedDate && row.state !== "DONE" ? <p>Planned {dateWords(row.plannedDate)}</p> : null}
      {days ? (
        <p className={cell.timing.pastTarget ? "font-medium text-rose-800" : "text-slate-600"}>
          {days}
          {cell.timing.pastTarget ? " · past target" : ""}
        </p>
      ) : null}
      {owner ? <p className="text-slate-600">{owner}</p> : null}
      {row?.illustrative ? <Badge tone="violet">illustrative</Badge> : null}
      {cell.canUpdate ? (
        <Link
          href={`/proposals/${id}/trial/startup/${cell.country}/${cell.step}`}
          className="block text-xs"
          aria-label={`Update ${cell.label} in ${countryLabel(cell.country)}`}
        >
          Update
        </Link>
      ) : null}
    </div>
  );
}

export function StartupCard({ id, trialId, startup }: { id: string; trialId: string; startup: StartupView }) {
  const today = new Date();
  const owners = new Map(startup.organizations.map((o) => [o.id, o.shortName]));
  const sourced = startup.countries.flatMap((c) => c.cells.filter((cell) => cell.row?.source));
  return (
    <Card title="Start-up by country" className="min-w-0 lg:col-span-2">
      <div id="startup" className="space-y-4">
        <p className="text-sm text-slate-700">
          From approval to the first patient, in each country.{" "}
          {startup.anchor
            ? `Days count from ${ANCHOR_WORDS[startup.anchor.from]}, ${dateWords(startup.anchor.date, startup.anchor.precision)}; a year or a month of the public record counts as its middle ("about").`
            : "Days are not counted yet: record the protocol's approval (Milestones) or a country's funding."}
        </p>
        {startup.illustrative ? (
          <p className="text-sm text-slate-700">
            <Badge tone="violet">illustrative</Badge> marks what the demo fills in beyond the public record: not a fact about the trial.
          </p>
        ) : null}
        {startup.blocked.length > 0 ? (
          <div role="region" aria-label="What blocks this trial" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm">
            <h3 className="font-semibold text-rose-900">What blocks this trial</h3>
            <ul className="mt-1 space-y-1 text-rose-900">
              {startup.blocked.map((cell) => (
                <li key={`${cell.country}-${cell.step}`}>
                  <span className="font-medium">
                    {countryLabel(cell.country)}, {cell.label}:
                  </span>{" "}
                  {blockedSentence(cell.row!.blockedSince, cell.row!.blockedReason, today)}
                  {cell.row!.illustrative ? " (illustrative)" : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {startup.countries.length === 0 ? (
          <EmptyState>
            No countries yet: they come from the trial&apos;s sites and the organizations taking part, or add one below.
          </EmptyState>
        ) : (
          <>
            {/* On a phone: one country after another, each step a line. */}
            <div className="space-y-4 sm:hidden" data-testid="startup-stacked">
              {startup.countries.map(({ country, cells }) => (
                <section
                  key={country}
                  aria-label={`Start-up in ${countryLabel(country)}`}
                  className="rounded-md border border-slate-200 p-3"
                >
                  <h3 className="text-sm font-semibold text-slate-900">{countryLabel(country)}</h3>
                  <dl className="mt-2 divide-y divide-slate-100 text-xs">
                    {cells.map((cell) => (
                      <div key={cell.step} className="grid grid-cols-[9rem_1fr] gap-2 py-1.5">
                        <dt className="font-medium text-slate-800">{cell.label}</dt>
                        <dd className="min-w-0 break-words">
                          <Cell cell={cell} id={id} owners={owners} today={today} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                </section>
              ))}
            </div>
            {/* Wider screens: the matrix, scrolling inside its own box if the screen is still too narrow. */}
            <div className="hidden overflow-x-auto sm:block" tabIndex={0} role="group" aria-label="Start-up matrix, country by step">
              <table className="w-full min-w-[60rem] table-fixed text-left text-xs" data-testid="startup-matrix">
                <caption className="sr-only">Start-up of each country, step by step: state, dates, days from approval and owner</caption>
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="w-24 py-1.5 pr-2 font-medium">
                      Country
                    </th>
                    {STARTUP_STEPS.map((step) => (
                      <th key={step} scope="col" className="py-1.5 pr-2 align-bottom font-medium">
                        {stepName(step)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {startup.countries.map(({ country, cells }) => (
                    <tr key={country} className="align-top">
                      <th scope="row" className="py-2 pr-2 text-sm font-medium">
                        {countryLabel(country)}
                      </th>
                      {cells.map((cell) => (
                        <td key={cell.step} className="py-2 pr-2 break-words">
                          {cell.label !== stepName(cell.step) ? <p className="font-medium text-slate-800">{cell.label}</p> : null}
                          <Cell cell={cell} id={id} owners={owners} today={today} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {sourced.length > 0 ? (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium text-brand-700">Where these dates come from</summary>
            <ul className="mt-2 space-y-1 text-slate-700">
              {sourced.map((cell) => (
                <li key={`${cell.country}-${cell.step}`}>
                  <span className="font-medium">
                    {countryLabel(cell.country)}, {cell.label}:
                  </span>{" "}
                  {cell.row!.source}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {startup.canManage ? (
          <ActionForm
            action={addStartupCountryAction.bind(null, id, trialId)}
            submitLabel="Add country"
            className="border-t border-slate-200 pt-3"
            labels={{ country: "Country" }}
          >
            <label htmlFor="startup-country" className="block text-sm font-medium">
              Add a country to the tracker
            </label>
            <LimitedInput
              id="startup-country"
              name="country"
              limit={TRIAL_TEXT_MAX.country}
              className={`${inputClass} max-w-xs`}
              placeholder="Germany or DE"
            />
          </ActionForm>
        ) : null}
      </div>
    </Card>
  );
}
