import { vocabularyLabel } from "@/components/labels";
import { Badge, Card, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { PageParam } from "@/lib/pagination";
import { STATUS_LABEL } from "@/lib/proposals/workflow";
import { countryLabel } from "@/lib/time";
import { publicPortfolio } from "@/lib/portfolio/queries";
import { registryLink } from "@/lib/trials/queries";

export const metadata = {
  title: "IRCI trials",
  description: "The International Rare Cancer Initiative's approved, underway and completed trials",
};

/** Public: no sign-in. Only what IRCI publishes about its trials. */
export default async function PublicTrialsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = PageParam.parse((await searchParams).page);
  const { items: trials, page: current, pageCount, total } = await publicPortfolio(page);
  return (
    <>
      <PageHeader
        title="IRCI trials"
        description="Trials in rare cancers that IRCI's member organizations have approved, are running, or have completed, with their registry records."
      />
      {total > 0 ? (
        <p className="mb-4 text-sm text-slate-600" role="status">
          {total} {total === 1 ? "trial" : "trials"}
          {pageCount > 1 ? `, page ${current} of ${pageCount}` : ""}
        </p>
      ) : null}
      {trials.length === 0 ? (
        <EmptyState>No trials to show yet.</EmptyState>
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
                    {t.trial?.registryIds.length ? (
                      <>
                        <dt className="text-slate-600">Registries</dt>
                        <dd className="flex flex-wrap gap-x-3">
                          {t.trial.registryIds.map((r) => {
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
                          })}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                </article>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={current} pageCount={pageCount} href={(p) => `/trials?page=${p}`} />
    </>
  );
}
