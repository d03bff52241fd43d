import Link from "next/link";
import { Card, PageHeader, buttonClass } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { getRevisions, listRevisions } from "@/lib/proposals/queries";
import { diffRevisions, type Segment } from "@/lib/proposals/diff";
import { pageData } from "@/lib/page-data";
import { PageParam } from "@/lib/pagination";
import { formatDateTime } from "@/lib/time";

export const metadata = { title: "Revisions" };

const LABELS: Record<string, string> = {
  title: "Title",
  population: "Population",
  intervention: "Intervention",
  comparator: "Comparator",
  primaryOutcome: "Primary outcome",
  rationale: "Rationale",
  phase: "Phase",
  randomised: "Randomised",
  sampleSize: "Planned sample size",
  plannedAccrualMonths: "Planned accrual period (months)",
  primaryEndpoint: "Primary endpoint",
  noOtherForum: "Why no other forum fits",
};

function Marked({ segments }: { segments: Segment[] }) {
  return (
    <p className="text-sm break-words whitespace-pre-wrap">
      {segments.map((s, i) =>
        s.kind === "removed" ? (
          <del key={i} className="bg-rose-100 text-rose-900">
            {s.text}
          </del>
        ) : s.kind === "added" ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
            {s.text}
          </ins>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

export default async function RevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const path = `/proposals/${id}/revisions`;
  const { actor, session } = await requirePage("proposal.view", path);
  const { proposal, revisions } = await pageData(listRevisions(actor, id), path);
  const zone = viewerTimeZone(session);
  const newest = revisions[0]?.number ?? 1;
  const a = query.a ? PageParam.parse(query.a) : Math.max(1, newest - 1);
  const b = query.b ? PageParam.parse(query.b) : newest;
  const [older, newer] = await pageData(getRevisions(actor, id, [Math.min(a, b), Math.max(a, b)]), path);
  const diff = diffRevisions(older!.content as Record<string, unknown>, newer!.content as Record<string, unknown>);
  const changed = diff.filter((d) => d.changed);

  return (
    <>
      <PageHeader title="Revisions" description={<Link href={`/proposals/${id}`}>{proposal.title}</Link>} />
      <div className="grid gap-6 lg:grid-cols-4">
        <Card title="All revisions" className="lg:col-span-1">
          <ol className="space-y-2 text-sm">
            {revisions.map((r) => (
              <li key={r.number}>
                <Link href={`${path}?a=${r.number}&b=${r.number}`}>Revision {r.number}</Link>
                {r.number > 1 ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link href={`${path}?a=${r.number - 1}&b=${r.number}`} aria-label={`Changes in revision ${r.number}`}>
                      changes
                    </Link>
                  </>
                ) : null}
                <p className="text-slate-600">
                  {r.author?.name ?? "System"} · {formatDateTime(r.createdAt, zone)}
                </p>
              </li>
            ))}
          </ol>
        </Card>
        <div className="space-y-4 lg:col-span-3">
          <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div>
              <label htmlFor="a" className="block text-sm font-medium">
                Compare revision
              </label>
              <select id="a" name="a" defaultValue={String(older!.number)} className={inputClass}>
                {revisions.map((r) => (
                  <option key={r.number} value={r.number}>
                    {r.number}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="b" className="block text-sm font-medium">
                with revision
              </label>
              <select id="b" name="b" defaultValue={String(newer!.number)} className={inputClass}>
                {revisions.map((r) => (
                  <option key={r.number} value={r.number}>
                    {r.number}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass}>
              Compare
            </button>
          </form>
          <Card
            title={
              older!.number === newer!.number ? `Revision ${newer!.number}` : `Revision ${older!.number} and revision ${newer!.number}`
            }
          >
            {older!.number !== newer!.number && changed.length === 0 ? (
              <p className="text-sm">The two revisions have the same text.</p>
            ) : null}
            <table className="w-full table-fixed text-left">
              <caption className="sr-only">
                Field by field, removed words struck through on the left, added words highlighted on the right
              </caption>
              <thead className="text-sm text-slate-600">
                <tr>
                  <th scope="col" className="w-40 py-2 font-medium">
                    Field
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Revision {older!.number}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Revision {newer!.number}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {(older!.number === newer!.number ? diff : changed).map((d) => (
                  <tr key={d.field}>
                    <th scope="row" className="py-2 pr-3 text-sm font-medium">
                      {LABELS[d.field]}
                    </th>
                    <td className="py-2 pr-3">
                      <Marked segments={d.before} />
                    </td>
                    <td className="py-2">
                      <Marked segments={d.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </div>
      </div>
    </>
  );
}
