// The portfolio's start-up: the median days from approval to each step by country, with how many steps
// are past their target, and the open steps past their target now. Words say what colour repeats.
import Link from "next/link";
import { Badge, Card, EmptyState } from "@/components/ui";
import type { portfolioStartup } from "@/lib/startup/queries";
import { STARTUP_STEPS, STATE_LABEL, plural, stepName } from "@/lib/startup/steps";
import { countryLabel } from "@/lib/time";

type Data = Awaited<ReturnType<typeof portfolioStartup>>;

export function StartupDays({ startup }: { startup: Data }) {
  return (
    <Card title="Start-up: days from approval per step, by country" className="min-w-0 lg:col-span-2">
      {startup.countries.length === 0 ? (
        <EmptyState>No trial has a start-up recorded yet.</EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            The median days from each trial&apos;s approval until the step was done, over the trials that recorded it (n). Targets are the
            secretariat&apos;s (phase 3: first site within {startup.targets.steps.FIRST_SITE} days); “about” where the public record gives
            only a year or a month.
          </p>
          <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Days per step by country">
            <table className="w-full min-w-[56rem] text-left text-xs" data-testid="portfolio-startup">
              <caption className="sr-only">
                Median days from approval to each start-up step, by country, and steps past their target
              </caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-1.5 pr-2 font-medium">
                    Country
                  </th>
                  {STARTUP_STEPS.map((s) => (
                    <th key={s} scope="col" className="py-1.5 pr-2 align-bottom font-medium">
                      {stepName(s)} <span className="block font-normal">target {startup.targets.steps[s]}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {startup.countries.map((c) => (
                  <tr key={c.country} className="align-top">
                    <th scope="row" className="py-1.5 pr-2 text-sm font-medium">
                      {countryLabel(c.country)}
                    </th>
                    {STARTUP_STEPS.map((s) => {
                      const cell = c.steps[s];
                      return (
                        <td key={s} className="py-1.5 pr-2 tabular-nums">
                          {cell.median !== null ? (
                            <span>
                              {cell.approximate ? "about " : ""}
                              {plural(cell.median, "day")} <span className="text-slate-600">(n={cell.done})</span>
                            </span>
                          ) : (
                            <span className="text-slate-500">—</span>
                          )}
                          {cell.pastTarget > 0 ? (
                            <span className="mt-0.5 block">
                              <Badge tone="red">{cell.pastTarget} past target</Badge>
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="mt-4 text-sm font-semibold text-slate-900">Open steps past their target</h3>
          {startup.overdue.length === 0 ? (
            <p className="text-sm text-slate-600">None.</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100 text-sm">
              {startup.overdue.map((o) => (
                <li key={`${o.proposalId}-${o.country}-${o.step}`} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                  <span>
                    <Link href={`/proposals/${o.proposalId}/trial#startup`}>{o.title.split(":")[0]}</Link>, {countryLabel(o.country)}:{" "}
                    {o.label} ({STATE_LABEL[o.state].toLowerCase()}), {plural(o.days, "day")} since approval against {o.target}
                    {o.illustrative ? " (illustrative)" : ""}
                  </span>
                  <Badge tone="red">Past target by {plural(o.days - o.target, "day")}</Badge>
                </li>
              ))}
              {startup.overdueTotal > startup.overdue.length ? (
                <li className="py-1.5 text-slate-600">and {startup.overdueTotal - startup.overdue.length} more.</li>
              ) : null}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
