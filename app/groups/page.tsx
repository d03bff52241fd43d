import Link from "next/link";
import { Badge, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { Incidence } from "@/components/Incidence";
import { GROUP_STATUS_LABEL, GROUP_STATUS_TONE } from "@/components/labels";
import { requirePage } from "@/lib/authz/session";
import { listGroups, mayConveneGroup } from "@/lib/groups/queries";
import { GroupStatus } from "@/lib/generated/prisma/enums";
import { pageData } from "@/lib/page-data";
import { buttonClass } from "@/components/ui";
import { PageParam } from "@/lib/pagination";

export const metadata = { title: "Expert groups" };

const STATUSES = Object.values(GroupStatus);

export default async function GroupsPage({ searchParams }: { searchParams: Promise<{ page?: string; status?: string }> }) {
  const query = await searchParams;
  const page = PageParam.parse(query.page);
  const status = STATUSES.find((s) => s === query.status);
  const { actor } = await requirePage("group.list", "/groups");
  const [groups, mayConvene] = await Promise.all([pageData(listGroups(actor, { page, status }), "/groups"), mayConveneGroup(actor)]);
  const href = (p: number, s = status) =>
    `/groups?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <>
      <PageHeader
        title="Expert groups"
        description="Each group is convened around one rare cancer, with chairs and members from several organizations."
        actions={
          mayConvene ? (
            <Link href="/groups/new" className={buttonClass}>
              Convene a group
            </Link>
          ) : null
        }
      />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {[undefined, ...STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={href(1, s)}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 no-underline hover:no-underline ${s === status ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
          >
            {s ? GROUP_STATUS_LABEL[s] : "All"}
          </Link>
        ))}
      </nav>
      {groups.items.length === 0 ? (
        <EmptyState>No expert groups{status ? ` with the status ${GROUP_STATUS_LABEL[status].toLowerCase()}` : ""}.</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {groups.items.map((group) => (
            <li key={group.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <div className="flex items-start justify-between gap-3">
                <h2 className="font-semibold">
                  <Link href={`/groups/${group.slug}`}>{group.name}</Link>
                </h2>
                <Badge tone={GROUP_STATUS_TONE[group.status]}>{GROUP_STATUS_LABEL[group.status]}</Badge>
              </div>
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">Incidence</dt>
                <dd>
                  <Incidence value={group.incidencePer100k} isDemo={group.incidenceIsDemo} />
                </dd>
                <dt className="text-slate-600">Chairs</dt>
                <dd>
                  {group.members.length === 0
                    ? "None named yet"
                    : group.members
                        .map((m) => `${m.user.name}${m.user.membership ? ` (${m.user.membership.organization.shortName})` : ""}`)
                        .join(", ")}
                </dd>
                <dt className="text-slate-600">Members</dt>
                <dd>{group._count.members}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={groups.page} pageCount={groups.pageCount} href={(p) => href(p)} />
    </>
  );
}
