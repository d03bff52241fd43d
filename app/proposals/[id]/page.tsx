import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, Card, EmptyState, PageHeader, secondaryButtonClass, TableHead } from "@/components/ui";
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { INTEREST_LABEL, INTEREST_TONE } from "@/components/proposals/labels";
import { actsForOrganization } from "@/lib/authz/policy";
import { forecastFromPledges, formatMonths, pledged } from "@/lib/forecast/pledges";
import { checkIncidence } from "@/lib/forecast/incidence";
import { getForecastSettings } from "@/lib/settings";
import { AccrualForecast, catchmentList, forecastSentence } from "@/components/proposals/AccrualForecast";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { getProposal, interestHistory } from "@/lib/proposals/queries";
import { PHASE_LABEL } from "@/lib/proposals/schema";
import { EDITABLE_STATUSES, INTEREST_OPEN_STATUSES, TRANSITIONS } from "@/lib/proposals/workflow";
import { pageData } from "@/lib/page-data";
import { formatDateTime } from "@/lib/time";
import { InterestForm } from "./InterestForm";
import { TransitionPanel } from "./TransitionPanel";
import { describeEvent } from "@/lib/proposals/timeline";
import { decide } from "@/lib/proposals/workflow";
import { getVotePanel } from "@/lib/votes/queries";
import { VotePanel } from "./vote/VotePanel";
import { Discussion } from "@/components/discussion/Discussion";
import { listComments } from "@/lib/discussion";
import { isFollowing } from "@/lib/notifications";
import { ActionForm } from "@/components/ActionForm";
import { followAction } from "./actions";
import { InterestHistory } from "./InterestHistory";
import { listFeasibility } from "@/lib/feasibility/queries";
import { Feasibility } from "./Feasibility";
import { DocumentsCard } from "@/components/documents/DocumentsCard";
import { listDocuments } from "@/lib/documents/queries";
import { DOCUMENT_KIND_LABEL } from "@/lib/documents/kinds";
import { allowed } from "@/lib/authz/rules";

/** Results computed from shared inputs, kept for as long as those very objects are (see the forecast below). */
const outcomes = new WeakMap<object, unknown>();
function sharedOutcome<T>(inputs: [object, ...object[]], compute: () => T): T {
  let level = outcomes;
  for (const input of inputs.slice(0, -1)) {
    let next = level.get(input) as WeakMap<object, unknown> | undefined;
    if (!next) level.set(input, (next = new WeakMap()));
    level = next;
  }
  const last = inputs.at(-1)!;
  if (!level.has(last)) level.set(last, compute());
  return level.get(last) as T;
}

function Text({ value }: { value: string | null | undefined }) {
  return value?.trim() ? <span className="whitespace-pre-wrap">{value}</span> : <span className="text-slate-500">Not given yet</span>;
}

/** A warning in the criteria checklist: said, never a block. */
function ChecklistWarning({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li className="flex gap-2 text-sm">
      <span
        aria-hidden
        className="mt-0.5 flex h-5 w-5 flex-none items-center justify-center rounded-full bg-amber-500 text-xs font-bold text-white"
      >
        ?
      </span>
      <div>
        <p className="font-medium">
          <span className="sr-only">Warning: </span>
          {label}
        </p>
        <p className="text-slate-700">{children}</p>
      </div>
    </li>
  );
}

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/proposals/${id}`;
  const { actor, session } = await requirePage("proposal.view", path);
  const [data, vote, comments, following, histories, feasibility, settings, documents] = await Promise.all([
    pageData(getProposal(actor, id), path),
    pageData(getVotePanel(actor, id), path),
    pageData(listComments(actor, "proposal", id), path),
    isFollowing(actor, id),
    pageData(interestHistory(actor, id), path),
    pageData(listFeasibility(actor, id), path),
    getForecastSettings(),
    pageData(listDocuments(actor, id, "PROPOSAL"), path),
  ]);
  const { proposal: p, organizations, criteria, actions, timeline, canEdit, canOpenVote, roles, facts } = data;
  const openDecision = decide(p.status, "openVoting", roles, facts);
  const zone = viewerTimeZone(session);
  const interestByOrg = new Map(p.interests.map((i) => [i.organizationId, i]));
  const committed = p.interests.filter((i) => i.level === "LEAD" || i.level === "PARTICIPATE");
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const countries = new Set(committed.map((i) => orgById.get(i.organizationId)?.country));
  const committedSites = committed.reduce((n, i) => n + (i.expectedSites ?? 0), 0);
  const mine = actor.organizationId ? interestByOrg.get(actor.organizationId) : undefined;
  const myOrg = organizations.find((o) => o.id === actor.organizationId);
  const canRecordInterest = actsForOrganization(actor) && myOrg && INTEREST_OPEN_STATUSES.includes(p.status);
  const registryIds = Object.entries((p.registryIds ?? {}) as Record<string, unknown>).filter(([k]) => k !== "other");
  const eligibleCount = criteria.filter((c) => c.ok).length;
  // Computed here from the interests and sites just read, so a pledge changes it in the same request.
  const sitesByOrg = Map.groupBy(feasibility.sites, (s) => s.organizationId);
  const pledges = p.interests.map((i) => ({
    organization: orgById.get(i.organizationId),
    pledge: {
      organization: orgById.get(i.organizationId)?.shortName ?? "",
      level: i.level,
      expectedSites: i.expectedSites,
      expectedPatientsPerYear: i.expectedPatientsPerYear,
      sites: sitesByOrg.get(i.organizationId) ?? [],
    },
  }));
  // Thousands of simulated paths: drawn once for the inputs every reader shares (the objects the
  // shared cache holds, replaced when what they hold changes), not for each request.
  const outlook = sharedOutcome([p, feasibility, organizations, settings], () =>
    forecastFromPledges({
      target: p.sampleSize,
      plannedAccrualMonths: p.plannedAccrualMonths,
      discount: settings.discount,
      warnYears: settings.warnYears,
      pledges: pledges.map((x) => x.pledge),
    }),
  );
  // Patients a year as the forecast counts them: the sum over an organization's sites when it gave
  // some (to one decimal), so the matrix, its total and the forecast say the same.
  const pledgeByOrg = new Map(p.interests.map((i, n) => [i.organizationId, pledged(pledges[n]!.pledge)]));
  const oneDecimal = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 1 });
  const patientsShown = (orgId: string, stored: number | null) =>
    sitesByOrg.has(orgId) ? oneDecimal(pledgeByOrg.get(orgId) ?? 0) : (stored ?? "—");
  const committedPerYear = Math.round(committed.reduce((n, i) => n + (pledgeByOrg.get(i.organizationId) ?? 0), 0) * 10) / 10;
  const mySites = (myOrg && sitesByOrg.get(myOrg.id)?.length) ?? 0;
  const slow = outlook.ok && outlook.forecast.medianMonths > settings.warnYears * 12 ? outlook.forecast : null;
  const incidencePer100k = p.group.incidencePer100k === null ? null : Number(p.group.incidencePer100k);
  const incidenceCheck = checkIncidence({
    incidencePer100k,
    pledges: pledges.flatMap(({ organization, pledge }) =>
      organization && (pledge.level === "LEAD" || pledge.level === "PARTICIPATE")
        ? [{ organization, patientsPerYear: pledged(pledge) }]
        : [],
    ),
  });
  const tooMany = incidenceCheck?.exceeds ? incidenceCheck : null;

  return (
    <>
      <PageHeader
        title={p.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={p.status} />
            {p.demo ? <Badge>Demo</Badge> : null}
            <Link href={`/groups/${p.group.slug}`}>{p.group.name}</Link>
            <span>· lead: {p.leadOrganization?.shortName ?? p.leadDescription ?? "not named"}</span>
            {p.authors.length > 0 ? (
              <span>
                · by{" "}
                {p.authors
                  .map((a) => `${a.user.name}${a.user.membership ? ` (${a.user.membership.organization.shortName})` : ""}`)
                  .join(", ")}
              </span>
            ) : null}
          </span>
        }
        actions={
          <div className="flex gap-2">
            {canEdit && EDITABLE_STATUSES.includes(p.status) ? (
              <Link href={`${path}/edit`} className={secondaryButtonClass}>
                Edit draft
              </Link>
            ) : null}
            <Link href={`${path}/revisions`} className={secondaryButtonClass}>
              Revisions ({p._count.revisions})
            </Link>
            <Link href={`${path}/print`} className={secondaryButtonClass}>
              Print summary
            </Link>
            {roles.includes("author") ? null : (
              <ActionForm action={followAction.bind(null, p.id)} submitLabel={following ? "Unfollow" : "Follow"} tone="quiet">
                <input type="hidden" name="follow" value={following ? "false" : "true"} />
              </ActionForm>
            )}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title="Hypothesis and design">
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-slate-600">Population</dt>
              <dd>
                <Text value={p.population} />
              </dd>
              <dt className="text-slate-600">Intervention</dt>
              <dd>
                <Text value={p.intervention} />
              </dd>
              <dt className="text-slate-600">Comparator</dt>
              <dd>
                <Text value={p.comparator} />
              </dd>
              <dt className="text-slate-600">Primary outcome</dt>
              <dd>
                <Text value={p.primaryOutcome} />
              </dd>
              <dt className="text-slate-600">Design</dt>
              <dd>
                {[
                  p.phase ? (PHASE_LABEL[p.phase as keyof typeof PHASE_LABEL] ?? p.phase) : null,
                  p.randomised === null ? null : p.randomised ? "randomised" : "not randomised",
                  p.sampleSize ? `${p.sampleSize} patients planned` : null,
                  p.plannedAccrualMonths ? `accrual over ${formatMonths(p.plannedAccrualMonths)}` : null,
                  p.primaryEndpoint ? `primary endpoint: ${p.primaryEndpoint}` : null,
                ]
                  .filter(Boolean)
                  .join(", ") || <span className="text-slate-500">Not given yet</span>}
              </dd>
              <dt className="text-slate-600">Rationale</dt>
              <dd>
                <Text value={p.rationale} />
              </dd>
              <dt className="text-slate-600">Why no other forum</dt>
              <dd>
                <Text value={p.noOtherForum} />
              </dd>
              {registryIds.length > 0 ? (
                <>
                  <dt className="text-slate-600">Registry ids</dt>
                  <dd className="font-mono">{registryIds.map(([, v]) => String(v)).join(" · ")}</dd>
                </>
              ) : null}
              {p.closedReason ? (
                <>
                  <dt className="text-slate-600">Closing reason</dt>
                  <dd>{p.closedReason}</dd>
                </>
              ) : null}
            </dl>
          </Card>

          <Card title="Partner interest">
            <div className="overflow-x-auto">
              {/* On a phone the table scrolls inside its card; the page never runs off the screen. */}
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Each member organization&apos;s interest in this proposal</caption>
                  <TableHead
                    columns={[
                      "Organization",
                      "Interest",
                      { label: "Sites", align: "right" },
                      { label: "Patients a year", align: "right" },
                      "Note",
                    ]}
                  />
                  <tbody className="divide-y divide-slate-100">
                    {organizations.map((org) => {
                      const i = interestByOrg.get(org.id);
                      return (
                        <tr key={org.id}>
                          <th scope="row" className="py-2 pr-3 font-medium">
                            {org.shortName} <span className="font-normal text-slate-600">({org.country})</span>
                          </th>
                          <td className="py-2 pr-3">
                            {i ? (
                              <Badge tone={INTEREST_TONE[i.level]}>{INTEREST_LABEL[i.level]}</Badge>
                            ) : (
                              <span className="text-slate-500">Not recorded</span>
                            )}
                          </td>
                          <td className="py-2 pr-3 text-right tabular-nums">{i?.expectedSites ?? "—"}</td>
                          <td className="py-2 pr-3 text-right tabular-nums">{patientsShown(org.id, i?.expectedPatientsPerYear ?? null)}</td>
                          <td className="py-2 text-slate-700">{i?.note || ""}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                  <tfoot className="border-t-2 border-slate-200 font-medium">
                    <tr>
                      <th scope="row" className="py-2 pr-3">
                        Taking part
                      </th>
                      <td className="py-2 pr-3">
                        {committed.length} organizations, {countries.size} countries
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{committedSites}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{oneDecimal(committedPerYear)}</td>
                      <td />
                    </tr>
                  </tfoot>
                </table>
              </div>
            </div>
            <AccrualForecast
              result={outlook}
              incidence={incidenceCheck && incidencePer100k !== null ? { check: incidenceCheck, per100k: incidencePer100k } : null}
            />
            <InterestHistory organizations={organizations} histories={histories} zone={zone} />
            {canRecordInterest ? (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <InterestForm
                  proposalId={p.id}
                  organization={myOrg.shortName}
                  canLead={p.leadOrganizationId === myOrg.id}
                  sitesCount={mySites}
                  current={
                    mine
                      ? {
                          level: mine.level,
                          expectedSites: mine.expectedSites,
                          expectedPatientsPerYear: mine.expectedPatientsPerYear,
                          note: mine.note,
                        }
                      : null
                  }
                />
              </div>
            ) : null}
          </Card>

          <Feasibility
            proposalId={p.id}
            organizations={organizations}
            data={feasibility}
            zone={zone}
            mine={
              canRecordInterest ? { id: myOrg.id, shortName: myOrg.shortName, canAttach: Boolean(mine && mine.level !== "DECLINED") } : null
            }
          />

          <DocumentsCard
            proposalId={p.id}
            scope="PROPOSAL"
            documents={documents}
            zone={zone}
            canUpload={allowed(actor, "document.upload", data.access)}
          />

          <Discussion type="proposal" threadId={p.id} comments={comments} zone={zone} />
        </div>

        <div className="min-w-0 space-y-6">
          <Card title={`IRCI criteria (${eligibleCount} of ${criteria.length})`}>
            <ul className="space-y-3" aria-label="Eligibility checklist">
              {criteria.map((c) => (
                <li key={c.id} className="flex gap-2 text-sm">
                  <span
                    aria-hidden
                    className={`mt-0.5 flex h-5 w-5 flex-none items-center justify-center rounded-full text-xs font-bold text-white ${c.ok ? "bg-emerald-600" : "bg-rose-600"}`}
                  >
                    {c.ok ? "✓" : "!"}
                  </span>
                  <div>
                    <p className="font-medium">
                      <span className="sr-only">{c.ok ? "Met: " : "Not met: "}</span>
                      {c.label}
                    </p>
                    <p className="text-slate-700">{c.detail}</p>
                  </div>
                </li>
              ))}
              {slow ? (
                <ChecklistWarning label="Accrual may take long">
                  At the pledges, {slow.target} patients take a median of {formatMonths(slow.medianMonths)}, more than {settings.warnYears}{" "}
                  years. More sites or organizations, or a smaller sample, would help. A warning, not a block.
                </ChecklistWarning>
              ) : null}
              {tooMany ? (
                <ChecklistWarning label="Pledges exceed the patients who arise">
                  The organizations pledge {tooMany.pledgedPerYear} patients a year, but about {Math.round(tooMany.availablePerYear)} a year
                  are diagnosed in {catchmentList(tooMany)} at the group&apos;s incidence. Check the pledges or the incidence. A warning,
                  not a block.
                </ChecklistWarning>
              ) : null}
            </ul>
          </Card>

          {vote || canOpenVote ? (
            <VotePanel
              documents={documents.map((d) => ({
                id: d.id,
                title: d.title,
                kind: DOCUMENT_KIND_LABEL[d.kind],
                versions: d.versions.map((v) => ({ id: v.id, number: v.number, uploaded: formatDateTime(v.uploadedAt, zone) })),
              }))}
              proposalId={p.id}
              vote={vote}
              actor={actor}
              zone={zone}
              organizations={organizations}
              canOpen={canOpenVote}
              openBlockedBecause={openDecision.ok ? null : openDecision.reason}
              forecast={outlook.ok ? forecastSentence(outlook.forecast) : null}
            />
          ) : null}

          {["APPROVED", "PLANNING", "UNDERWAY", "COMPLETED", "CLOSED_EARLY"].includes(p.status) ? (
            <Card title="Trial">
              <p className="text-sm text-slate-700">Registry ids, accrual against target, sites and milestones.</p>
              <p className="mt-2">
                <Link href={`/proposals/${p.id}/trial`}>Open the trial record</Link>
              </p>
            </Card>
          ) : null}

          <Card title="What you can do">
            <TransitionPanel
              proposalId={p.id}
              actions={actions.map(({ event, decision }) => ({
                event,
                label: TRANSITIONS[event].label,
                reasonRequired: TRANSITIONS[event].reasonRequired,
                blockedBecause: decision.ok ? null : decision.reason,
              }))}
            />
          </Card>

          <Card title="Timeline">
            {timeline.length === 0 ? (
              <EmptyState>Nothing has happened yet.</EmptyState>
            ) : (
              <ol className="space-y-3 text-sm">
                {timeline.map((e) => (
                  <li key={e.id} className="border-l-2 border-brand-100 pl-3">
                    <p className="font-medium">{describeEvent(e, organizations)}</p>
                    <p className="text-slate-600">
                      {e.actor?.name ?? "System"} · {formatDateTime(e.at, zone)}
                    </p>
                    {e.reason ? <p className="text-slate-700">“{e.reason}”</p> : null}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
