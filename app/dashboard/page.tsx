import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui";
import { LocalClock } from "@/components/LocalClock";
import { GROUP_ROLE_LABEL, GROUP_STATUS_LABEL, GROUP_STATUS_TONE } from "@/components/labels";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { dashboardFor } from "@/lib/dashboard/queries";
import { pageData } from "@/lib/page-data";
import { openVotesFor } from "@/lib/votes/queries";
import { latestUnread } from "@/lib/notifications";
import { peopleWaiting } from "@/lib/people/queries";
import { formatDateTime } from "@/lib/time";
import { WorkQueue } from "@/components/dashboard/WorkQueue";
import { hasWorkQueue, workQueueFor } from "@/lib/dashboard/work-queue";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { actor, session } = await requirePage("dashboard.view", "/dashboard");
  const [{ organization, myGroups, counts }, votes, notifications, people] = await Promise.all([
    pageData(dashboardFor(actor), "/dashboard"),
    pageData(openVotesFor(actor), "/dashboard"),
    pageData(latestUnread(actor), "/dashboard"),
    // For those who manage people: one statement counting what waits for them.
    peopleWaiting(actor),
  ]);
  // The secretariat's work queue (a chair's, for the groups they chair), above everything else.
  const chairsAnyGroup = myGroups.some((m) => m.role === "CHAIR");
  const now = new Date();
  const queue = hasWorkQueue(actor, chairsAnyGroup) ? await pageData(workQueueFor(actor, now), "/dashboard") : null;
  const zone = viewerTimeZone(session);
  const firstName = session.user.name?.split(" ")[0] ?? "there";
  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`} description="Your organization, your expert groups, and IRCI at a glance." />
      {queue ? <WorkQueue queue={queue} zone={zone} now={now} scope={actor.secretariat ? "all" : "chaired"} /> : null}
      <dl className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {counts.awaitingInterest !== null ? (
          <Stat label="Awaiting your organization's interest" value={counts.awaitingInterest} href="/proposals?mine=NONE" />
        ) : null}
        <Stat label="Proposals before the trial opens" value={counts.inProgress} href="/proposals" />
        <Stat label="Active expert groups" value={counts.activeGroups} href="/groups?status=ACTIVE" />
        <Stat label="Member organizations" value={counts.organizations} href="/organizations" />
        {counts.awaitingInterest === null ? <Stat label="People in the portal" value={counts.people} /> : null}
        {people ? (
          <>
            <Stat label="Access requests to decide" value={people.requests} href={people.href} />
            <Stat label="Open invitations" value={people.invitations} href={people.href} />
          </>
        ) : null}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Open votes">
          {votes.length === 0 ? (
            <EmptyState>No vote is open.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {votes.map((v) => (
                <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <Link href={`/proposals/${v.proposal.id}`} className="font-medium">
                      {v.proposal.title}
                    </Link>
                    <p className="text-sm text-slate-600">
                      Closes {formatDateTime(v.closesAt, zone)} · {v._count.ballots} of {counts.organizations} organizations have voted
                    </p>
                  </div>
                  {v.owed ? <Badge tone="amber">{organization?.shortName ?? "Your organization"} has not voted</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="For you">
          {notifications.length === 0 ? (
            <EmptyState>Nothing new.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {notifications.map((n) => (
                <li key={n.id} className="py-2">
                  {n.link ? (
                    <Link href={n.link} className="font-medium">
                      {n.title}
                    </Link>
                  ) : (
                    <p className="font-medium">{n.title}</p>
                  )}
                  <p className="text-sm text-slate-600">
                    {n.body} · {formatDateTime(n.createdAt, zone)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Your organization">
          {organization ? (
            <div className="space-y-2">
              <p>
                <Link href={`/organizations/${organization.slug}`} className="text-lg font-semibold">
                  {organization.name}
                </Link>{" "}
                <Badge tone="brand">{organization.shortName}</Badge>
              </p>
              <p className="text-slate-700">
                You are{" "}
                {session.user.orgRole === "REPRESENTATIVE"
                  ? "its representative: you record its interest and cast its vote."
                  : session.user.orgRole === "DEPUTY"
                    ? "a deputy representative: you record its interest and cast its vote for it."
                    : "a member."}
              </p>
              <p className="text-slate-700">
                Local time: <LocalClock timeZone={organization.timeZone} />
              </p>
              <p className="text-slate-700">
                {organization._count.memberships} people · representative
                {organization.memberships.length === 1 ? "" : "s"}:{" "}
                {organization.memberships.map((m) => m.user.name).join(", ") || "none named yet"}
              </p>
            </div>
          ) : (
            <p className="text-slate-700">
              You work for the IRCI Secretariat and belong to no member organization. You can see every organization and group.
            </p>
          )}
        </Card>
        <Card title="Your expert groups">
          {myGroups.length === 0 ? (
            <EmptyState>
              You are not in an expert group yet. <Link href="/groups">Browse the groups</Link>.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {myGroups.map(({ role, group }) => (
                <li key={group.slug} className="flex items-center justify-between gap-3 py-2">
                  <div>
                    <Link href={`/groups/${group.slug}`} className="font-medium">
                      {group.name}
                    </Link>
                    <p className="text-sm text-slate-600">{group._count.members} members</p>
                  </div>
                  <div className="flex gap-1">
                    {role === "CHAIR" ? <Badge tone="green">{GROUP_ROLE_LABEL[role]}</Badge> : null}
                    <Badge tone={GROUP_STATUS_TONE[group.status]}>{GROUP_STATUS_LABEL[group.status]}</Badge>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
