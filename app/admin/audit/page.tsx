import { Card, EmptyState, PageHeader, Pagination, TableHead } from "@/components/ui";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { listAuditEvents } from "@/lib/audit/queries";
import { pageData } from "@/lib/page-data";
import { PageParam } from "@/lib/pagination";
import { formatDateTime } from "@/lib/time";
import { auditActionLabel } from "@/components/audit-labels";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = PageParam.parse((await searchParams).page);
  const { actor, session } = await requirePage("audit.view", "/admin/audit");
  const events = await pageData(listAuditEvents(actor, page), "/admin/audit");
  const zone = viewerTimeZone(session);
  return (
    <>
      <PageHeader title="Audit log" description="Every change of state in the portal: who, what, when and why. Secretariat only." />
      <Card>
        {events.items.length === 0 ? (
          <EmptyState>Nothing has happened yet.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit events, newest first</caption>
              <TableHead columns={["When", "Who", "What", "Why"]} />
              <tbody className="divide-y divide-slate-100">
                {events.items.map((event) => (
                  <tr key={event.id}>
                    <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(event.at, zone)}</td>
                    <td className="py-2 pr-4">{event.actor?.name ?? event.actor?.email ?? "System"}</td>
                    <td className="py-2 pr-4">{auditActionLabel(event.action)}</td>
                    <td className="py-2 text-slate-700">{event.reason ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={events.page} pageCount={events.pageCount} href={(p) => `/admin/audit?page=${p}`} />
      </Card>
    </>
  );
}
