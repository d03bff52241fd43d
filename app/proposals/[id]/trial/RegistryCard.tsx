// The trial's ids in public registries, each a link to its entry; keepers add and remove them.
import { ActionForm } from "@/components/ActionForm";
import { inputClass } from "@/components/ui/form";
import { registryLink } from "@/lib/trials/queries";
import { REGISTRIES, REGISTRY_NAMES, registryShortName } from "@/lib/trials/registry";
import { Card, EmptyState } from "@/components/ui";
import { addRegistryIdAction, removeRegistryIdAction } from "./actions";
import type { TrialCardProps } from "./card-props";

export function RegistryCard({ trial, id, canManage }: TrialCardProps) {
  return (
    <Card title="Registry ids">
      {trial.registryIds.length === 0 ? (
        <EmptyState>No registry id yet.</EmptyState>
      ) : (
        <ul className="space-y-1 text-sm">
          {trial.registryIds.map((r) => {
            const href = registryLink(r.registry, r.value);
            return (
              <li key={r.id} className="flex items-center justify-between gap-2">
                <span>
                  <span className="text-slate-600">{registryShortName(r.registry)}</span>{" "}
                  {href ? (
                    <a href={href} className="font-mono" rel="noreferrer" target="_blank">
                      {r.value}
                    </a>
                  ) : (
                    <span className="font-mono">{r.value}</span>
                  )}
                </span>
                {canManage ? (
                  <ActionForm action={removeRegistryIdAction.bind(null, id, trial.id)} submitLabel={`Remove ${r.value}`} tone="quiet">
                    <input type="hidden" name="id" value={r.id} />
                  </ActionForm>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canManage ? (
        <ActionForm
          action={addRegistryIdAction.bind(null, id, trial.id)}
          submitLabel="Add registry id"
          className="mt-4 border-t border-slate-200 pt-3"
          labels={{ registry: "Registry", value: "Id" }}
        >
          <div className="grid grid-cols-[8rem_1fr] gap-3">
            <label className="block text-sm font-medium">
              Registry
              <select name="registry" className={inputClass}>
                {REGISTRY_NAMES.map((r) => (
                  <option key={r} value={r}>
                    {REGISTRIES[r].short}
                  </option>
                ))}
              </select>
            </label>
            <label className="block text-sm font-medium">
              Id
              <input name="value" className={inputClass} placeholder="NCT01533207" />
            </label>
          </div>
        </ActionForm>
      ) : null}
    </Card>
  );
}
