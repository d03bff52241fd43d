import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { Incidence } from "@/components/Incidence";
import { GROUP_STATUS_LABEL, GROUP_STATUS_TONE } from "@/components/labels";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { getGroup, STATUS_HISTORY_SHOWN } from "@/lib/groups/queries";
import { membersByOrganization } from "@/lib/groups/grouping";
import { pageData } from "@/lib/page-data";
import { candidatesFor } from "@/lib/groups/mutations";
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { ManageMembers } from "./ManageMembers";
import { Discussion } from "@/components/discussion/Discussion";
import { listComments } from "@/lib/discussion";
import { groupActivity } from "@/lib/activity/queries";
import { ActivityFeed } from "@/components/ActivityFeed";
import { formatDateTime } from "@/lib/time";
import { GroupStatusForm } from "./GroupStatusForm";
import { IncidenceForm } from "./IncidenceForm";

export default async function GroupPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/groups/${slug}`;
  const { actor, session } = await requirePage("group.view", path);
  const group = await pageData(getGroup(actor, slug), path);
  const chairs = group.members.filter((m) => m.role === "CHAIR");
  const byOrg = membersByOrganization(group.members);
  const canManage = group.canManage;
  const [candidates, comments, activity] = await Promise.all([
    canManage ? candidatesFor(actor, group.id) : Promise.resolve([]),
    listComments(actor, "group", group.id),
    groupActivity(actor, slug),
  ]);
  const zone = viewerTimeZone(session);
  const lastChange = group.statusHistory[0];
  const orgOf = (u: { membership: { organization: { shortName: string } } | null }) =>
    u.membership?.organization.shortName ?? "Secretariat";
  return (
    <>
      <PageHeader
        title={group.name}
        description={group.description ?? `Convened around ${group.cancer.toLowerCase()}.`}
        actions={
          <div className="flex gap-4">
            <Link href={`/groups/${slug}/meeting`}>Plan a meeting</Link>
            <Link href="/groups">All expert groups</Link>
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="About" className="lg:col-span-1">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-600">Rare cancer</dt>
              <dd className="font-medium">{group.cancer}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Incidence</dt>
              <dd>
                <Incidence value={group.incidencePer100k} isDemo={group.incidenceIsDemo} />
              </dd>
              {group.incidenceSource ? <dd className="mt-1 text-slate-600">Source: {group.incidenceSource}</dd> : null}
            </div>
            <div>
              <dt className="text-slate-600">Status</dt>
              <dd>
                <Badge tone={GROUP_STATUS_TONE[group.status]}>{GROUP_STATUS_LABEL[group.status]}</Badge>
              </dd>
              <dd className="mt-1 text-slate-600">
                {lastChange ? (
                  <>
                    Since {formatDateTime(lastChange.at, zone)}
                    {lastChange.reason ? <>: “{lastChange.reason}”</> : null}
                  </>
                ) : (
                  <>Unchanged since the group was added to the portal ({formatDateTime(group.createdAt, zone)})</>
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Chairs</dt>
              <dd>{chairs.length === 0 ? "None named yet" : chairs.map((c) => c.user.name).join(", ")}</dd>
            </div>
          </dl>
        </Card>
        <Card title={`Members by organization (${group.members.length})`} className="lg:col-span-2">
          {byOrg.length === 0 ? (
            <EmptyState>No members yet.</EmptyState>
          ) : (
            <div className="space-y-4">
              {byOrg.map(([org, members]) => (
                <section key={org} aria-label={org}>
                  <h3 className="text-sm font-semibold tracking-wide text-slate-600">{org}</h3>
                  <ul className="mt-1 divide-y divide-slate-100">
                    {members.map((m) => (
                      <li key={m.user.id} className="flex items-center justify-between py-1.5">
                        <span>{m.user.name}</span>
                        {m.role === "CHAIR" ? <Badge tone="green">Chair</Badge> : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </Card>
        <Card title="Status history" className="lg:col-span-1">
          {group.statusHistory.length === 0 ? (
            <EmptyState>No change of status yet.</EmptyState>
          ) : (
            <ol className="space-y-3 text-sm" aria-label="Changes of status, newest first">
              {group.statusHistory.map((e) => (
                <li key={e.id} className="border-l-2 border-brand-100 pl-3">
                  <p className="font-medium">
                    {e.from && e.to ? `${GROUP_STATUS_LABEL[e.from]} → ${GROUP_STATUS_LABEL[e.to]}` : "Status changed"}
                  </p>
                  <p className="text-slate-600">
                    {e.actor?.name ?? "System"} · {formatDateTime(e.at, zone)}
                  </p>
                  {e.reason ? <p className="text-slate-700">“{e.reason}”</p> : null}
                </li>
              ))}
            </ol>
          )}
          {group.statusHistory.length === STATUS_HISTORY_SHOWN ? (
            <p className="mt-2 text-sm text-slate-600">The latest {STATUS_HISTORY_SHOWN} changes; the audit log keeps every one.</p>
          ) : null}
        </Card>
        <Card title={`Proposals (${group._count.proposals})`} className="lg:col-span-2">
          {group.proposals.length === 0 ? (
            <EmptyState>
              No proposals yet. <Link href="/proposals/new">Start one</Link>.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {group.proposals.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-3 py-2">
                  <Link href={`/proposals/${p.id}`}>{p.title}</Link>
                  <StatusBadge status={p.status} />
                </li>
              ))}
            </ul>
          )}
          {group._count.proposals > group.proposals.length ? (
            <p className="mt-2 text-sm">
              <Link href={`/proposals?group=${group.slug}`}>All {group._count.proposals} proposals</Link>
            </p>
          ) : null}
        </Card>
        <div className="lg:col-span-2">
          <Discussion type="group" threadId={group.id} comments={comments} zone={zone} />
        </div>
        <ActivityFeed events={activity.events} titles={activity.titles} organizations={activity.organizations} zone={zone} />
        {group.canChangeStatus || group.canCorrectIncidence ? (
          <Card title="Status and incidence" className="lg:col-span-3">
            <div className="grid gap-6 md:grid-cols-2">
              {group.canChangeStatus ? (
                <section aria-label="Change the status">
                  <h3 className="mb-2 text-sm font-semibold text-slate-800">Change the status (for IRCI&apos;s Board)</h3>
                  <GroupStatusForm groupId={group.id} slug={group.slug} current={group.status} />
                </section>
              ) : null}
              {group.canCorrectIncidence ? (
                <section aria-label="Correct the incidence">
                  <h3 className="mb-2 text-sm font-semibold text-slate-800">Correct the incidence</h3>
                  <IncidenceForm
                    groupId={group.id}
                    slug={group.slug}
                    incidence={group.incidencePer100k === null ? "" : Number(group.incidencePer100k.toString()).toString()}
                    source={group.incidenceIsDemo ? "" : (group.incidenceSource ?? "")}
                  />
                </section>
              ) : null}
            </div>
          </Card>
        ) : null}
        {canManage ? (
          <Card title="Manage members" className="lg:col-span-3">
            <ManageMembers
              groupId={group.id}
              slug={group.slug}
              members={group.members.map((m) => ({ role: m.role, person: { id: m.user.id, name: m.user.name, org: orgOf(m.user) } }))}
              candidates={candidates.map((c) => ({ id: c.id, name: c.name, org: orgOf(c) }))}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
