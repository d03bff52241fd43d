// The organizations taking part, and the countries and sites where the trial runs.
import { ActionForm } from "@/components/ActionForm";
import { inputClass } from "@/components/ui/form";
import { countryLabel } from "@/lib/time";
import { Card, EmptyState } from "@/components/ui";
import { addSiteAction } from "./actions";
import type { TrialCardProps } from "./card-props";

export function SitesCard({ proposal, trial, id, canManage, organizations }: TrialCardProps) {
  const byCountry = new Map<string, typeof trial.sites>();
  for (const s of trial.sites) byCountry.set(s.country, [...(byCountry.get(s.country) ?? []), s]);
  return (
    <Card title="Countries and sites">
      <p className="mb-3 text-sm text-slate-700">
        Organizations taking part:{" "}
        {proposal.interests.length
          ? proposal.interests.map((i) => `${i.organization.shortName}${i.level === "LEAD" ? " (lead)" : ""}`).join(", ")
          : "none recorded"}
      </p>
      {byCountry.size === 0 ? (
        <EmptyState>No countries or sites yet.</EmptyState>
      ) : (
        <ul className="space-y-2 text-sm">
          {[...byCountry.entries()].map(([c, sites]) => {
            const named = sites.filter((s) => s.facility);
            return (
              <li key={c}>
                <p className="font-medium">{countryLabel(c)}</p>
                {named.length ? (
                  <p className="text-slate-700">
                    {named
                      .map((s) => `${s.facility}${s.city ? `, ${s.city}` : ""}${s.organization ? ` (${s.organization.shortName})` : ""}`)
                      .join("; ")}
                  </p>
                ) : (
                  <p className="text-slate-600">Sites not listed</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canManage ? (
        <ActionForm
          action={addSiteAction.bind(null, id, trial.id)}
          submitLabel="Add site"
          className="mt-4 border-t border-slate-200 pt-3"
          labels={{ country: "Country", facility: "Site" }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="block text-sm font-medium">
              Country
              <input name="country" className={inputClass} required />
            </label>
            <label className="block text-sm font-medium">
              Site (empty: the country only)
              <input name="facility" className={inputClass} />
            </label>
            <label className="block text-sm font-medium">
              City
              <input name="city" className={inputClass} />
            </label>
            <label className="block text-sm font-medium">
              Organization
              <select name="organizationId" defaultValue="" className={inputClass}>
                <option value="">None</option>
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.shortName}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </ActionForm>
      ) : null}
    </Card>
  );
}
