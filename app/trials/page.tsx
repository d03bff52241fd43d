import Link from "next/link";
import { vocabularyLabel } from "@/components/labels";
import { Badge, Card, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { PageParam } from "@/lib/pagination";
import { STATUS_LABEL } from "@/lib/proposals/workflow";
import { countryLabel } from "@/lib/time";
import { ZPublicFilters, publicFilterChoices, publicPortfolio, type PublicFilters } from "@/lib/portfolio/public";
import { registryLink } from "@/lib/trials/queries";
import { TrialSearch } from "./TrialSearch";
import { decidedOnLabel } from "@/components/decisions/DecisionEntry";
import { DECISION_KIND_LABEL } from "@/lib/decisions/labels";
import { publicDecisionsOf } from "@/lib/decisions/queries";

export const metadata = {
  title: "IRCI trials",
  description: "The International Rare Cancer Initiative's approved, underway and completed trials",
};

/** This page's address with the same search and filters, on another page. */
function pageHref(filters: PublicFilters, page: number) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/trials?${query}` : "/trials";
}

/** Registry ids as links to their registries. */
function RegistryLinks({ ids }: { ids: { registry: string; value: string }[] }) {
  return ids.map((r) => {
    const href = registryLink(r.registry, r.value);
    return href ? (
      <a key={r.value} href={href} rel="noreferrer" className="font-mono">
        {r.value}
      </a>
    ) : (
      <span key={r.value} className="font-mono">
        {r.value}
      </span>
    );
  });
}

/** Public: no sign-in. Only what IRCI publishes about its trials, searched and filtered from the address. */
export default async function PublicTrialsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const page = PageParam.parse(first(params.page));
  const filters = ZPublicFilters.parse({
    q: first(params.q),
    status: first(params.status),
    country: first(params.country),
    organization: first(params.organization),
    phase: first(params.phase),
  });
  const filtered = Object.values(filters).some(Boolean);
  const [{ items: trials, page: current, pageCount, total }, choices] = await Promise.all([
    publicPortfolio(page, filters),
    publicFilterChoices(),
  ]);
  // The public decisions on the trials of this page, shown with each (the register has them all).
  const decisions = await publicDecisionsOf(trials.map((t) => t.id));
  return (
    <>
      <PageHeader
        title="IRCI trials"
        description="Trials in rare cancers that IRCI's member organizations have approved, are running, or have completed, with their registry records."
      />
      <TrialSearch filters={filters} choices={choices} />
      {total > 0 ? (
        <p className="mb-4 text-sm text-slate-600" role="status">
          {total} {total === 1 ? "trial" : "trials"}
          {pageCount > 1 ? `, page ${current} of ${pageCount}` : ""}
        </p>
      ) : null}
      {trials.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <>
              No trial matches this search and these filters. Try fewer filters, or <Link href="/trials">see every trial</Link>.
            </>
          ) : (
            "No trials to show yet."
          )}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {trials.map((t) => (
            <li key={t.id}>
              <Card>
                <article aria-label={t.title}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={t.status === "COMPLETED" ? "green" : "brand"}>{STATUS_LABEL[t.status]}</Badge>
                    {t.trial ? <Badge>{vocabularyLabel(t.trial.overallStatus)}</Badge> : null}
                  </div>
                  <h2 className="mt-2 font-semibold">{t.title}</h2>
                  <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
                    <dt className="text-slate-600">Rare cancer</dt>
                    <dd>{t.group.cancer}</dd>
                    {t.trial?.phases.length ? (
                      <>
                        <dt className="text-slate-600">Phase</dt>
                        <dd>{t.trial.phases.map(vocabularyLabel).join(", ")}</dd>
                      </>
                    ) : null}
                    {t.leadOrganization ? (
                      <>
                        <dt className="text-slate-600">Lead</dt>
                        <dd>{t.leadOrganization.shortName}</dd>
                      </>
                    ) : null}
                    {t.trial?.sites.length ? (
                      <>
                        <dt className="text-slate-600">Countries</dt>
                        <dd>{t.trial.sites.map((s) => countryLabel(s.country)).join(", ")}</dd>
                      </>
                    ) : null}
                    {t.trial?.registryIds.some((r) => !r.componentStudyId) ? (
                      <>
                        <dt className="text-slate-600">Registries</dt>
                        <dd className="flex flex-wrap gap-x-3">
                          <RegistryLinks ids={t.trial.registryIds.filter((r) => !r.componentStudyId)} />
                        </dd>
                      </>
                    ) : null}
                    {t.trial?.componentStudies.length ? (
                      <>
                        <dt className="text-slate-600">Studies</dt>
                        <dd>
                          <ul className="space-y-1">
                            {t.trial.componentStudies.map((s) => (
                              <li key={s.id}>
                                <span className="font-medium">
                                  {s.shortName && !s.name.includes(s.shortName) ? `${s.name} (${s.shortName})` : s.name}
                                </span>
                                {s.sponsor ? `, sponsored by ${s.sponsor}` : ""}
                                {s.countries.length ? ` (${s.countries.map(countryLabel).join(", ")})` : ""}
                                {s.overallStatus === "UNKNOWN" ? "" : `, ${vocabularyLabel(s.overallStatus).toLowerCase()}`}
                                <span className="flex flex-wrap gap-x-3">
                                  <RegistryLinks ids={t.trial!.registryIds.filter((r) => r.componentStudyId === s.id)} />
                                </span>
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  {decisions.get(t.id)?.length ? (
                    <section aria-label={`Decisions on ${t.title}`} className="mt-3 border-t border-slate-100 pt-2 text-sm">
                      <h3 className="font-medium">Decisions</h3>
                      <ul className="mt-1 space-y-1">
                        {decisions.get(t.id)!.map((d) => (
                          <li key={d.id}>
                            <Link href={`/decisions/${d.id}`}>{d.title}</Link>{" "}
                            <span className="text-slate-600">
                              ({DECISION_KIND_LABEL[d.kind]}, {decidedOnLabel(d.decidedOn)}
                              {d.illustrative ? ", illustrative" : ""})
                            </span>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ) : null}
                </article>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={current} pageCount={pageCount} href={(p) => pageHref(filters, p)} />
    </>
  );
}
