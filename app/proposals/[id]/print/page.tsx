import { requirePage } from "@/lib/authz/session";
import { pageData } from "@/lib/page-data";
import { getProposal } from "@/lib/proposals/queries";
import { PHASE_LABEL } from "@/lib/proposals/schema";
import { STATUS_LABEL } from "@/lib/proposals/workflow";
import { currentAccrual, MILESTONES, MILESTONE_LABEL } from "@/lib/trials/progress";
import { getTrial } from "@/lib/trials/queries";
import { PrintButton } from "./PrintButton";

export const metadata = { title: "Summary" };

const INTEREST = { LEAD: "leads", PARTICIPATE: "participates", INTERESTED: "interested", DECLINED: "declined" } as const;

/** One page: what a board member takes into a meeting. */
export default async function PrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/proposals/${id}/print`;
  const { actor } = await requirePage("proposal.view", path);
  const [{ proposal: p, organizations, criteria }, { trial }] = await Promise.all([
    pageData(getProposal(actor, id), path),
    pageData(getTrial(actor, id), path),
  ]);
  const org = new Map(organizations.map((o) => [o.id, o.shortName]));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <article className="mx-auto max-w-3xl bg-white p-8 text-sm leading-relaxed text-slate-900 shadow print:max-w-none print:p-0 print:shadow-none">
      <div className="flex items-start justify-between gap-4">
        <p className="text-xs tracking-widest text-slate-600 uppercase">International Rare Cancer Initiative · summary of {today}</p>
        <PrintButton />
      </div>
      <h1 className="mt-2 text-xl font-bold">{p.title}</h1>
      <p className="mt-1">
        {STATUS_LABEL[p.status]} · {p.group.name} · lead: {p.leadOrganization?.shortName ?? p.leadDescription ?? "not named"}
      </p>
      <h2 className="mt-4 font-semibold">Hypothesis</h2>
      {/* Each part as its authors wrote it: the parts are often whole sentences, which a sentence
          built around them ("In …, … compared with …") garbled. */}
      <dl className="mt-1 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1">
        {(
          [
            ["Population", p.population],
            ["Intervention", p.intervention],
            ["Comparator", p.comparator],
            ["Primary outcome", p.primaryOutcome],
          ] as const
        ).map(([term, text]) => (
          <div key={term} className="contents">
            <dt className="font-medium">{term}</dt>
            <dd>{text || "not given"}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1">
        Design:{" "}
        {[
          p.phase ? PHASE_LABEL[p.phase as keyof typeof PHASE_LABEL] : null,
          p.randomised === null ? null : p.randomised ? "randomised" : "not randomised",
          p.sampleSize ? `${p.sampleSize} patients` : null,
          p.plannedAccrualMonths ? `accrual over ${p.plannedAccrualMonths} months` : null,
        ]
          .filter(Boolean)
          .join(", ") || "not given"}
        .
      </p>
      <h2 className="mt-4 font-semibold">IRCI criteria</h2>
      <ul className="list-disc pl-5">
        {criteria.map((c) => (
          <li key={c.id}>
            {c.ok ? "Met" : "Not met"}: {c.label.toLowerCase()}. {c.detail}
          </li>
        ))}
      </ul>
      <h2 className="mt-4 font-semibold">Partners</h2>
      <p>
        {p.interests.length
          ? p.interests.map((i) => `${org.get(i.organizationId)} ${INTEREST[i.level]}`).join("; ")
          : "No interest recorded."}
      </p>
      {trial ? (
        <>
          <h2 className="mt-4 font-semibold">Trial</h2>
          <p>
            {trial.overallStatus.toLowerCase().replace(/_/g, " ")} · registry ids:{" "}
            {trial.registryIds.map((r) => r.value).join(", ") || "none"} · accrual: {currentAccrual(trial.accrual) ?? "not reported"}
            {trial.targetAccrual ? ` of ${trial.targetAccrual}` : ""}
          </p>
          <p>
            Milestones:{" "}
            {MILESTONES.map((k) => ({ k, m: trial.milestones.find((m) => m.kind === k) }))
              .filter(({ m }) => m?.actual || m?.planned)
              .map(({ k, m }) => `${MILESTONE_LABEL[k]} ${m!.actual ?? `planned ${m!.planned}`}`)
              .join("; ") || "none recorded"}
          </p>
        </>
      ) : null}
    </article>
  );
}
