import Link from "next/link";
import { Card, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { DecisionEntry } from "@/components/decisions/DecisionEntry";
import { actorOf, currentSession } from "@/lib/authz/session";
import { PageParam } from "@/lib/pagination";
import { listDecisions, readsWholeRegister, recordingChoices, registerFilterChoices } from "@/lib/decisions/queries";
import { DecisionFilterForm } from "./DecisionFilterForm";
import { filterQuery, filtersFrom } from "./filters";
import { RecordDecisionForm } from "./RecordDecisionForm";

export const metadata = {
  title: "Decision register",
  description: "IRCI's decisions: groups convened, proposals approved or rejected, design changes, trials closed early",
};

/**
 * Open to everyone: members of IRCI read every decision, visitors the public ones. The chairs and
 * the secretariat also get the form to record one. The data functions decide who reads what.
 */
export default async function DecisionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = actorOf(await currentSession());
  const members = readsWholeRegister(actor);
  const filters = filtersFrom(params);
  const page = PageParam.parse(Array.isArray(params.page) ? params.page[0] : params.page);
  const [{ items, total, page: current, pageCount }, choices, recording] = await Promise.all([
    listDecisions(actor, filters, page),
    registerFilterChoices(actor),
    recordingChoices(actor),
  ]);
  const filtered = Object.values(filters).some(Boolean);
  const query = filterQuery(filters);
  return (
    <>
      <PageHeader
        title="Decision register"
        description={
          members
            ? "Every consequential decision: what was decided, the options, the rationale, and the vote with its dissent."
            : "IRCI's public decisions: expert groups convened and trials closed, with the reasons. Members of IRCI sign in to see every decision."
        }
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            {recording.length > 0 ? <a href="#record">Record a decision</a> : null}
            <Link href={`/decisions/minutes${query}`}>Minutes (printable)</Link>
            <a href={`/decisions/csv${query}`} download>
              Download CSV
            </a>
          </div>
        }
      />
      <DecisionFilterForm filters={filters} groups={choices.groups} years={choices.years} members={members} />
      <p className="mb-4 text-sm text-slate-600" role="status">
        {total} {total === 1 ? "decision" : "decisions"}
        {pageCount > 1 ? `, page ${current} of ${pageCount}` : ""}
      </p>
      {items.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <>
              No decision matches these filters. <Link href="/decisions">See every decision</Link>.
            </>
          ) : (
            "No decisions recorded yet."
          )}
        </EmptyState>
      ) : (
        <ol className="space-y-4" aria-label="Decisions">
          {items.map((d) => (
            <li key={d.id}>
              <Card>
                <DecisionEntry d={d} members={members} />
              </Card>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={current} pageCount={pageCount} href={(p) => `/decisions${filterQuery(filters, p)}`} />
      {recording.length > 0 ? (
        <div id="record" className="mt-8 scroll-mt-4">
          <Card title="Record a decision">
            <p className="mb-3 text-sm text-slate-600">
              For a group you chair, or any group as the secretariat. Approvals and rejections are recorded by their votes, a group&apos;s
              convening by its activation, and a trial&apos;s early end by its status.
            </p>
            <RecordDecisionForm choices={recording} />
          </Card>
        </div>
      ) : null}
    </>
  );
}
