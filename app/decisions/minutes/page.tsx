import Link from "next/link";
import { DecisionEntry, decidedOnLabel } from "@/components/decisions/DecisionEntry";
import { PrintButton } from "@/app/proposals/[id]/print/PrintButton";
import { actorOf, currentSession } from "@/lib/authz/session";
import { DECISION_KIND_LABEL } from "@/lib/decisions/labels";
import { decisionMinutes, readsWholeRegister } from "@/lib/decisions/queries";
import { filterQuery, filtersFrom } from "../filters";

export const metadata = { title: "Minutes of decisions" };

/** The register as minutes, for printing or saving as PDF: the same filters, oldest first, whole. */
export default async function MinutesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = actorOf(await currentSession());
  const members = readsWholeRegister(actor);
  const filters = filtersFrom(await searchParams);
  const { items, total, truncated } = await decisionMinutes(actor, filters);
  const ordered = [...items].reverse();
  const today = new Date().toISOString().slice(0, 10);
  const [first, last] = [ordered[0]?.decidedOn, ordered.at(-1)?.decidedOn];
  const span = first && last ? (first === last ? decidedOnLabel(first) : `${decidedOnLabel(first)} to ${decidedOnLabel(last)}`) : null;
  const said = [
    filters.kind ? DECISION_KIND_LABEL[filters.kind] : null,
    filters.group ? (items.find((d) => d.group?.slug === filters.group)?.group?.name ?? filters.group) : null,
    filters.year ? `in ${filters.year}` : null,
    filters.visibility ? (filters.visibility === "public" ? "public" : "members only") : null,
    filters.q ? `matching “${filters.q}”` : null,
  ].filter(Boolean);
  return (
    <article className="mx-auto max-w-3xl bg-white p-4 text-sm leading-relaxed text-slate-900 shadow sm:p-8 print:max-w-none print:p-0 print:shadow-none">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <p className="text-xs tracking-widest text-slate-600 uppercase">International Rare Cancer Initiative · minutes of {today}</p>
        <PrintButton />
      </div>
      <h1 className="mt-2 text-xl font-bold">Minutes of decisions</h1>
      <p className="mt-1">
        {total} {total === 1 ? "decision" : "decisions"}
        {said.length ? ` (${said.join(", ")})` : ""}
        {members ? "" : ", public decisions only"}
        {span ? `, ${span}` : ""}.
      </p>
      {truncated ? (
        <p className="mt-2 rounded bg-amber-50 p-2 text-amber-950">
          The {items.length} most recent are shown: narrow the filters for older decisions.
        </p>
      ) : null}
      <p className="mt-1 print:hidden">
        <Link href={`/decisions${filterQuery(filters)}`}>← Back to the register</Link>
      </p>
      <ol className="mt-6 space-y-6">
        {ordered.map((d, i) => (
          <li key={d.id} className="border-t border-slate-200 pt-4">
            <p className="text-xs text-slate-600">Item {i + 1}</p>
            <DecisionEntry d={d} members={members} heading="h2" links={false} />
          </li>
        ))}
      </ol>
    </article>
  );
}
