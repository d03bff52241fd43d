// The public page's search and filters: a plain GET form, so it works without JavaScript and every
// result has an address to share. The choices made stay selected on the page they lead to.
import Link from "next/link";
import { buttonClass, secondaryButtonClass } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { PUBLIC_SEARCH_MAX } from "@/lib/portfolio/limits";
import { vocabularyLabel } from "@/lib/vocabulary";
import { countryName } from "@/lib/time";
import type { PublicFilters, publicFilterChoices } from "@/lib/portfolio/public";

type Choices = Awaited<ReturnType<typeof publicFilterChoices>>;

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
  return (
    <label className="block text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TrialSearch({ filters, choices }: { filters: PublicFilters; choices: Choices }) {
  return (
    <form
      method="get"
      action="/trials"
      role="search"
      aria-label="Search the trials"
      className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <label className="block text-sm font-medium sm:col-span-2 lg:col-span-4">
        Search
        <input
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          maxLength={PUBLIC_SEARCH_MAX}
          placeholder="Title, acronym, cancer or NCT number"
          className={inputClass}
        />
      </label>
      <Select
        label="Status"
        name="status"
        value={filters.status}
        options={choices.statuses.map((s) => ({ value: s, label: vocabularyLabel(s) }))}
      />
      <Select
        label="Country"
        name="country"
        value={filters.country}
        options={choices.countries.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label))}
      />
      <Select
        label="Lead organization"
        name="organization"
        value={filters.organization}
        options={choices.organizations.map((o) => ({ value: o.slug, label: o.shortName }))}
      />
      <Select
        label="Phase"
        name="phase"
        value={filters.phase}
        options={choices.phases.map((p) => ({ value: p, label: vocabularyLabel(p) }))}
      />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass}>
          Search
        </button>
        <Link href="/trials" className={secondaryButtonClass}>
          Clear
        </Link>
      </div>
    </form>
  );
}
