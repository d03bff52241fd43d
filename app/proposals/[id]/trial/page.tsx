import Link from "next/link";
import { vocabularyLabel } from "@/components/labels";
import { ActionForm } from "@/components/ActionForm";
import { Badge, Card, EmptyState, PageHeader, secondaryButtonClass, TableHead } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { requirePage } from "@/lib/authz/session";
import { pageData } from "@/lib/page-data";
import { countryLabel } from "@/lib/time";
import { OVERALL_STATUSES, PHASES } from "@/lib/trials/ctgov";
import { TRIAL_STATUSES } from "@/lib/trials/mutations";
import { MILESTONES, MILESTONE_LABEL, accrualByScope, currentAccrual, milestoneState, percentOfTarget } from "@/lib/trials/progress";
import { getTrial, registryLink } from "@/lib/trials/queries";
import { REGISTRY_NAMES } from "@/lib/trials/registry";
import {
  addRegistryIdAction,
  addSiteAction,
  createTrialAction,
  recordAccrualAction,
  removeRegistryIdAction,
  setMilestoneAction,
  updateTrialAction,
} from "./actions";
import { AccrualChart } from "./AccrualChart";

export const metadata = { title: "Trial" };

const STATE_BADGE = {
  done: ["Done", "green"],
  late: ["Late", "red"],
  due: ["Due soon", "amber"],
  planned: ["Planned", "neutral"],
  unplanned: ["Not planned", "neutral"],
} as const;

export default async function TrialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/proposals/${id}/trial`;
  const { actor } = await requirePage("proposal.view", path);
  const { proposal, trial, canManage, organizations } = await pageData(getTrial(actor, id), path);
  const header = <PageHeader title="Trial" description={<Link href={`/proposals/${id}`}>{proposal.title}</Link>} />;
  if (!trial) {
    const ready = (TRIAL_STATUSES as readonly string[]).includes(proposal.status);
    return (
      <>
        {header}
        <Card>
          {canManage && ready ? (
            <ActionForm action={createTrialAction.bind(null, id)} submitLabel="Create the trial record">
              <p className="text-sm text-slate-700">Record registry ids, accrual, sites and milestones as the trial is planned and run.</p>
            </ActionForm>
          ) : (
            <EmptyState>{ready ? "No trial record yet." : "A trial record starts when the proposal is in planning."}</EmptyState>
          )}
        </Card>
      </>
    );
  }
  const today = new Date();
  const actual = currentAccrual(trial.accrual);
  const dated = trial.accrual.filter((a) => !a.organizationId && !a.country && a.date).map((a) => ({ date: a.date!, total: a.total }));
  const scopes = accrualByScope(trial.accrual);
  const orgName = new Map(organizations.map((o) => [o.id, o.shortName]));
  const byCountry = new Map<string, typeof trial.sites>();
  for (const s of trial.sites) byCountry.set(s.country, [...(byCountry.get(s.country) ?? []), s]);
  const pct = percentOfTarget(actual, trial.targetAccrual);

  return (
    <>
      {header}
      <div className="mb-6 flex flex-wrap gap-2">
        {canManage ? (
          <Link href={`${path}/import`} className={secondaryButtonClass}>
            Import from ClinicalTrials.gov
          </Link>
        ) : null}
        <Link href={`/proposals/${id}/print`} className={secondaryButtonClass}>
          Printable summary
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Details">
          <dl className="grid grid-cols-[11rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-600">Overall status</dt>
            <dd>{vocabularyLabel(trial.overallStatus)}</dd>
            <dt className="text-slate-600">Phases</dt>
            <dd>{trial.phases.map(vocabularyLabel).join(", ") || "—"}</dd>
            <dt className="text-slate-600">Start</dt>
            <dd>{trial.startDate ?? "—"}</dd>
            <dt className="text-slate-600">Primary completion</dt>
            <dd>{trial.primaryCompletionDate ?? "—"}</dd>
            <dt className="text-slate-600">Lead sponsor</dt>
            <dd>{trial.leadSponsor ?? "—"}</dd>
            <dt className="text-slate-600">Last import</dt>
            <dd>{trial.importedAt ? trial.importedAt.toISOString().slice(0, 10) : "never"}</dd>
          </dl>
          {canManage ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit details</summary>
              <ActionForm
                action={updateTrialAction.bind(null, id, trial.id)}
                submitLabel="Save details"
                className="mt-3 space-y-3"
                labels={{ targetAccrual: "Target accrual", startDate: "Start", primaryCompletionDate: "Primary completion" }}
              >
                <label className="block text-sm font-medium">
                  Overall status
                  <select name="overallStatus" defaultValue={trial.overallStatus} className={inputClass}>
                    {OVERALL_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {vocabularyLabel(s)}
                      </option>
                    ))}
                  </select>
                </label>
                <fieldset className="text-sm">
                  <legend className="font-medium">Phases</legend>
                  <div className="mt-1 flex flex-wrap gap-3">
                    {PHASES.map((p) => (
                      <label key={p} className="flex items-center gap-1">
                        <input type="checkbox" name="phases" value={p} defaultChecked={trial.phases.includes(p)} /> {vocabularyLabel(p)}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <div className="grid grid-cols-2 gap-3">
                  <label className="block text-sm font-medium">
                    Target accrual
                    <input name="targetAccrual" inputMode="numeric" defaultValue={trial.targetAccrual ?? ""} className={inputClass} />
                  </label>
                  <label className="block text-sm font-medium">
                    Lead sponsor
                    <input name="leadSponsor" defaultValue={trial.leadSponsor ?? ""} className={inputClass} />
                  </label>
                  <label className="block text-sm font-medium">
                    Start (yyyy, yyyy-MM or yyyy-MM-dd)
                    <input name="startDate" defaultValue={trial.startDate ?? ""} className={inputClass} />
                  </label>
                  <label className="block text-sm font-medium">
                    Primary completion
                    <input name="primaryCompletionDate" defaultValue={trial.primaryCompletionDate ?? ""} className={inputClass} />
                  </label>
                </div>
              </ActionForm>
            </details>
          ) : null}
        </Card>

        <Card title="Registry ids">
          {trial.registryIds.length === 0 ? (
            <EmptyState>No registry id yet.</EmptyState>
          ) : (
            <ul className="space-y-1 text-sm">
              {trial.registryIds.map((r) => {
                const href = registryLink(r.registry, r.value);
                return (
                  <li key={r.id} className="flex items-center justify-between gap-2">
                    <span>
                      <span className="text-slate-600">{r.registry}</span>{" "}
                      {href ? (
                        <a href={href} className="font-mono" rel="noreferrer" target="_blank">
                          {r.value}
                        </a>
                      ) : (
                        <span className="font-mono">{r.value}</span>
                      )}
                    </span>
                    {canManage ? (
                      <ActionForm action={removeRegistryIdAction.bind(null, id, trial.id)} submitLabel={`Remove ${r.value}`} tone="quiet">
                        <input type="hidden" name="id" value={r.id} />
                      </ActionForm>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          {canManage ? (
            <ActionForm
              action={addRegistryIdAction.bind(null, id, trial.id)}
              submitLabel="Add registry id"
              className="mt-4 border-t border-slate-200 pt-3"
              labels={{ registry: "Registry", value: "Id" }}
            >
              <div className="grid grid-cols-[8rem_1fr] gap-3">
                <label className="block text-sm font-medium">
                  Registry
                  <select name="registry" className={inputClass}>
                    {REGISTRY_NAMES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block text-sm font-medium">
                  Id
                  <input name="value" className={inputClass} placeholder="NCT01533207" />
                </label>
              </div>
            </ActionForm>
          ) : null}
        </Card>

        <Card title="Accrual" className="lg:col-span-2">
          <p className="mb-2 text-sm text-slate-700">
            {actual === null ? "No accrual reported yet." : `${actual} patients enrolled`}
            {trial.targetAccrual ? ` of ${trial.targetAccrual} planned` : ""}
            {pct !== null ? ` (${pct}%)` : ""}.
            {trial.accrual.some((a) => a.demo) ? (
              <>
                {" "}
                <Badge tone="amber">demo figures</Badge>
              </>
            ) : null}
          </p>
          {dated.length > 0 ? <AccrualChart points={dated} target={trial.targetAccrual} /> : null}
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Accrual reports, oldest first</caption>
            <TableHead columns={["Date", "Scope", { label: "Patients so far", align: "right" }, "Source"]} />
            <tbody className="divide-y divide-slate-100">
              {trial.accrual.map((a) => (
                <tr key={a.id}>
                  <td className="py-1 pr-3">{a.date ?? "date not given"}</td>
                  <td className="py-1 pr-3">{a.organization?.shortName ?? (a.country ? countryLabel(a.country) : "Overall")}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{a.total}</td>
                  <td className="py-1 text-slate-700">
                    {a.source} {a.demo ? <Badge tone="amber">demo</Badge> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {scopes.length > 0 ? (
            <p className="mt-2 text-sm text-slate-700">
              Latest by organization or country:{" "}
              {scopes
                .map((s) => `${s.organizationId ? orgName.get(s.organizationId) : countryLabel(s.country ?? "")} ${s.total}`)
                .join(" · ")}
            </p>
          ) : null}
          {canManage ? (
            <ActionForm
              action={recordAccrualAction.bind(null, id, trial.id)}
              submitLabel="Record accrual"
              className="mt-4 border-t border-slate-200 pt-3"
              labels={{ date: "Date", total: "Patients so far", organizationId: "Organization", country: "Country" }}
            >
              <div className="grid gap-3 sm:grid-cols-5">
                <label className="block text-sm font-medium">
                  Date
                  <input name="date" type="date" className={inputClass} required />
                </label>
                <label className="block text-sm font-medium">
                  Patients so far
                  <input name="total" inputMode="numeric" className={inputClass} required />
                </label>
                <label className="block text-sm font-medium">
                  Organization (optional)
                  <select name="organizationId" defaultValue="" className={inputClass}>
                    <option value="">Overall</option>
                    {organizations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.shortName}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block text-sm font-medium">
                  Country (optional)
                  <input name="country" className={inputClass} placeholder="Japan" />
                </label>
                <label className="block text-sm font-medium">
                  Source
                  <input name="source" className={inputClass} placeholder="Monthly report" />
                </label>
              </div>
            </ActionForm>
          ) : null}
        </Card>

        <Card title="Milestones">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Milestones with planned and actual dates</caption>
            <TableHead columns={["Milestone", "Planned", "Actual", "State"]} />
            <tbody className="divide-y divide-slate-100">
              {MILESTONES.map((kind) => {
                const m = trial.milestones.find((x) => x.kind === kind) ?? { planned: null, actual: null };
                const [text, tone] = STATE_BADGE[milestoneState(m, today)];
                return (
                  <tr key={kind}>
                    <th scope="row" className="py-1 pr-2 font-medium">
                      {MILESTONE_LABEL[kind]}
                    </th>
                    <td className="py-1 pr-2">{m.planned ?? "—"}</td>
                    <td className="py-1 pr-2">{m.actual ?? "—"}</td>
                    <td className="py-1">
                      <Badge tone={tone}>{text}</Badge>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {canManage ? (
            <ActionForm
              action={setMilestoneAction.bind(null, id, trial.id)}
              submitLabel="Save milestone"
              className="mt-4 border-t border-slate-200 pt-3"
              labels={{ planned: "Planned", actual: "Actual" }}
            >
              <div className="grid gap-3 sm:grid-cols-3">
                <label className="block text-sm font-medium">
                  Milestone
                  <select name="kind" className={inputClass}>
                    {MILESTONES.map((k) => (
                      <option key={k} value={k}>
                        {MILESTONE_LABEL[k]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block text-sm font-medium">
                  Planned
                  <input name="planned" className={inputClass} placeholder="2027-06" />
                </label>
                <label className="block text-sm font-medium">
                  Actual
                  <input name="actual" className={inputClass} placeholder="yyyy-MM-dd" />
                </label>
              </div>
            </ActionForm>
          ) : null}
        </Card>

        <Card title="Countries and sites">
          <p className="mb-3 text-sm text-slate-700">
            Organizations taking part:{" "}
            {proposal.interests.length
              ? proposal.interests.map((i) => `${i.organization.shortName}${i.level === "LEAD" ? " (lead)" : ""}`).join(", ")
              : "none recorded"}
          </p>
          {byCountry.size === 0 ? (
            <EmptyState>No countries or sites yet.</EmptyState>
          ) : (
            <ul className="space-y-2 text-sm">
              {[...byCountry.entries()].map(([c, sites]) => {
                const named = sites.filter((s) => s.facility);
                return (
                  <li key={c}>
                    <p className="font-medium">{countryLabel(c)}</p>
                    {named.length ? (
                      <p className="text-slate-700">
                        {named
                          .map(
                            (s) => `${s.facility}${s.city ? `, ${s.city}` : ""}${s.organization ? ` (${s.organization.shortName})` : ""}`,
                          )
                          .join("; ")}
                      </p>
                    ) : (
                      <p className="text-slate-600">Sites not listed</p>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {canManage ? (
            <ActionForm
              action={addSiteAction.bind(null, id, trial.id)}
              submitLabel="Add site"
              className="mt-4 border-t border-slate-200 pt-3"
              labels={{ country: "Country", facility: "Site" }}
            >
              <div className="grid gap-3 sm:grid-cols-2">
                <label className="block text-sm font-medium">
                  Country
                  <input name="country" className={inputClass} required />
                </label>
                <label className="block text-sm font-medium">
                  Site (empty: the country only)
                  <input name="facility" className={inputClass} />
                </label>
                <label className="block text-sm font-medium">
                  City
                  <input name="city" className={inputClass} />
                </label>
                <label className="block text-sm font-medium">
                  Organization
                  <select name="organizationId" defaultValue="" className={inputClass}>
                    <option value="">None</option>
                    {organizations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.shortName}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </ActionForm>
          ) : null}
        </Card>
      </div>
    </>
  );
}
