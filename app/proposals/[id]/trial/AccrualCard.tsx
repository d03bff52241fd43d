// Accrual against the target: the curve over time, the latest count per organization and country, and reports.
import { ActionForm } from "@/components/ActionForm";
import { inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";
import { countryLabel } from "@/lib/time";
import { AccrualChart } from "./AccrualChart";
import { Badge, Card, TableHead } from "@/components/ui";
import Link from "next/link";
import { accrualByScope, accrualSeries, currentAccrual, percentOfTarget } from "@/lib/trials/progress";
import { recordAccrualAction } from "./actions";
import type { TrialCardProps } from "./card-props";
import { OrganizationSelect } from "./fields";
import { MonitorView } from "./MonitorView";

export function AccrualCard({ trial, id, canManage, canReportFor, organizations, monitor, studies }: TrialCardProps) {
  const actual = currentAccrual(trial.accrual);
  const studyName = new Map(trial.componentStudies.map((s) => [s.id, s.shortName ?? s.name]));
  const scopes = accrualByScope(trial.accrual);
  const orgName = new Map(organizations.map((o) => [o.id, o.shortName]));
  const series = accrualSeries(trial.accrual, (s) =>
    s.organizationId ? (orgName.get(s.organizationId) ?? "Organization") : countryLabel(s.country ?? ""),
  );
  const pct = percentOfTarget(actual, trial.targetAccrual);
  return (
    <Card title="Accrual" className="lg:col-span-2">
      <p className="mb-2 text-sm text-slate-700">
        {actual === null
          ? `No accrual reported yet${trial.targetAccrual ? ` (${trial.targetAccrual} planned)` : ""}.`
          : `${actual} ${actual === 1 ? "patient" : "patients"} enrolled${trial.targetAccrual ? ` of ${trial.targetAccrual} planned` : ""}${pct !== null ? ` (${pct}%)` : ""}.`}
        {studies && studies.rollup.accrued !== null ? (
          <> With its component studies: {studies.rollup.accrued} (see Component studies).</>
        ) : null}
        {trial.accrual.some((a) => a.demo) ? (
          <>
            {" "}
            <Badge tone="amber">demo figures</Badge>
          </>
        ) : null}
      </p>
      {monitor ? (
        <MonitorView result={monitor} accrualClosed={trial.milestones.find((m) => m.kind === "ACCRUAL_COMPLETE")?.actual ?? null} />
      ) : null}
      {series.length > 0 ? (
        <>
          {monitor?.state === "ready" ? (
            <h3 className="text-sm font-semibold text-slate-900">Reports by organization and country</h3>
          ) : null}
          <AccrualChart series={series} target={trial.targetAccrual} />
        </>
      ) : null}
      <div className="overflow-x-auto">
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Accrual reports, oldest first</caption>
          <TableHead
            columns={[
              "Date",
              "Scope",
              { label: "Patients so far", align: "right" },
              "Source",
              ...(canManage ? [{ label: "Correction", align: "right" as const }] : []),
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {trial.accrual.map((a) => (
              <tr key={a.id}>
                <td className="py-1 pr-3">{a.date ?? "date not given"}</td>
                <td className="py-1 pr-3">
                  {a.componentStudyId
                    ? (studyName.get(a.componentStudyId) ?? "A study")
                    : (a.organization?.shortName ?? (a.country ? countryLabel(a.country) : "Overall"))}
                </td>
                <td className="py-1 pr-3 text-right tabular-nums">{a.total}</td>
                <td className="py-1 pr-3 text-slate-700">
                  {a.source} {a.demo ? <Badge tone="amber">demo</Badge> : null}
                </td>
                {canManage ? (
                  <td className="py-1 text-right">
                    <Link
                      href={`/proposals/${id}/trial/accrual/${a.id}`}
                      aria-label={`Correct or retract the report of ${a.date ?? "no date"}, ${a.total} patients`}
                    >
                      Correct
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {scopes.length > 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          Latest by organization or country:{" "}
          {scopes.map((s) => `${s.organizationId ? orgName.get(s.organizationId) : countryLabel(s.country ?? "")} ${s.total}`).join(" · ")}
        </p>
      ) : null}
      {canManage ? (
        <ActionForm
          action={recordAccrualAction.bind(null, id, trial.id)}
          submitLabel="Record accrual"
          className="mt-4 border-t border-slate-200 pt-3"
          labels={{ date: "Date", total: "Patients so far", organizationId: "Organization", country: "Country" }}
        >
          <div className="grid gap-3 sm:grid-cols-5">
            <label className="block text-sm font-medium">
              Date
              <input name="date" type="date" className={inputClass} required />
            </label>
            <label className="block text-sm font-medium">
              Patients so far
              <input name="total" inputMode="numeric" className={inputClass} required />
            </label>
            <label className="block text-sm font-medium">
              Organization (optional)
              <OrganizationSelect organizations={organizations} emptyLabel="Overall" />
            </label>
            <div>
              <label htmlFor="new-accrual-country" className="block text-sm font-medium">
                Country (optional)
              </label>
              <LimitedInput
                id="new-accrual-country"
                name="country"
                limit={TRIAL_TEXT_MAX.country}
                className={inputClass}
                placeholder="Japan"
              />
            </div>
            <SourceField id="new-accrual-source" />
          </div>
        </ActionForm>
      ) : canReportFor ? (
        <ActionForm
          action={recordAccrualAction.bind(null, id, trial.id)}
          submitLabel={`Report ${canReportFor.shortName}'s accrual`}
          className="mt-4 border-t border-slate-200 pt-3"
          labels={{ date: "Date", total: "Patients so far", source: "Source" }}
        >
          <p className="mb-2 text-sm text-slate-700">
            {canReportFor.shortName} takes part in this trial: report the patients its sites have enrolled so far, in total.
          </p>
          <div className="grid gap-3 sm:grid-cols-3">
            <label className="block text-sm font-medium">
              Date
              <input name="date" type="date" className={inputClass} required />
            </label>
            <label className="block text-sm font-medium">
              {canReportFor.shortName}&apos;s patients so far
              <input name="total" inputMode="numeric" className={inputClass} required />
            </label>
            <SourceField id="own-accrual-source" />
          </div>
        </ActionForm>
      ) : null}
    </Card>
  );
}

/** Where an accrual figure comes from: the same field in the keepers' form and an organization's own. */
function SourceField({ id }: { id: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        Source
      </label>
      <LimitedInput id={id} name="source" limit={TRIAL_TEXT_MAX.source} className={inputClass} placeholder="Monthly report" />
    </div>
  );
}
