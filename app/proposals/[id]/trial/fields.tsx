// Fields the trial's forms share: the organization to credit, and the reason a correction keeps.
import { inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";

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
