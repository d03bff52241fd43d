// The trial's ids in public registries, each a link to its entry, grouped by the component study each registers;
// keepers add, attach to a study and remove them.
import { ActionForm } from "@/components/ActionForm";
import { inputClass } from "@/components/ui/form";
import { registryLink } from "@/lib/trials/queries";
import { registryShortName } from "@/lib/trials/registry";
import { RegistryIdFields } from "./fields";
import { Card, EmptyState } from "@/components/ui";
import { addRegistryIdAction, attachRegistryIdAction, removeRegistryIdAction } from "./actions";
import type { TrialCardProps } from "./card-props";

type RegistryId = TrialCardProps["trial"]["registryIds"][number];

/** Ids as links to their registries (the component studies' card shows each study's the same way). */
export function RegistryIdList({ ids, remove }: { ids: RegistryId[]; remove?: (r: RegistryId) => React.ReactNode }) {
  return (
    <ul className="space-y-1 text-sm">
      {ids.map((r) => {
        const href = registryLink(r.registry, r.value);
        return (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2">
            <span className="min-w-0 break-all">
              <span className="text-slate-600">{registryShortName(r.registry)}</span>{" "}
              {href ? (
                <a href={href} className="font-mono" rel="noreferrer" target="_blank">
                  {r.value}
                </a>
              ) : (
                <span className="font-mono">{r.value}</span>
              )}
            </span>
            {remove?.(r)}
          </li>
        );
      })}
    </ul>
  );
}

function StudySelect({ studies, label }: { studies: TrialCardProps["trial"]["componentStudies"]; label: string }) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <select name="componentStudyId" className={inputClass} defaultValue="">
        <option value="">The whole trial</option>
        {studies.map((s) => (
          <option key={s.id} value={s.id}>
            {s.shortName ?? s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RegistryCard({ trial, id, canManage }: TrialCardProps) {
  const studies = trial.componentStudies;
  const remove = canManage
    ? (r: RegistryId) => (
        <ActionForm action={removeRegistryIdAction.bind(null, id, trial.id)} submitLabel={`Remove ${r.value}`} tone="quiet">
          <input type="hidden" name="id" value={r.id} />
        </ActionForm>
      )
    : undefined;
  // With component studies, each study's ids under its name, then the trial's own.
  const groups = [
    ...studies.map((s) => ({ key: s.id, title: s.shortName ?? s.name, ids: trial.registryIds.filter((r) => r.componentStudyId === s.id) })),
    { key: "trial", title: "The whole trial", ids: trial.registryIds.filter((r) => !r.componentStudyId) },
  ].filter((g) => g.ids.length > 0);
  return (
    <Card title="Registry ids">
      {trial.registryIds.length === 0 ? (
        <EmptyState>No registry id yet.</EmptyState>
      ) : studies.length === 0 ? (
        <RegistryIdList ids={trial.registryIds} remove={remove} />
      ) : (
        <div className="space-y-3">
          {/* Groups, not regions: the card is the one region of registry ids on the page. */}
          {groups.map((g) => (
            <div key={g.key} role="group" aria-labelledby={`registry-ids-${g.key}`}>
              <h3 id={`registry-ids-${g.key}`} className="text-sm font-semibold text-slate-900">
                {g.title}
              </h3>
              <RegistryIdList ids={g.ids} remove={remove} />
            </div>
          ))}
        </div>
      )}
      {canManage ? (
        <ActionForm
          action={addRegistryIdAction.bind(null, id, trial.id)}
          submitLabel="Add registry id"
          className="mt-4 border-t border-slate-200 pt-3"
          labels={{ registry: "Registry", value: "Id", componentStudyId: "Study" }}
        >
          <RegistryIdFields valueName="value" valueLabel="Id" placeholder="NCT01533207" />
          {studies.length > 0 ? (
            <div className="mt-3">
              <StudySelect studies={studies} label="For" />
            </div>
          ) : null}
        </ActionForm>
      ) : null}
      {canManage && studies.length > 0 && trial.registryIds.length > 0 ? (
        <ActionForm
          action={attachRegistryIdAction.bind(null, id, trial.id)}
          submitLabel="Move the id"
          className="mt-4 border-t border-slate-200 pt-3"
          labels={{ id: "Id", componentStudyId: "Study" }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="block text-sm font-medium">
              Id
              <select name="id" className={inputClass}>
                {trial.registryIds.map((r) => (
                  <option key={r.id} value={r.id}>
                    {registryShortName(r.registry)} {r.value}
                  </option>
                ))}
              </select>
            </label>
            <StudySelect studies={studies} label="Belongs to" />
          </div>
        </ActionForm>
      ) : null}
    </Card>
  );
}
