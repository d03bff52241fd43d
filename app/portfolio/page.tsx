import Link from "next/link";
import { vocabularyLabel } from "@/components/labels";
import type { ReactNode } from "react";
import { HorizontalBars } from "@/components/charts/HorizontalBars";
import { Badge, Card, EmptyState, PageHeader, buttonClass, secondaryButtonClass } from "@/components/ui";
import { ForecastBand } from "@/components/charts/ForecastBand";
import { VERDICT_LABEL } from "@/lib/trials/monitoring";
import { inputClass } from "@/components/ui/form";
import { requirePage } from "@/lib/authz/session";
import { groupChoices } from "@/lib/groups/queries";
import { GroupFilterField } from "@/components/GroupFilterField";
import { pageData } from "@/lib/page-data";
import { PROPOSAL_STATUSES, STATUS_LABEL } from "@/lib/proposals/workflow";
import { countryLabel } from "@/lib/time";
import { MILESTONE_LABEL } from "@/lib/trials/progress";
import { portfolio } from "@/lib/portfolio/queries";
import { ExportLinks } from "./ExportLinks";
import { StartupDays } from "./StartupDays";

export const metadata = { title: "Portfolio" };

/** A chart and the same numbers as a table: the table is what screen readers and printers get. */
function ChartWithTable({
  title,
  chart,
  head,
  rows,
}: {
  title: string;
  chart: ReactNode;
  head: [string, string, string?];
  rows: ReactNode[][];
}) {
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <EmptyState>Nothing to show for these filters.</EmptyState>
      ) : (
        <>
          {chart}
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{title} as a table</summary>
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">{title}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  {head.filter(Boolean).map((h) => (
                    <th key={h} scope="col" className="py-1 pr-3 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((cells, i) => (
                  <tr key={i}>
                    {cells.map((c, j) =>
                      j === 0 ? (
                        <th key={j} scope="row" className="py-1 pr-3 font-medium">
                          {c}
                        </th>
                      ) : (
                        <td key={j} className="py-1 pr-3 tabular-nums">
                          {c}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </Card>
  );
}

export default async function PortfolioPage({
  searchParams,
}: {
  searchParams: Promise<{ group?: string; organization?: string; status?: string }>;
}) {
  const query = await searchParams;
  const { actor } = await requirePage("proposal.list", "/portfolio");
  const filters = {
    group: query.group?.slice(0, 100) || undefined,
    organization: query.organization || undefined,
    status: PROPOSAL_STATUSES.find((s) => s === query.status),
  };
  const [data, groups] = await Promise.all([
    pageData(portfolio(actor, filters), "/portfolio"),
    // A list to choose from while it is short enough to read; beyond that, a field to type in.
    groupChoices(actor),
  ]);
  const trialCount = data.trialStatuses.reduce((n, s) => n + s.count, 0);
  const monitored = data.accrual.flatMap((t) => (t.monitor ? [{ t, m: t.monitor }] : []));
  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Every proposal by stage and every trial's progress, for the whole of IRCI."
        actions={
          <a href="#exports" className={secondaryButtonClass}>
            Exports
          </a>
        }
      />
      <form
        aria-label="Filter the portfolio"
        className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-4"
      >
        <label className="block text-sm font-medium">
          Expert group
          <GroupFilterField groups={groups} value={filters.group} anyLabel="All" />
        </label>
        <label className="block text-sm font-medium">
          Organization (lead or taking part)
          <select name="organization" defaultValue={filters.organization ?? ""} className={inputClass}>
            <option value="">All</option>
            {data.organizations.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.shortName}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Stage
          <select name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">All</option>
            {PROPOSAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass}>
            Apply
          </button>
          <Link href="/portfolio" className={secondaryButtonClass}>
            Clear
          </Link>
        </div>
      </form>
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartWithTable
          title="Proposals per stage"
          chart={
            <HorizontalBars
              valueLabel="Proposals"
              data={data.stages.filter((s) => s.count > 0).map((s) => ({ label: STATUS_LABEL[s.status], value: s.count }))}
            />
          }
          head={["Stage", "Proposals"]}
          rows={data.stages.filter((s) => s.count > 0).map((s) => [STATUS_LABEL[s.status], s.count])}
        />
        <ChartWithTable
          title="Trials by status"
          chart={
            <HorizontalBars
              valueLabel="Trials"
              data={data.trialStatuses.map((s) => ({ label: vocabularyLabel(s.status), value: s.count }))}
            />
          }
          head={["ClinicalTrials.gov status", "Trials"]}
          rows={data.trialStatuses.map((s) => [vocabularyLabel(s.status), s.count])}
        />
        <ChartWithTable
          title={
            trialCount > data.accrual.length
              ? `Accrual against target: the first ${data.accrual.length} of ${trialCount} trials by name (all in the CSV export)`
              : "Accrual against target"
          }
          chart={
            <HorizontalBars
              valueLabel="Enrolled"
              secondary="Target"
              data={data.accrual.map((t) => ({ label: t.title.split(":")[0]!.slice(0, 24), value: t.actual ?? 0, second: t.target ?? 0 }))}
            />
          }
          head={["Trial", "Enrolled", "Target"]}
          rows={data.accrual.map((t) => [
            <Link key={t.proposalId} href={`/proposals/${t.proposalId}/trial`}>
              {t.title.split(":")[0]}
            </Link>,
            <span key="a">
              {t.actual ?? "—"} {t.demo ? <Badge tone="amber">demo</Badge> : null}
            </span>,
            t.target ?? "—",
          ])}
        />
        <Card title="Accrual monitor" className="min-w-0 lg:col-span-2">
          {monitored.length === 0 ? (
            <EmptyState>No trial has the accrual reports and planned dates the monitor needs.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="portfolio-monitor">
                <caption className="sr-only">
                  Each monitored trial: its verdict, its chance of reaching its target by its planned end, and the projection
                </caption>
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="py-1.5 pr-3 font-medium">
                      Trial
                    </th>
                    <th scope="col" className="py-1.5 pr-3 font-medium">
                      Verdict
                    </th>
                    <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                      Chance by planned end
                    </th>
                    <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                      At planned end (10–90%)
                    </th>
                    {/* The picture is left out on a phone: the numbers beside it say the same. */}
                    <th scope="col" className="hidden py-1.5 font-medium sm:table-cell">
                      Reported against the forecast
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {monitored.map(({ t, m }) => (
                    <tr key={t.proposalId}>
                      <th scope="row" className="py-1.5 pr-3 font-normal">
                        <Link href={`/proposals/${t.proposalId}/trial`}>{t.title.split(":")[0]}</Link>{" "}
                        {t.demo ? <Badge tone="amber">demo</Badge> : null}
                        <span className="block text-xs text-slate-600">
                          as of {m.asOf}; planned end {m.plannedEnd}
                        </span>
                      </th>
                      <td className="whitespace-nowrap py-1.5 pr-3">
                        <Badge tone={m.verdict === "at-risk" ? "red" : m.verdict === "too-early" ? "neutral" : "green"}>
                          {VERDICT_LABEL[m.verdict]}
                        </Badge>
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{m.plannedEndPassed ? "—" : m.chance}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {m.plannedEndPassed
                          ? `${m.recruited} of ${m.target} (planned end passed)`
                          : `${m.projected.p50} (${m.projected.p10}–${m.projected.p90}) of ${m.target}`}
                      </td>
                      <td className="hidden py-1.5 sm:table-cell">
                        <ForecastBand
                          compact
                          observed={m.observed}
                          band={m.band}
                          target={m.target}
                          plannedEndMonths={m.plannedEndMonths}
                          label={() => ""}
                          summary={m.sentence}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <ChartWithTable
          title="Participation by organization"
          chart={
            <HorizontalBars
              valueLabel="Trials led or taken part in"
              data={data.byOrganization.map((o) => ({ label: o.organization, value: o.trials }))}
            />
          }
          head={["Organization", "Trials"]}
          rows={data.byOrganization.map((o) => [o.organization, o.trials])}
        />
        <ChartWithTable
          title="Participation by country"
          chart={
            <HorizontalBars valueLabel="Trials" data={data.byCountry.map((c) => ({ label: countryLabel(c.country), value: c.trials }))} />
          }
          head={["Country", "Trials", "Named sites"]}
          rows={data.byCountry.map((c) => [countryLabel(c.country), c.trials, c.sites])}
        />
        <StartupDays startup={data.startup} />
        <Card title="Milestones due or late">
          {data.milestones.length === 0 ? (
            <EmptyState>No milestone is due in the next 30 days or late.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {data.milestones.map((m) => (
                <li key={`${m.trial.proposal.id}-${m.kind}`} className="flex items-center justify-between gap-2 py-1.5">
                  <span>
                    <Link href={`/proposals/${m.trial.proposal.id}/trial`}>{m.trial.proposal.title.split(":")[0]}</Link>:{" "}
                    {MILESTONE_LABEL[m.kind]} (planned {m.planned})
                  </span>
                  <Badge tone={m.state === "late" ? "red" : "amber"}>{m.state === "late" ? "Late" : "Due soon"}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <ExportLinks />
    </>
  );
}
