import Link from "next/link";
import { ActionForm } from "@/components/ActionForm";
import { Card, PageHeader } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";
import { requirePage } from "@/lib/authz/session";
import { pageData } from "@/lib/page-data";
import { countryLabel } from "@/lib/time";
import { getTrialEntry } from "@/lib/trials/queries";
import { correctSiteAction, removeSiteAction } from "../../actions";
import { OrganizationSelect, ReasonField } from "../../fields";

// One site of a trial, for those who keep the record: correct its name, city, country or organization, or remove it.
export const metadata = { title: "Correct a site" };

export default async function TrialSitePage({ params }: { params: Promise<{ id: string; siteId: string }> }) {
  const { id, siteId } = await params;
  const path = `/proposals/${id}/trial/sites/${siteId}`;
  const { actor } = await requirePage("proposal.view", path);
  const { trialId, title, site, organizations } = await pageData(getTrialEntry(actor, id, "site", siteId), path);
  const s = site!;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title={`Correct a site: ${s.facility || countryLabel(s.country)}`}
        description={<Link href={`/proposals/${id}/trial`}>{title}</Link>}
      />
      <Card title="Correct it">
        <p className="mb-3 text-sm text-slate-700">The audit log keeps what it said before, and why it changed.</p>
        <ActionForm
          action={correctSiteAction.bind(null, id, trialId, s.id)}
          submitLabel="Save the correction"
          clearOnSuccess={false}
          labels={{ country: "Country", facility: "Site", city: "City", organizationId: "Organization", reason: "Why" }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="site-country" className="block text-sm font-medium">
                Country
              </label>
              <LimitedInput
                id="site-country"
                name="country"
                limit={TRIAL_TEXT_MAX.country}
                defaultValue={countryLabel(s.country)}
                className={inputClass}
                required
              />
            </div>
            <div>
              <label htmlFor="site-facility" className="block text-sm font-medium">
                Site (empty: the country only)
              </label>
              <LimitedInput
                id="site-facility"
                name="facility"
                limit={TRIAL_TEXT_MAX.facility}
                defaultValue={s.facility}
                className={inputClass}
              />
            </div>
            <div>
              <label htmlFor="site-city" className="block text-sm font-medium">
                City
              </label>
              <LimitedInput id="site-city" name="city" limit={TRIAL_TEXT_MAX.city} defaultValue={s.city ?? ""} className={inputClass} />
            </div>
            <label className="block text-sm font-medium">
              Organization
              <OrganizationSelect organizations={organizations} defaultValue={s.organizationId ?? ""} emptyLabel="None" />
            </label>
            <div className="sm:col-span-2">
              <ReasonField id="site-correct-reason" placeholder="Wrong city" />
            </div>
          </div>
        </ActionForm>
      </Card>
      <Card title="Remove it">
        <p className="mb-3 text-sm text-slate-700">
          For a site listed in error, or one that never opened. The audit log keeps it, and why.
        </p>
        <ActionForm
          action={removeSiteAction.bind(null, id, trialId, s.id)}
          submitLabel="Remove this site"
          tone="danger"
          labels={{ reason: "Why" }}
        >
          <ReasonField id="site-remove-reason" placeholder="Never opened" />
        </ActionForm>
      </Card>
    </div>
  );
}
