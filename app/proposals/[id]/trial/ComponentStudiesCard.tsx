// The national studies under the trial's umbrella: each with its sponsor, lead organization, countries, registry
// ids, target, accrual and forecast; the umbrella's roll-up below. Keepers add and edit studies; whoever may
// report a study's accrual (keepers, the representative or a deputy of its lead organization) reports it here.
import { ActionForm } from "@/components/ActionForm";
import { Badge, Card, EmptyState } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { countryLabel } from "@/lib/time";
import { vocabularyLabel } from "@/lib/vocabulary";
import { OVERALL_STATUSES } from "@/lib/trials/ctgov";
import { STUDY_TEXT_MAX } from "@/lib/trials/component-study-schema";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";
import { monitorSentence, monitorVerdict, targetDateSentence, VERDICT_LABEL, type TrialMonitorResult } from "@/lib/trials/monitoring";
import { STUDY_WINDOW_PROBLEM_LABEL } from "@/lib/trials/study-monitors";
import { REGISTRIES } from "@/lib/trials/registry";
import { RegistryIdFields } from "./fields";
import { recordAccrualAction } from "./actions";
import type { TrialCardProps } from "./card-props";
import { RegistryIdList } from "./RegistryCard";
import { createComponentStudyAction, removeComponentStudyAction, updateComponentStudyAction } from "./study-actions";

type Study = TrialCardProps["trial"]["componentStudies"][number];

const VERDICT_TONE = { "at-risk": "red", "on-track": "green", "too-early": "neutral", reached: "green" } as const;

/** A forecast in one or two sentences, or what it still needs. */
function Forecast({ result, what }: { result: TrialMonitorResult | null | undefined; what: "study" | "umbrella" }) {
  if (!result) return null;
  if (result.state === "missing")
    return (
      <p className="text-slate-600">
        Forecast needs {result.missing.map((p) => STUDY_WINDOW_PROBLEM_LABEL[p]).join(", ")}
        {what === "study" ? " (edit the study)" : ""}.
      </p>
    );
  if (result.state === "no-reports") return <p className="text-slate-600">Forecast starts with the first dated report.</p>;
  const verdict = monitorVerdict(result.monitor);
  const sentence = monitorSentence(result.window, result.monitor);
  return (
    <p>
      <Badge tone={VERDICT_TONE[verdict]}>{VERDICT_LABEL[verdict]}</Badge> {sentence.slice(sentence.indexOf(":") + 2)}{" "}
      {targetDateSentence(result.window, result.monitor)}
    </p>
  );
}

function Progress({ percent, label }: { percent: number | null; label: string }) {
  if (percent === null) return null;
  return (
    <div
      className="mt-1 h-2 w-full max-w-xs rounded bg-slate-200"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(percent, 100)}
    >
      <div className="h-2 rounded bg-brand-700" style={{ width: `${Math.min(percent, 100)}%` }} />
    </div>
  );
}

/** The fields of a study, empty for a new one, filled in to edit one (field ids are unique per form). */
function StudyFields({ study, organizations, prefix }: { study?: Study; organizations: TrialCardProps["organizations"]; prefix: string }) {
  const field = (name: string) => `${prefix}-${name}`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div>
        <label htmlFor={field("name")} className="block text-sm font-medium">
          Name
        </label>
        <LimitedInput
          id={field("name")}
          name="name"
          limit={STUDY_TEXT_MAX.name}
          className={inputClass}
          defaultValue={study?.name}
          required
        />
      </div>
      <div>
        <label htmlFor={field("shortName")} className="block text-sm font-medium">
          Short name (optional)
        </label>
        <LimitedInput
          id={field("shortName")}
          name="shortName"
          limit={STUDY_TEXT_MAX.shortName}
          className={inputClass}
          defaultValue={study?.shortName ?? ""}
          placeholder="J-BALLAD"
        />
      </div>
      <div>
        <label htmlFor={field("sponsor")} className="block text-sm font-medium">
          Sponsor (optional)
        </label>
        <LimitedInput
          id={field("sponsor")}
          name="sponsor"
          limit={STUDY_TEXT_MAX.sponsor}
          className={inputClass}
          defaultValue={study?.sponsor ?? ""}
        />
      </div>
      <label className="block text-sm font-medium">
        Lead organization (optional)
        <select name="leadOrganizationId" defaultValue={study?.leadOrganizationId ?? ""} className={inputClass}>
          <option value="">None of the member organizations</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.shortName}
            </option>
          ))}
        </select>
      </label>
      <div>
        <label htmlFor={field("countries")} className="block text-sm font-medium">
          Countries (names or codes, separated by commas)
        </label>
        <LimitedInput
          id={field("countries")}
          name="countries"
          limit={STUDY_TEXT_MAX.countries}
          className={inputClass}
          defaultValue={study?.countries.map(countryLabel).join(", ") ?? ""}
          placeholder="Japan"
        />
      </div>
      <label className="block text-sm font-medium">
        Target accrual (patients, optional)
        <input name="targetAccrual" inputMode="numeric" className={inputClass} defaultValue={study?.targetAccrual ?? ""} />
      </label>
      <label className="block text-sm font-medium">
        Status
        <select name="overallStatus" defaultValue={study?.overallStatus ?? "NOT_YET_RECRUITING"} className={inputClass}>
          {OVERALL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {vocabularyLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Accrual started (yyyy, yyyy-MM or yyyy-MM-dd)
        <input name="startDate" className={inputClass} defaultValue={study?.startDate ?? ""} placeholder="2017-05" />
      </label>
      <label className="block text-sm font-medium">
        Accrual planned to end (optional)
        <input name="plannedAccrualEnd" className={inputClass} defaultValue={study?.plannedAccrualEnd ?? ""} placeholder="2026-12" />
      </label>
      <div>
        <label htmlFor={field("source")} className="block text-sm font-medium">
          Source (optional)
        </label>
        <LimitedInput
          id={field("source")}
          name="source"
          limit={STUDY_TEXT_MAX.source}
          className={inputClass}
          defaultValue={study?.source ?? ""}
        />
      </div>
    </div>
  );
}

const LABELS = {
  name: "Name",
  shortName: "Short name",
  sponsor: "Sponsor",
  leadOrganizationId: "Lead organization",
  countries: "Countries",
  targetAccrual: "Target accrual",
  overallStatus: "Status",
  startDate: "Accrual started",
  plannedAccrualEnd: "Accrual planned to end",
  source: "Source",
  registry: "Registry",
  registryValue: "Registry id",
};

function StudyItem({ study, props }: { study: Study; props: TrialCardProps }) {
  const { id, trial, canManage, studies, organizations } = props;
  const figures = studies!.rollup.studies.find((s) => s.studyId === study.id)!;
  const name = study.shortName ?? study.name;
  const ids = trial.registryIds.filter((r) => r.componentStudyId === study.id);
  return (
    <li className="py-3" data-testid="component-study">
      <h3 className="font-semibold text-slate-900">
        {study.name}
        {study.shortName && !study.name.includes(study.shortName) ? (
          <span className="font-normal text-slate-600"> ({study.shortName})</span>
        ) : null}{" "}
        <Badge>{study.overallStatus === "UNKNOWN" ? "Status unknown" : vocabularyLabel(study.overallStatus)}</Badge>{" "}
        {study.illustrative ? <Badge tone="violet">illustrative</Badge> : null}
      </h3>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-slate-600">Sponsor</dt>
        <dd>{study.sponsor ?? "not recorded"}</dd>
        <dt className="text-slate-600">Lead organization</dt>
        <dd>{study.leadOrganization?.shortName ?? "none of the member organizations"}</dd>
        <dt className="text-slate-600">Countries</dt>
        <dd>{study.countries.length > 0 ? study.countries.map(countryLabel).join(", ") : "not recorded"}</dd>
        <dt className="text-slate-600">Registry ids</dt>
        <dd className="min-w-0">{ids.length > 0 ? <RegistryIdList ids={ids} /> : "none recorded"}</dd>
        <dt className="text-slate-600">Accrual period</dt>
        <dd>
          {study.startDate ? `from ${study.startDate}` : "start not recorded"}
          {study.plannedAccrualEnd ? `, planned to end ${study.plannedAccrualEnd}` : ""}
        </dd>
        <dt className="text-slate-600">Accrual</dt>
        <dd>
          {figures.accrued === null ? "none reported" : `${figures.accrued} enrolled${figures.asOf ? ` (${figures.asOf})` : ""}`}
          {study.targetAccrual ? ` of ${study.targetAccrual} planned` : ", no target recorded"}
          {figures.percent !== null ? ` · ${figures.percent}%` : ""}
          {trial.accrual.some((a) => a.componentStudyId === study.id && a.demo) ? (
            <>
              {" "}
              <Badge tone="amber">demo figures</Badge>
            </>
          ) : null}
          <Progress percent={figures.percent} label={`${name}: accrual against its target`} />
        </dd>
        <dt className="text-slate-600">Forecast</dt>
        <dd>
          <Forecast result={studies!.forecasts.get(study.id)} what="study" />
        </dd>
      </dl>
      {study.source ? <p className="mt-1 text-xs text-slate-600">Source: {study.source}</p> : null}
      {studies!.canReport.has(study.id) ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Report accrual for {name}</summary>
          <ActionForm
            action={recordAccrualAction.bind(null, id, trial.id)}
            submitLabel={`Report ${name}'s accrual`}
            className="mt-2"
            labels={{ date: "Date", total: "Patients so far", source: "Source", componentStudyId: "Study" }}
          >
            <input type="hidden" name="componentStudyId" value={study.id} />
            <div className="grid gap-3 sm:grid-cols-3">
              <label className="block text-sm font-medium">
                Date
                <input name="date" type="date" className={inputClass} required />
              </label>
              <label className="block text-sm font-medium">
                {name}&apos;s patients so far
                <input name="total" inputMode="numeric" className={inputClass} required />
              </label>
              <div>
                <label htmlFor={`study-${study.id}-source`} className="block text-sm font-medium">
                  Source
                </label>
                <LimitedInput id={`study-${study.id}-source`} name="source" limit={TRIAL_TEXT_MAX.source} className={inputClass} />
              </div>
            </div>
          </ActionForm>
        </details>
      ) : null}
      {canManage ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit {name}</summary>
          <ActionForm
            action={updateComponentStudyAction.bind(null, id, trial.id, study.id)}
            submitLabel={`Save ${name}`}
            className="mt-2"
            labels={LABELS}
            clearOnSuccess={false}
          >
            <input type="hidden" name="version" value={study.version} />
            <StudyFields study={study} organizations={organizations} prefix={`edit-${study.id}`} />
          </ActionForm>
          <ActionForm
            action={removeComponentStudyAction.bind(null, id, trial.id, study.id)}
            submitLabel={`Remove ${name}`}
            tone="quiet"
            className="mt-2"
          >
            <p className="text-sm text-slate-700">
              Its registry ids and documents go back to the whole trial. A study with accrual reported stays.
            </p>
          </ActionForm>
        </details>
      ) : null}
    </li>
  );
}

function Umbrella({ props }: { props: TrialCardProps }) {
  const r = props.studies!.rollup;
  return (
    <div className="mt-2 border-t border-slate-200 pt-3 text-sm" data-testid="umbrella-rollup">
      <h3 className="font-semibold text-slate-900">The trial as a whole</h3>
      <p>
        {r.accrued === null ? "No accrual reported" : `${r.accrued} enrolled`}
        {r.target ? ` of ${r.target} planned` : ""}
        {r.percent !== null ? ` (${r.percent}%)` : ""}.{" "}
        {props.trial.accrual.some((a) => a.componentStudyId && a.demo) ? (
          <>
            <Badge tone="amber">demo figures</Badge>{" "}
          </>
        ) : null}
        {r.targetFrom === "studies"
          ? "The target is the sum of the studies' targets."
          : r.targetFrom === "trial" && r.studiesTarget !== null
            ? `The trial's own target; the studies' targets add up to ${r.studiesTarget}.`
            : r.targetFrom === null && r.studiesWithoutTarget > 0
              ? `No target for the whole trial: ${r.studiesWithoutTarget === 1 ? "one study has" : `${r.studiesWithoutTarget} studies have`} none recorded.`
              : ""}
      </p>
      <Progress percent={r.percent} label="The trial as a whole: accrual against its target" />
      <p className="mt-1 text-slate-700">
        {r.accruedFrom === "studies"
          ? `Counted from the studies' latest reports${r.trialAccrued !== null ? ` (more than the latest report for the whole trial, ${r.trialAccrued})` : ""}.`
          : r.accruedFrom === "trial"
            ? `Counted from the latest report for the whole trial${r.studiesAccrued !== null ? ` (more than the studies' reports add up to, ${r.studiesAccrued})` : ""}.`
            : ""}{" "}
        A report for the whole trial already includes the studies&apos; patients, so the two are never added: the larger of the two is
        shown.
      </p>
      <Forecast result={props.studies!.umbrella} what="umbrella" />
    </div>
  );
}

export function ComponentStudiesCard(props: TrialCardProps) {
  const { id, trial, canManage, studies, organizations } = props;
  if (!studies && !canManage) return null;
  return (
    <Card title="Component studies" className="min-w-0 lg:col-span-2">
      <div id="component-studies">
        {studies ? (
          <>
            <p className="text-sm text-slate-700">
              National studies under this trial&apos;s umbrella, each with its own sponsor, registry ids, target and accrual.
            </p>
            <ul className="divide-y divide-slate-100">
              {trial.componentStudies.map((s) => (
                <StudyItem key={s.id} study={s} props={props} />
              ))}
            </ul>
            <Umbrella props={props} />
          </>
        ) : (
          <EmptyState>This trial is one study. Add a study when national studies run under its umbrella.</EmptyState>
        )}
        {canManage ? (
          <details className="mt-4 border-t border-slate-200 pt-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Add a study</summary>
            <ActionForm
              action={createComponentStudyAction.bind(null, id, trial.id)}
              submitLabel="Add the study"
              className="mt-2"
              labels={LABELS}
            >
              <StudyFields organizations={organizations} prefix="new-study" />
              <div className="mt-3">
                <RegistryIdFields valueName="registryValue" valueLabel="Its registry id (optional)" placeholder={REGISTRIES.jRCT.example} />
              </div>
            </ActionForm>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
