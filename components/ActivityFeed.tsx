import Link from "next/link";
import { Card, EmptyState } from "@/components/ui";
import { describeEvent } from "@/lib/proposals/timeline";
import { formatDateTime } from "@/lib/time";

interface Event {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  organizationId: string | null;
  data: unknown;
  actor: { name: string | null } | null;
}

/** Recent activity, newest first, each line linked to where it happened. */
export function ActivityFeed({
  events,
  titles,
  organizations,
  zone,
}: {
  events: Event[];
  titles: Map<string, string>;
  organizations: { id: string; shortName: string }[];
  zone: string;
}) {
  return (
    <Card title="Recent activity">
      {events.length === 0 ? (
        <EmptyState>Nothing has happened yet.</EmptyState>
      ) : (
        <ol className="space-y-2 text-sm">
          {events.map((e) => {
            const title = e.entityType === "proposal" && e.entityId ? titles.get(e.entityId) : undefined;
            return (
              <li key={e.id} className="border-l-2 border-brand-100 pl-3">
                <p>
                  {describeEvent(e, organizations)}
                  {title ? (
                    <>
                      {" · "}
                      <Link href={`/proposals/${e.entityId}`}>{title}</Link>
                    </>
                  ) : null}
                </p>
                <p className="text-slate-600">
                  {e.actor?.name ?? "System"} · {formatDateTime(e.at, zone)}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
