import Link from "next/link";
import { Card, PageHeader } from "@/components/ui";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { pageData } from "@/lib/page-data";
import { getStartupStep } from "@/lib/startup/queries";
import { ANCHOR_WORDS, STATE_LABEL, dateWords, isoDay } from "@/lib/startup/steps";
import { countryLabel, formatDateTime } from "@/lib/time";
import { updateStartupStepAction } from "../../../startup-actions";
import { StartupStepForm } from "../../StartupStepForm";

// One step of a trial's start-up in one country, for the trial's keepers and the step's owner organization.
export const metadata = { title: "Start-up step" };

const day = (d: Date | null) => (d ? isoDay(d) : "");

export default async function StartupStepPage({ params }: { params: Promise<{ id: string; country: string; step: string }> }) {
  const { id, country, step } = await params;
  const path = `/proposals/${id}/trial/startup/${country}/${step}`;
  const { actor, session } = await requirePage("proposal.view", path);
  const { trialId, title, cell, anchor, canManage, history, organizations } = await pageData(
    getStartupStep(actor, id, country, step),
    path,
  );
  const row = cell.row;
  const owners = new Map(organizations.map((o) => [o.id, o.shortName]));
  const ownerName = cell.ownerOrganizationId ? (owners.get(cell.ownerOrganizationId) ?? "") : "No organization";
  const partial = row?.actualDate && row.actualPrecision !== "DAY" ? dateWords(row.actualDate, row.actualPrecision) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title={`${cell.label}: ${countryLabel(cell.country)}`}
        description={<Link href={`/proposals/${id}/trial#startup`}>{title}</Link>}
      />
      <Card title="Update this step">
        <p className="mb-3 text-sm text-slate-700">
          {anchor
            ? `Days count from ${ANCHOR_WORDS[anchor.from]}, ${dateWords(anchor.date, anchor.precision)}; the target for this step is ${cell.timing.target} days.`
            : `The target for this step is ${cell.timing.target} days from approval.`}{" "}
          Every change is kept in the step&apos;s history and the audit log.
          {row?.illustrative ? " What the demo filled in here is illustrative: saving makes it your record." : ""}
        </p>
        {row?.source ? <p className="mb-3 text-sm text-slate-700">Source of the record: {row.source}</p> : null}
        <StartupStepForm
          action={updateStartupStepAction.bind(null, id, trialId, cell.country, cell.step)}
          version={row?.version ?? 0}
          organizations={organizations}
          canChooseOwner={canManage}
          ownerName={ownerName}
          actualHint={partial ? `The record says ${partial} only: it stays so unless you change the date.` : undefined}
          step={{
            state: row?.state ?? "NOT_STARTED",
            plannedDate: day(row?.plannedDate ?? null),
            actualDate: day(row?.actualDate ?? null),
            blockedSince: day(row?.blockedSince ?? null),
            blockedReason: row?.blockedReason ?? "",
            ownerOrganizationId: cell.ownerOrganizationId ?? "",
          }}
        />
      </Card>
      <Card title="History">
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing recorded yet.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {history.map((h) => (
              <li key={h.id}>
                <span className="text-slate-600">{formatDateTime(h.recordedAt, viewerTimeZone(session))}:</span> {STATE_LABEL[h.state]}
                {h.actualDate ? `, done ${dateWords(h.actualDate, h.actualPrecision)}` : ""}
                {h.plannedDate ? `, planned ${dateWords(h.plannedDate)}` : ""}
                {h.state === "BLOCKED" && h.blockedReason ? `: ${h.blockedReason}` : ""}
                {h.illustrative ? " (illustrative)" : ""}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
