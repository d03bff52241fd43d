import Link from "next/link";
import { PageHeader } from "@/components/ui";
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { requirePage } from "@/lib/authz/session";
import { PIPELINE_COLUMN_LIMIT, pipeline } from "@/lib/proposals/queries";
import { PROPOSAL_STATUSES, STATUS_LABEL } from "@/lib/proposals/workflow";
import { pageData } from "@/lib/page-data";

export const metadata = { title: "Pipeline" };

export default async function PipelinePage() {
  const { actor } = await requirePage("pipeline.view", "/pipeline");
  const { counts, rows } = await pageData(pipeline(actor), "/pipeline");
  return (
    <>
      <PageHeader title="Pipeline" description="Every proposal by stage, newest activity first. Secretariat only." />
      <div className="flex gap-4 overflow-x-auto pb-4" role="list" aria-label="Stages">
        {PROPOSAL_STATUSES.map((status) => {
          const items = rows.filter((r) => r.status === status);
          const total = counts.get(status) ?? 0;
          return (
            <section
              key={status}
              role="listitem"
              aria-label={`${STATUS_LABEL[status]}: ${total}`}
              className="w-64 flex-none rounded-lg bg-slate-100 p-3"
            >
              <h2 className="mb-2 flex items-center justify-between text-sm font-semibold">
                <StatusBadge status={status} />
                <span className="text-slate-600">{total}</span>
              </h2>
              <ul className="space-y-2">
                {items.map((r) => (
                  <li key={r.id} className="rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm">
                    <Link href={`/proposals/${r.id}`} className="font-medium">
                      {r.title}
                    </Link>
                    <p className="text-slate-600">
                      {r.group.replace(/ expert group$/, "")}
                      {r.lead ? ` · ${r.lead}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
              {total > PIPELINE_COLUMN_LIMIT ? (
                <p className="mt-2 text-sm">
                  <Link href={`/proposals?status=${status}`}>All {total}</Link>
                </p>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}
