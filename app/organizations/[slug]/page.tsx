import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader, Pagination, TableHead } from "@/components/ui";
import { LocalClock } from "@/components/LocalClock";
import { GROUP_ROLE_LABEL, ORG_ROLE_LABEL } from "@/components/labels";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { can } from "@/lib/authz/policy";
import { allowed } from "@/lib/authz/rules";
import { getOrganization } from "@/lib/organizations/queries";
import { pageData } from "@/lib/page-data";
import { PageParam } from "@/lib/pagination";
import { countryName } from "@/lib/time";
import { organizationActivity } from "@/lib/activity/queries";
import { ActivityFeed } from "@/components/ActivityFeed";

export default async function OrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { slug } = await params;
  const page = PageParam.parse((await searchParams).page);
  const path = `/organizations/${slug}`;
  const { actor, session } = await requirePage("organization.view", path);
  const [{ org, members }, activity] = await Promise.all([
    pageData(getOrganization(actor, slug, page), path),
    pageData(organizationActivity(actor, slug), path),
  ]);
  const zone = viewerTimeZone(session);
  return (
    <>
      <PageHeader
        title={org.name}
        description={
          <>
            {org.shortName} · {countryName(org.country)} · <LocalClock timeZone={org.timeZone} />
          </>
        }
        actions={
          <span className="flex flex-wrap gap-x-4 gap-y-1">
            {allowed(actor, "people.manage", { organizationId: org.id }) ? (
              <Link href={`/organizations/${org.slug}/people`}>Manage {org.shortName}&apos;s people</Link>
            ) : null}
            {can(actor, "sso.configure") ? <Link href={`${path}/sign-in`}>Sign-in settings</Link> : null}
            <Link href="/organizations">All organizations</Link>
          </span>
        }
      />
      <Card title={`People (${members.total})`}>
        {members.items.length === 0 ? (
          <EmptyState>No one from {org.shortName} uses the portal yet.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">People of {org.shortName}</caption>
              <TableHead columns={["Name", "Role", "Expert groups"]} />
              <tbody className="divide-y divide-slate-100">
                {members.items.map(({ role, user }) => (
                  <tr key={user.id}>
                    <td className="py-2 pr-4">
                      <p className="font-medium">{user.name}</p>
                      <p className="text-slate-600">{user.email}</p>
                    </td>
                    <td className="py-2 pr-4">
                      <Badge tone={role === "MEMBER" ? "neutral" : "brand"}>{ORG_ROLE_LABEL[role]}</Badge>
                    </td>
                    <td className="py-2">
                      {user.groupRoles.length === 0 ? (
                        <span className="text-slate-500">None</span>
                      ) : (
                        <ul className="space-y-0.5">
                          {user.groupRoles.map((g) => (
                            <li key={g.group.slug}>
                              <Link href={`/groups/${g.group.slug}`}>{g.group.name}</Link>
                              {g.role === "CHAIR" ? (
                                <span className="text-slate-600"> ({GROUP_ROLE_LABEL.CHAIR.toLowerCase()})</span>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={members.page} pageCount={members.pageCount} href={(p) => `${path}?page=${p}`} />
      </Card>
      <div className="mt-6">
        <ActivityFeed events={activity.events} titles={activity.titles} organizations={activity.organizations} zone={zone} />
      </div>
    </>
  );
}
