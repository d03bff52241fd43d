import Link from "next/link";
import { Card, EmptyState, PageHeader, Pagination, buttonClass } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { pageData } from "@/lib/page-data";
import { PageParam } from "@/lib/pagination";
import { PERSON_TEXT_MAX } from "@/lib/people/limits";
import { allPeople } from "@/lib/people/queries";
import { formatDateTime } from "@/lib/time";
import { InviteForm, ResendInvitationForm, RevokeInvitationForm } from "@/app/organizations/[slug]/people/forms";
import { PersonCard } from "@/app/organizations/[slug]/people/PersonCard";

export const metadata = { title: "People" };

type Search = { page?: string; q?: string; org?: string; status?: string };

/** Everyone in the portal, for the secretariat: find a person, change their standing, invite anyone anywhere. */
export default async function AdminPeoplePage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const page = PageParam.parse(search.page);
  const { actor, session } = await requirePage("people.view", "/admin/people");
  const { filter, people, organizations, invitations, requests } = await pageData(
    allPeople(actor, { q: search.q ?? "", org: search.org ?? "", status: search.status ?? "" }, page),
    "/admin/people",
  );
  const zone = viewerTimeZone(session);
  const query = (p: number) => {
    const params = new URLSearchParams({
      ...(filter.q && { q: filter.q }),
      ...(filter.org && { org: filter.org }),
      ...(filter.status && { status: filter.status }),
    });
    if (p > 1) params.set("page", String(p));
    const text = params.toString();
    return `/admin/people${text ? `?${text}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in the portal, across organizations. Each organization's representative and deputies manage its own people too."
      />
      <div className="space-y-6">
        {requests.length > 0 ? (
          <Card title="Access requests waiting">
            <ul className="space-y-1">
              {requests.map((o) => (
                <li key={o.id}>
                  <Link href={`/organizations/${o.slug}/people`}>
                    {o.shortName}: {o.pending} {o.pending === 1 ? "request" : "requests"}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title="Invite someone">
          <InviteForm organizations={organizations} canGrantSecretariat />
        </Card>
        {invitations.length > 0 ? (
          <Card title={`Open invitations to the secretariat only (${invitations.length})`}>
            <ul className="divide-y divide-slate-100">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3" aria-label={`Invitation to ${i.email}`}>
                  <div className="min-w-0">
                    <p className="font-medium break-all">{i.email}</p>
                    <p className="text-sm text-slate-600">
                      Invited by {i.invitedBy?.name ?? "someone no longer here"} · expires {formatDateTime(i.expiresAt, zone)}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <ResendInvitationForm email={i.email} role={i.role} organizationId={null} secretariat={i.secretariat} />
                    <RevokeInvitationForm invitationId={i.id} email={i.email} />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title={`Everyone (${people.total})`}>
          <form
            method="get"
            action="/admin/people"
            role="search"
            aria-label="Find people"
            className="mb-4 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
          >
            <div>
              <label htmlFor="people-q" className="block text-sm font-medium text-slate-800">
                Name or email
              </label>
              <input
                id="people-q"
                name="q"
                type="search"
                defaultValue={filter.q}
                maxLength={PERSON_TEXT_MAX.search}
                className={inputClass}
              />
            </div>
            <div>
              <label htmlFor="people-org" className="block text-sm font-medium text-slate-800">
                Organization
              </label>
              <select id="people-org" name="org" defaultValue={filter.org} className={inputClass}>
                <option value="">All</option>
                {organizations.map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.shortName}
                  </option>
                ))}
                <option value="none">None (secretariat only)</option>
              </select>
            </div>
            <div>
              <label htmlFor="people-status" className="block text-sm font-medium text-slate-800">
                Status
              </label>
              <select id="people-status" name="status" defaultValue={filter.status} className={inputClass}>
                <option value="">All</option>
                <option value="active">Active</option>
                <option value="deactivated">Deactivated</option>
              </select>
            </div>
            <button type="submit" className={buttonClass}>
              Find
            </button>
          </form>
          {people.items.length === 0 ? (
            <EmptyState>Nobody matches.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="People">
              {people.items.map((p) => (
                <PersonCard
                  key={p.id}
                  person={p}
                  role={p.membership?.role ?? null}
                  organization={p.membership?.organization.shortName}
                  zone={zone}
                  manage
                  secretariatControls
                />
              ))}
            </ul>
          )}
          <Pagination page={people.page} pageCount={people.pageCount} href={query} />
        </Card>
      </div>
    </>
  );
}
