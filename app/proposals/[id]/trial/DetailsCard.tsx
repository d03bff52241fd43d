// The trial's details (status, phases, target, dates, sponsor), editable by those who keep the record.
import { DECISION_TEXT_MAX } from "@/lib/decisions/limits";
import { vocabularyLabel } from "@/components/labels";
import { ActionForm } from "@/components/ActionForm";
import { inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";
import { Card } from "@/components/ui";
import { OVERALL_STATUSES, PHASES } from "@/lib/trials/ctgov";
import { undoImportAction, updateTrialAction } from "./actions";
import type { TrialCardProps } from "./card-props";

export function DetailsCard({ trial, id, canManage }: TrialCardProps) {
  // The latest import not undone can be undone; the latest undone one is named, so the undo shows.
  const lastImport = trial.imports.find((i) => !i.undoneAt);
  const undone = trial.imports[0]?.undoneAt ? trial.imports[0] : undefined;
  return (
    <Card title="Details">
      <dl className="grid grid-cols-[11rem_1fr] gap-y-1 text-sm">
        <dt className="text-slate-600">Overall status</dt>
        <dd>{vocabularyLabel(trial.overallStatus)}</dd>
        <dt className="text-slate-600">Phases</dt>
        <dd>{trial.phases.map(vocabularyLabel).join(", ") || "—"}</dd>
        <dt className="text-slate-600">Start</dt>
        <dd>{trial.startDate ?? "—"}</dd>
        <dt className="text-slate-600">Primary completion</dt>
        <dd>{trial.primaryCompletionDate ?? "—"}</dd>
        <dt className="text-slate-600">Lead sponsor</dt>
        <dd>{trial.leadSponsor ?? "—"}</dd>
        <dt className="text-slate-600">Last import</dt>
        <dd>
          {trial.importedAt ? trial.importedAt.toISOString().slice(0, 10) : "never"}
          {lastImport
            ? ` (${lastImport.nctId}, ${lastImport.addedSiteIds.length} ${lastImport.addedSiteIds.length === 1 ? "site" : "sites"} added)`
            : ""}
        </dd>
      </dl>
      {undone ? (
        <p className="mt-2 text-sm text-slate-700">
          The import of {undone.nctId} was undone on {undone.undoneAt!.toISOString().slice(0, 10)}.
        </p>
      ) : null}
      {canManage && lastImport ? (
        <ActionForm
          action={undoImportAction.bind(null, id, trial.id)}
          submitLabel={`Undo the import of ${lastImport.nctId}`}
          tone="quiet"
          className="mt-3"
        >
          <input type="hidden" name="importId" value={lastImport.id} />
          <p className="text-sm text-slate-700">
            Puts back the details it replaced and removes the sites, registry ids and accrual it added.
          </p>
        </ActionForm>
      ) : null}
      {canManage ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit details</summary>
          <ActionForm
            action={updateTrialAction.bind(null, id, trial.id)}
            submitLabel="Save details"
            className="mt-3 space-y-3"
            labels={{
              closeReason: "Why the trial ends early",
              targetAccrual: "Target accrual",
              startDate: "Start",
              primaryCompletionDate: "Primary completion",
            }}
          >
            <label className="block text-sm font-medium">
              Overall status
              <select name="overallStatus" defaultValue={trial.overallStatus} className={inputClass}>
                {OVERALL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {vocabularyLabel(s)}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="text-sm">
              <legend className="font-medium">Phases</legend>
              <div className="mt-1 flex flex-wrap gap-3">
                {PHASES.map((p) => (
                  <label key={p} className="flex items-center gap-1">
                    <input type="checkbox" name="phases" value={p} defaultChecked={trial.phases.includes(p)} /> {vocabularyLabel(p)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid grid-cols-2 gap-3">
              <label className="block text-sm font-medium">
                Target accrual
                <input name="targetAccrual" inputMode="numeric" defaultValue={trial.targetAccrual ?? ""} className={inputClass} />
              </label>
              <div>
                <label htmlFor="trial-lead-sponsor" className="block text-sm font-medium">
                  Lead sponsor
                </label>
                <LimitedInput
                  id="trial-lead-sponsor"
                  name="leadSponsor"
                  limit={TRIAL_TEXT_MAX.leadSponsor}
                  defaultValue={trial.leadSponsor ?? ""}
                  className={inputClass}
                />
              </div>
              <label className="block text-sm font-medium">
                Start (yyyy, yyyy-MM or yyyy-MM-dd)
                <input name="startDate" defaultValue={trial.startDate ?? ""} className={inputClass} />
              </label>
              <label className="block text-sm font-medium">
                Primary completion
                <input name="primaryCompletionDate" defaultValue={trial.primaryCompletionDate ?? ""} className={inputClass} />
              </label>
            </div>
            <label className="block text-sm font-medium">
              Why the trial ends early (when the status becomes terminated, withdrawn or suspended)
              <textarea name="closeReason" rows={2} maxLength={DECISION_TEXT_MAX.closeReason} className={inputClass} />
              <span className="block font-normal text-slate-600">Kept in the decision register with the change.</span>
            </label>
          </ActionForm>
        </details>
      ) : null}
    </Card>
  );
}
