import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui";
import { LocalClock } from "@/components/LocalClock";
import { requirePage } from "@/lib/authz/session";
import { can } from "@/lib/authz/policy";
import { countryChoices } from "@/lib/trials/countries";
import { workingWeek } from "@/lib/meetings/planner";
import { AddOrganizationForm } from "./AddOrganizationForm";
import { listOrganizations } from "@/lib/organizations/queries";
import { pageData } from "@/lib/page-data";
import { countryName } from "@/lib/time";

export const metadata = { title: "Organizations" };

export default async function OrganizationsPage() {
  const { actor } = await requirePage("organization.list", "/organizations");
  const orgs = await pageData(listOrganizations(actor), "/organizations");
  return (
    <>
      <PageHeader
        title="Member organizations"
        description={`IRCI's ${orgs.length} members, their people, and the time it is in each office right now.`}
      />
      <ul className="grid gap-4 md:grid-cols-2">
        {orgs.map((org) => (
          <li key={org.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex items-start justify-between gap-3">
              <div>
                <h2 className="text-lg font-semibold">
                  <Link href={`/organizations/${org.slug}`}>{org.shortName}</Link>
                </h2>
                <p className="text-slate-700">{org.name}</p>
              </div>
              {org.founding ? <Badge tone="brand">Founding member</Badge> : null}
            </div>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">Country</dt>
              <dd>{countryName(org.country)}</dd>
              <dt className="text-slate-600">Local time</dt>
              <dd>
                <LocalClock timeZone={org.timeZone} /> <span className="text-slate-600">({org.timeZone})</span>
              </dd>
              <dt className="text-slate-600">Working week</dt>
              <dd>{workingWeek(org.workingDays)}</dd>
              <dt className="text-slate-600">People</dt>
              <dd>{org._count.memberships}</dd>
              <dt className="text-slate-600">Representative</dt>
              <dd>{org.memberships.map((m) => m.user.name).join(", ") || "None named yet"}</dd>
            </dl>
          </li>
        ))}
      </ul>
      {can(actor, "organization.add") ? (
        <Card title="Add a member organization" className="mt-8">
          <p className="mb-4 text-sm text-slate-700">
            It takes part at once: a column in every interest matrix, a ballot in every vote (the usual quorum is a majority of the
            members), an office in the meeting planner and a column in the exports. Recorded in the audit log.
          </p>
          <AddOrganizationForm countries={countryChoices()} timeZones={Intl.supportedValuesOf("timeZone")} />
        </Card>
      ) : null}
    </>
  );
}
