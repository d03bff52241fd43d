import Link from "next/link";
import { ActionForm } from "@/components/ActionForm";
import { Card, PageHeader } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";
import { requirePage } from "@/lib/authz/session";
import { pageData } from "@/lib/page-data";
import { countryLabel } from "@/lib/time";
import { getTrialEntry } from "@/lib/trials/queries";
import { correctAccrualAction, retractAccrualAction } from "../../actions";
import { ReasonField } from "../../fields";

// One accrual report, for those who keep the record: correct a typo, or retract a report entered in error.
export const metadata = { title: "Correct an accrual report" };

export default async function AccrualReportPage({ params }: { params: Promise<{ id: string; accrualId: string }> }) {
  const { id, accrualId } = await params;
  const path = `/proposals/${id}/trial/accrual/${accrualId}`;
  const { actor } = await requirePage("proposal.view", path);
  const { trialId, title, accrual } = await pageData(getTrialEntry(actor, id, "accrual", accrualId), path);
  const report = accrual!;
  const scope =
    report.componentStudy?.name ?? report.organization?.shortName ?? (report.country ? countryLabel(report.country) : "Overall");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Correct an accrual report" description={<Link href={`/proposals/${id}/trial`}>{title}</Link>} />
      <Card title="The report">
        <dl className="grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-600">Date</dt>
          <dd>{report.date ?? "not given"}</dd>
          <dt className="text-slate-600">Scope</dt>
          <dd>{scope}</dd>
          <dt className="text-slate-600">Patients so far</dt>
          <dd className="tabular-nums">{report.total}</dd>
          <dt className="text-slate-600">Source</dt>
          <dd>{report.source || "—"}</dd>
        </dl>
      </Card>
      <Card title="Correct it">
        <p className="mb-3 text-sm text-slate-700">
          For a typo or a wrong date. The audit log keeps what it said before, and why it changed.
        </p>
        <ActionForm
          action={correctAccrualAction.bind(null, id, trialId, report.id)}
          submitLabel="Save the correction"
          clearOnSuccess={false}
          labels={{ date: "Date", total: "Patients so far", source: "Source", reason: "Why" }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="block text-sm font-medium">
              Date
              <input name="date" type="date" defaultValue={report.date ?? ""} className={inputClass} required />
            </label>
            <label className="block text-sm font-medium">
              Patients so far
              <input name="total" inputMode="numeric" defaultValue={report.total} className={inputClass} required />
            </label>
            <div className="sm:col-span-2">
              <label htmlFor="accrual-source" className="block text-sm font-medium">
                Source
              </label>
              <LimitedInput
                id="accrual-source"
                name="source"
                limit={TRIAL_TEXT_MAX.source}
                defaultValue={report.source}
                className={inputClass}
              />
            </div>
            <div className="sm:col-span-2">
              <ReasonField id="accrual-correct-reason" placeholder="Typo: 1000 for 100" />
            </div>
          </div>
        </ActionForm>
      </Card>
      <Card title="Retract it">
        <p className="mb-3 text-sm text-slate-700">
          For a report entered in error or twice: it leaves the record and the chart. The audit log keeps it, and why.
        </p>
        <ActionForm
          action={retractAccrualAction.bind(null, id, trialId, report.id)}
          submitLabel="Retract this report"
          tone="danger"
          labels={{ reason: "Why" }}
        >
          <ReasonField id="accrual-retract-reason" placeholder="Entered twice" />
        </ActionForm>
      </Card>
    </div>
  );
}
