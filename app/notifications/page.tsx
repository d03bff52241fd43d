import Link from "next/link";
import { ActionForm } from "@/components/ActionForm";
import { Badge, Card, EmptyState, PageHeader, Pagination, secondaryButtonClass } from "@/components/ui";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { listNotifications } from "@/lib/notifications";
import { pageData } from "@/lib/page-data";
import { PageParam } from "@/lib/pagination";
import { formatDateTime } from "@/lib/time";
import { markAllReadAction, markReadAction } from "./actions";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = PageParam.parse((await searchParams).page);
  const { actor, session } = await requirePage("dashboard.view", "/notifications");
  const items = await pageData(listNotifications(actor, page), "/notifications");
  const zone = viewerTimeZone(session);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Mentions, replies, comments and changes on proposals you write or follow, votes, and requests for your organization's interest."
        actions={
          <div className="flex flex-wrap items-start gap-3">
            <Link href="/notifications/settings" className={secondaryButtonClass}>
              Email settings
            </Link>
            <ActionForm action={markAllReadAction} submitLabel="Mark all read" tone="quiet">
              <span />
            </ActionForm>
          </div>
        }
      />
      <Card>
        {items.items.length === 0 ? (
          <EmptyState>Nothing yet.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.items.map((n) => (
              <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {n.readAt ? null : <Badge tone="brand">New</Badge>} {n.link ? <Link href={n.link}>{n.title}</Link> : n.title}
                  </p>
                  {n.body ? <p className="text-sm text-slate-700">{n.body}</p> : null}
                  <p className="text-sm text-slate-600">{formatDateTime(n.createdAt, zone)}</p>
                </div>
                {n.readAt ? null : (
                  <ActionForm action={markReadAction.bind(null, n.id)} submitLabel="Mark read" tone="quiet">
                    <span className="sr-only">{n.title}</span>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
        <Pagination page={items.page} pageCount={items.pageCount} href={(p) => `/notifications?page=${p}`} />
      </Card>
    </>
  );
}
