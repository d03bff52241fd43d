// The organizations taking part, and the countries and sites where the trial runs. A small trial
// lists every site; a large one (an imported record lists hundreds) shows the count in each country,
// each a link to its sites, and a search by site or city.
import Link from "next/link";
import { ActionForm } from "@/components/ActionForm";
import { inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";
import { countryLabel } from "@/lib/time";
import { Card, EmptyState, secondaryButtonClass } from "@/components/ui";
import { SITES_PER_VIEW } from "@/lib/trials/queries";
import { addSiteAction } from "./actions";
import type { TrialCardProps } from "./card-props";
import { OrganizationSelect } from "./fields";

type Site = NonNullable<TrialCardProps["sites"]>["listed"][number];

function SiteList({ sites, id, canManage }: { sites: Site[]; id: string; canManage: boolean }) {
  const byCountry = new Map<string, Site[]>();
  for (const s of sites) byCountry.set(s.country, [...(byCountry.get(s.country) ?? []), s]);
  return (
    <ul className="space-y-3 text-sm">
      {[...byCountry.entries()].map(([country, list]) => (
        <li key={country}>
          <p className="font-medium">{countryLabel(country)}</p>
          <ul className="mt-1 space-y-0.5">
            {list.map((s) => (
              <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className={s.facility ? "text-slate-800" : "text-slate-600"}>
                  {s.facility || "Sites not listed"}
                  {s.city ? `, ${s.city}` : ""}
                  {s.organization ? ` (${s.organization.shortName})` : ""}
                </span>
                {canManage ? (
                  <Link
                    href={`/proposals/${id}/trial/sites/${s.id}`}
                    className="text-xs"
                    aria-label={`Correct or remove ${s.facility || countryLabel(country)}`}
                  >
                    Correct
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function SitesCard({ proposal, trial, id, canManage, organizations, sites }: TrialCardProps) {
  const page = `/proposals/${id}/trial`;
  const countries = sites?.countries ?? [];
  return (
    <Card title="Countries and sites" className="lg:col-span-2">
      <p className="mb-3 text-sm text-slate-700">
        Organizations taking part:{" "}
        {proposal.interests.length
          ? proposal.interests.map((i) => `${i.organization.shortName}${i.level === "LEAD" ? " (lead)" : ""}`).join(", ")
          : "none recorded"}
      </p>
      {!sites || sites.total === 0 ? (
        <EmptyState>No countries or sites yet.</EmptyState>
      ) : sites.inFull ? (
        <SiteList sites={sites.listed} id={id} canManage={canManage} />
      ) : (
        <div id="sites" className="space-y-4">
          <p className="text-sm text-slate-700">
            {sites.total} sites in {countries.length} {countries.length === 1 ? "country" : "countries"}. Choose a country or search to see
            its sites.
          </p>
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Sites by country">
            {countries.map((c) => (
              <li key={c.country}>
                <Link
                  href={`${page}?country=${c.country}#sites`}
                  aria-current={sites.country === c.country ? "true" : undefined}
                  className={`inline-block rounded-full border px-3 py-1 no-underline ${
                    sites.country === c.country
                      ? "border-brand-700 bg-brand-700 text-white"
                      : "border-slate-300 text-slate-800 hover:bg-slate-50"
                  }`}
                >
                  {countryLabel(c.country)} <span className="tabular-nums">{c.count}</span>
                </Link>
              </li>
            ))}
          </ul>
          <form action={page} method="get" className="flex flex-wrap items-end gap-2" role="search">
            {sites.country ? <input type="hidden" name="country" value={sites.country} /> : null}
            <label className="block text-sm font-medium">
              Search sites{sites.country ? ` in ${countryLabel(sites.country)}` : ""}
              <input name="sites" type="search" defaultValue={sites.query ?? ""} className={inputClass} placeholder="Site or city" />
            </label>
            <button type="submit" className={secondaryButtonClass}>
              Search
            </button>
            {sites.query || sites.country ? (
              <Link href={`${page}#sites`} className="self-center text-sm">
                Clear
              </Link>
            ) : null}
          </form>
          {sites.query || sites.country ? (
            sites.listed.length === 0 ? (
              <EmptyState>No site matches “{sites.query}”.</EmptyState>
            ) : (
              <>
                <SiteList sites={sites.listed} id={id} canManage={canManage} />
                {sites.more ? (
                  <p className="text-sm text-slate-700">The first {SITES_PER_VIEW} are shown: search to narrow them down.</p>
                ) : null}
              </>
            )
          ) : null}
        </div>
      )}
      {canManage ? (
        <ActionForm
          action={addSiteAction.bind(null, id, trial.id)}
          submitLabel="Add site"
          className="mt-4 border-t border-slate-200 pt-3"
          labels={{ country: "Country", facility: "Site" }}
        >
          <div className="grid gap-3 sm:grid-cols-4">
            <div>
              <label htmlFor="new-site-country" className="block text-sm font-medium">
                Country
              </label>
              <LimitedInput id="new-site-country" name="country" limit={TRIAL_TEXT_MAX.country} className={inputClass} required />
            </div>
            <div>
              <label htmlFor="new-site-facility" className="block text-sm font-medium">
                Site (empty: the country only)
              </label>
              <LimitedInput id="new-site-facility" name="facility" limit={TRIAL_TEXT_MAX.facility} className={inputClass} />
            </div>
            <div>
              <label htmlFor="new-site-city" className="block text-sm font-medium">
                City
              </label>
              <LimitedInput id="new-site-city" name="city" limit={TRIAL_TEXT_MAX.city} className={inputClass} />
            </div>
            <label className="block text-sm font-medium">
              Organization
              <OrganizationSelect organizations={organizations} emptyLabel="None" />
            </label>
          </div>
        </ActionForm>
      ) : null}
    </Card>
  );
}
