// Fields the trial's forms share: the organization to credit, the reason a correction keeps, a registry id.
import { inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";
import { REGISTRIES, REGISTRY_NAMES } from "@/lib/trials/registry";

/** A choice of member organization (name "organizationId"), with an empty choice worded for its form. */
export function OrganizationSelect({
  organizations,
  defaultValue = "",
  emptyLabel,
}: {
  organizations: { id: string; shortName: string }[];
  defaultValue?: string;
  emptyLabel: string;
}) {
  return (
    <select name="organizationId" defaultValue={defaultValue} className={inputClass}>
      <option value="">{emptyLabel}</option>
      {organizations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.shortName}
        </option>
      ))}
    </select>
  );
}

/** Why an entry is corrected, retracted or removed (name "reason"): the audit log keeps it. */
export function ReasonField({ id, placeholder }: { id: string; placeholder: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        Why (kept in the audit log)
      </label>
      <LimitedInput id={id} name="reason" limit={TRIAL_TEXT_MAX.reason} className={inputClass} placeholder={placeholder} />
    </div>
  );
}

/**
 * A registry and an id in it: the registry card's form and the add-study form. The field names
 * differ between their actions (`valueName`), the choice of registries does not.
 */
export function RegistryIdFields({ valueName, valueLabel, placeholder }: { valueName: string; valueLabel: string; placeholder: string }) {
  return (
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
        {valueLabel}
        <input name={valueName} className={inputClass} placeholder={placeholder} />
      </label>
    </div>
  );
}
