import Link from "next/link";
import { withoutControlCharacters } from "@/lib/validation";
import { Badge, EmptyState, PageHeader, Pagination, buttonClass, secondaryButtonClass } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { INTEREST_LABEL, INTEREST_TONE } from "@/components/proposals/labels";
import { requirePage } from "@/lib/authz/session";
import { groupChoices } from "@/lib/groups/queries";
import { GroupFilterField } from "@/components/GroupFilterField";
import { referenceOrganizations } from "@/lib/organizations/reference";
import { listProposals, type ProposalFilters } from "@/lib/proposals/queries";
import { PROPOSAL_STATUSES, STATUS_LABEL } from "@/lib/proposals/workflow";
import { pageData } from "@/lib/page-data";
import { PageParam } from "@/lib/pagination";

export const metadata = { title: "Proposals" };

type Query = { status?: string; group?: string; lead?: string; mine?: string; q?: string; page?: string };
const INTERESTS = ["LEAD", "PARTICIPATE", "INTERESTED", "DECLINED", "NONE"] as const;

/** A filter typed into the address: bounded, and without the control characters PostgreSQL refuses. */
function searchText(value: string | undefined, max: number): string | undefined {
  return value === undefined ? undefined : withoutControlCharacters(value).trim().slice(0, max) || undefined;
}

export default async function ProposalsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const { actor } = await requirePage("proposal.list", "/proposals");
  const filters: ProposalFilters = {
    status: PROPOSAL_STATUSES.find((s) => s === query.status),
    group: searchText(query.group, 100),
    lead: searchText(query.lead, 64),
    myInterest: INTERESTS.find((i) => i === query.mine),
    q: searchText(query.q, 200),
    page: PageParam.parse(query.page),
  };
  const [proposals, groups, orgs] = await Promise.all([
    pageData(listProposals(actor, filters), "/proposals"),
    // A list to choose from while it is short enough to read; beyond that, a field to type in.
    groupChoices(actor),
    referenceOrganizations(),
  ]);
  const href = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(page) }).filter(([, v]) => v) as [string, string][]);
    return `/proposals?${params}`;
  };
  return (
    <>
      <PageHeader
        title="Trial proposals"
        description="Every proposal of every expert group, from first draft to completed trial."
        actions={
          <Link href="/proposals/new" className={buttonClass}>
            New proposal
          </Link>
        }
      />
      <form
        role="search"
        aria-label="Find proposals"
        className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-6"
      >
        <div className="md:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">
            Search title and hypothesis
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q} className={inputClass} placeholder="e.g. immunotherapy" />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            Status
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">Any</option>
            {PROPOSAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="group" className="block text-sm font-medium">
            Expert group
          </label>
          <GroupFilterField id="group" groups={groups} value={filters.group} anyLabel="Any" />
        </div>
        <div>
          <label htmlFor="lead" className="block text-sm font-medium">
            Lead organization
          </label>
          <select id="lead" name="lead" defaultValue={filters.lead ?? ""} className={inputClass}>
            <option value="">Any</option>
            {orgs.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.shortName}
              </option>
            ))}
          </select>
        </div>
        {actor.organizationId ? (
          <div>
            <label htmlFor="mine" className="block text-sm font-medium">
              My organization&apos;s interest
            </label>
            <select id="mine" name="mine" defaultValue={filters.myInterest ?? ""} className={inputClass}>
              <option value="">Any</option>
              {INTERESTS.map((i) => (
                <option key={i} value={i}>
                  {i === "NONE" ? "Not recorded yet (open proposals)" : INTEREST_LABEL[i]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex items-end gap-2 md:col-span-6">
          <button type="submit" className={buttonClass}>
            Apply
          </button>
          <Link href="/proposals" className={secondaryButtonClass}>
            Clear
          </Link>
          <p className="ml-auto text-sm text-slate-600" role="status">
            {proposals.moreThan
              ? `More than ${proposals.total.toLocaleString("en")} proposals match: the most recently updated ${proposals.total.toLocaleString("en")} are listed, newest first. More words or a filter narrow the search.`
              : `${proposals.total.toLocaleString("en")} proposal${proposals.total === 1 ? "" : "s"}`}
          </p>
        </div>
      </form>
      {proposals.items.length === 0 ? (
        <EmptyState>No proposals match. Clear the filters, or start a new proposal.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
          {proposals.items.map((p) => (
            <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
              <div className="min-w-0 flex-1">
                <Link href={`/proposals/${p.id}`} className="font-medium">
                  {p.title}
                </Link>
                <p className="mt-1 text-sm text-slate-600">
                  {p.group.name.replace(/ expert group$/, "")} · lead {p.leadOrganization?.shortName ?? "not an IRCI organization"} ·{" "}
                  {p._count.interests} organization{p._count.interests === 1 ? "" : "s"} taking part
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-1">
                {p.demo ? <Badge>Demo</Badge> : null}
                {p.interests[0] ? (
                  <Badge tone={INTEREST_TONE[p.interests[0].level]}>You: {INTEREST_LABEL[p.interests[0].level]}</Badge>
                ) : null}
                <StatusBadge status={p.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={proposals.page} pageCount={proposals.pageCount} href={href} />
    </>
  );
}
