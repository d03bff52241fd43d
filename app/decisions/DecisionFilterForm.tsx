// The register's filters: a plain GET form, so every result has an address to share, print or export.
import Link from "next/link";
import { buttonClass, secondaryButtonClass } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { DECISION_KINDS, DECISION_KIND_LABEL } from "@/lib/decisions/labels";
import { DECISION_TEXT_MAX } from "@/lib/decisions/limits";
import type { DecisionFilters } from "@/lib/decisions/schema";

function Select({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value?: string;
  options: { value: string; label: string }[];
}) {
  // Named by its label alone (a label around a select also reads out its options).
  const id = `decision-filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DecisionFilterForm({
  filters,
  groups,
  years,
  members,
}: {
  filters: DecisionFilters;
  groups: { slug: string; name: string }[];
  years: string[];
  members: boolean;
}) {
  return (
    <form
      method="get"
      action="/decisions"
      role="search"
      aria-label="Filter the decisions"
      className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <label className="block text-sm font-medium sm:col-span-2 lg:col-span-4">
        Search
        <input
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          maxLength={DECISION_TEXT_MAX.search}
          placeholder="Words in the title, options or rationale"
          className={inputClass}
        />
      </label>
      <Select
        label="Kind"
        name="kind"
        value={filters.kind}
        options={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABEL[k] }))}
      />
      <Select label="Expert group" name="group" value={filters.group} options={groups.map((g) => ({ value: g.slug, label: g.name }))} />
      <Select label="Year" name="year" value={filters.year} options={years.map((y) => ({ value: y, label: y }))} />
      {members ? (
        <Select
          label="Visibility"
          name="visibility"
          value={filters.visibility}
          options={[
            { value: "public", label: "Public" },
            { value: "members", label: "Members only" },
          ]}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass}>
          Filter
        </button>
        <Link href="/decisions" className={secondaryButtonClass}>
          Clear
        </Link>
      </div>
    </form>
  );
}
