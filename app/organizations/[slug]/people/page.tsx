import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { ORG_ROLE_LABEL } from "@/components/labels";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { pageData } from "@/lib/page-data";
import { PageParam } from "@/lib/pagination";
import { INVITATION_LIFETIME_DAYS } from "@/lib/people/invitations";
import { organizationPeople } from "@/lib/people/queries";
import { formatDateTime } from "@/lib/time";
import { DecideRequestForms, InviteForm, ResendInvitationForm, RevokeInvitationForm } from "./forms";
import { PersonCard } from "./PersonCard";

export const metadata = { title: "People" };

/** An organization's people, for its representative, its deputies and the secretariat: who is in, who is invited, who asks. */
export default async function OrganizationPeoplePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { slug } = await params;
  const page = PageParam.parse((await searchParams).page);
  const path = `/organizations/${slug}/people`;
  const { actor, session } = await requirePage("people.manage", path);
  const { org, members, invitations, requests } = await pageData(organizationPeople(actor, slug, page), path);
  const zone = viewerTimeZone(session);
  return (
    <>
      <PageHeader
        title={`People of ${org.shortName}`}
        description={`${org.name}: invite colleagues, set who acts for ${org.shortName}, deactivate those who have left, and decide who asks to join.`}
        actions={<Link href={`/organizations/${org.slug}`}>{org.shortName}&apos;s page</Link>}
      />
      <div className="space-y-6">
        {requests.length > 0 ? (
          <Card title={`Access requests (${requests.length})`}>
            <p className="mb-3 text-sm text-slate-600">
              These people signed in with {org.shortName}&apos;s sign-in but are not in the portal yet. Approving makes them members.
            </p>
            <ul className="divide-y divide-slate-100">
              {requests.map((r) => (
                <li key={r.id} className="space-y-2 py-3" aria-label={r.email}>
                  <p>
                    <span className="font-medium">{r.name ?? r.email}</span> <span className="break-all text-slate-600">{r.email}</span>
                  </p>
                  <p className="text-sm text-slate-600">Asked {formatDateTime(r.createdAt, zone)}</p>
                  <DecideRequestForms requestId={r.id} email={r.email} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title="Invite someone">
          <InviteForm organizationId={org.id} canGrantSecretariat={actor.secretariat} />
        </Card>
        <Card title={`Open invitations (${invitations.length})`}>
          {invitations.length === 0 ? (
            <EmptyState>No invitation is waiting. Each link works for {INVITATION_LIFETIME_DAYS} days.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3" aria-label={`Invitation to ${i.email}`}>
                  <div className="min-w-0">
                    <p className="font-medium break-all">{i.email}</p>
                    <p className="text-sm text-slate-600">
                      <Badge tone={i.role === "MEMBER" ? "neutral" : "brand"}>{ORG_ROLE_LABEL[i.role]}</Badge> · invited by{" "}
                      {i.invitedBy?.name ?? "someone no longer here"} · expires {formatDateTime(i.expiresAt, zone)}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <ResendInvitationForm email={i.email} role={i.role} organizationId={org.id} secretariat={i.secretariat} />
                    <RevokeInvitationForm invitationId={i.id} email={i.email} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={`People (${members.total})`}>
          {members.items.length === 0 ? (
            <EmptyState>No one from {org.shortName} uses the portal yet: invite them above.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label={`People of ${org.shortName}`}>
              {members.items.map(({ role, user }) => (
                <PersonCard key={user.id} person={user} role={role} zone={zone} manage />
              ))}
            </ul>
          )}
          <Pagination page={members.page} pageCount={members.pageCount} href={(p) => `${path}?page=${p}`} />
        </Card>
      </div>
    </>
  );
}
