import { inputClass } from "@/components/ui/form";
import { GROUPS_LISTED } from "@/lib/groups/queries";

/**
 * The expert-group filter: a list to choose from while the groups are few enough to read, and a
 * field to type part of a name once they are not (lib/groups/queries.ts matches either).
 */
export function GroupFilterField({
  id,
  groups,
  value,
  anyLabel,
}: {
  id?: string;
  groups: { slug: string; name: string }[];
  value?: string;
  anyLabel: string;
}) {
  if (groups.length > GROUPS_LISTED) {
    return <input id={id} name="group" defaultValue={value ?? ""} placeholder="Part of its name, e.g. sarcoma" className={inputClass} />;
  }
  return (
    <select id={id} name="group" defaultValue={value ?? ""} className={inputClass}>
      <option value="">{anyLabel}</option>
      {groups.map((g) => (
        <option key={g.slug} value={g.slug}>
          {g.name.replace(/ expert group$/, "")}
        </option>
      ))}
    </select>
  );
}
