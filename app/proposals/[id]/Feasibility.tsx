// The proposal page's "Site feasibility": each organization's sites with what they expect, the
// organization's pledge as their sum, who changed what, and for the representative or a deputy of an
// organization that recorded its interest, the forms for its own sites. Server component.
import { ActionForm } from "@/components/ActionForm";
import { Card, TableHead } from "@/components/ui";
import { formatPatients, pledgeFromSites } from "@/lib/feasibility/estimate";
import type { Feasibility as Data, FeasibilitySiteView } from "@/lib/feasibility/queries";
import { CAPABILITY_LABEL } from "@/lib/feasibility/schema";
import { formatDateTime } from "@/lib/time";
import { FeasibilityForm } from "./FeasibilityForm";
import { addFeasibilitySiteAction, editFeasibilitySiteAction, removeFeasibilitySiteAction } from "./feasibility-actions";

const CHANGE_WORDS = { ADDED: "added", EDITED: "changed", REMOVED: "removed" } as const;

function figures(s: {
  patientsSeenPerYear: number;
  eligibleShare: number;
  consentShare: number;
  competingTrials: number;
  monthsToActivation: number;
  expectedPerYear: number;
}) {
  return `${s.patientsSeenPerYear} seen a year, ${s.eligibleShare}% eligible, ${s.consentShare}% consenting, ${s.competingTrials} competing ${s.competingTrials === 1 ? "trial" : "trials"}, ${s.monthsToActivation} months to activation: ${formatPatients(s.expectedPerYear)} a year`;
}

function SitesTable({ organization, sites }: { organization: string; sites: FeasibilitySiteView[] }) {
  const pledge = pledgeFromSites(sites);
  return (
    // On a phone the table scrolls inside its own box; the page never runs off the screen.
    <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={`Sites of ${organization}`}>
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">Feasibility sites of {organization}</caption>
        <TableHead
          columns={[
            "Site",
            { label: "Expected a year", align: "right" },
            { label: "Seen a year", align: "right" },
            { label: "Eligible", align: "right" },
            { label: "Consenting", align: "right" },
            { label: "Competing trials", align: "right" },
            { label: "Months to activation", align: "right" },
            "Capabilities",
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {sites.map((s) => (
            <tr key={s.id} className="align-top">
              <th scope="row" className="py-2 pr-3 font-medium break-words">
                {s.name}
                {s.city || s.country ? (
                  <span className="block font-normal text-slate-600">{[s.city, s.country].filter(Boolean).join(", ")}</span>
                ) : null}
                {s.note ? <span className="block text-xs font-normal break-words text-slate-600">{s.note}</span> : null}
              </th>
              <td className="py-2 pr-3 text-right font-medium tabular-nums">{formatPatients(s.expectedPerYear)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{s.patientsSeenPerYear}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{s.eligibleShare}%</td>
              <td className="py-2 pr-3 text-right tabular-nums">{s.consentShare}%</td>
              <td className="py-2 pr-3 text-right tabular-nums">{s.competingTrials}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{s.monthsToActivation}</td>
              <td className="py-2 text-xs">
                {s.capabilities.length === 0 ? (
                  <span className="text-slate-500">None given</span>
                ) : (
                  <ul className="min-w-[9rem] space-y-0.5">
                    {s.capabilities.map((c) => (
                      <li key={c}>{CAPABILITY_LABEL[c]}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-200 font-medium">
          <tr>
            <th scope="row" className="py-2 pr-3">
              {organization}&apos;s pledge: {pledge.sites} {pledge.sites === 1 ? "site" : "sites"}
            </th>
            <td className="py-2 pr-3 text-right tabular-nums">{formatPatients(pledge.patientsPerYear)}</td>
            <td colSpan={6} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function Feasibility({
  proposalId,
  organizations,
  data,
  mine,
  zone,
}: {
  proposalId: string;
  organizations: { id: string; shortName: string }[];
  data: Data;
  /** The organization the viewer acts for, when its sites can be changed now, and whether it has recorded an interest that takes sites. */
  mine: { id: string; shortName: string; canAttach: boolean } | null;
  zone: string;
}) {
  const byOrg = organizations.flatMap((org) => {
    const sites = data.sites.filter((s) => s.organizationId === org.id);
    return sites.length > 0 || org.id === mine?.id ? [{ org, sites }] : [];
  });
  const name = (id: string) => organizations.find((o) => o.id === id)?.shortName ?? "An organization";
  return (
    <Card title="Site feasibility">
      <p className="text-sm text-slate-700">
        The sites each organization would open, as its representative or a deputy gives them; its pledge in the interest matrix is the sum
        over its sites. A site&apos;s expected patients a year are those it saw with this cancer in the last 12 months × the share eligible
        × the share consenting, shared evenly with its competing trials (divided by 1 + competing trials): a portal assumption, not a
        measured rate.
      </p>
      {byOrg.length === 0 ? <p className="mt-3 text-sm text-slate-600">No organization has attached sites yet.</p> : null}
      {byOrg.map(({ org, sites }) => (
        <section key={org.id} aria-labelledby={`feasibility-${org.id}`} className="mt-4">
          <h3 id={`feasibility-${org.id}`} className="font-semibold">
            {org.shortName}
          </h3>
          {sites.length > 0 ? (
            <SitesTable organization={org.shortName} sites={sites} />
          ) : (
            <p className="mt-1 text-sm text-slate-600">No sites yet.</p>
          )}
          {org.id === mine?.id ? (
            <OwnSites proposalId={proposalId} organization={org.shortName} sites={sites} canAttach={mine.canAttach} />
          ) : null}
        </section>
      ))}
      {data.changes.length > 0 ? (
        <details className="mt-4 border-t border-slate-200 pt-3 text-sm">
          <summary className="cursor-pointer font-semibold text-slate-800">
            Changes to sites ({data.changes.length}
            {data.earlier ? "+" : ""})
          </summary>
          <ol className="mt-2 space-y-2" aria-label="Changes to feasibility sites, newest first">
            {data.changes.map((c) => (
              <li key={c.id} className="border-l-2 border-brand-100 pl-3">
                <p>
                  <strong>{name(c.organizationId)}</strong> {CHANGE_WORDS[c.change]} <strong>{c.name}</strong>
                  {c.change === "REMOVED" ? null : <span className="text-slate-700"> · {figures(c)}</span>}
                </p>
                <p className="text-slate-600">
                  {c.by ?? "Loaded with the demo data"} · {formatDateTime(c.recordedAt, zone)}
                </p>
              </li>
            ))}
          </ol>
          {data.earlier ? <p className="mt-1 text-slate-600">Earlier changes are kept but not shown.</p> : null}
        </details>
      ) : null}
    </Card>
  );
}

function OwnSites({
  proposalId,
  organization,
  sites,
  canAttach,
}: {
  proposalId: string;
  organization: string;
  sites: FeasibilitySiteView[];
  canAttach: boolean;
}) {
  return (
    <div className="mt-3 space-y-2">
      {sites.map((s) => (
        <details key={s.id} className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">Edit or remove {s.name}</summary>
          <div className="mt-3">
            <FeasibilityForm
              action={editFeasibilitySiteAction.bind(null, proposalId, s.id)}
              idPrefix={`site-${s.id}`}
              site={s}
              version={s.version}
              submitLabel={`Save ${s.name}`}
            />
            <ActionForm
              action={removeFeasibilitySiteAction.bind(null, proposalId, s.id)}
              submitLabel={`Remove ${s.name}`}
              tone="danger"
              className="mt-3 border-t border-slate-200 pt-3"
            >
              <input type="hidden" name="version" value={s.version} />
              <p className="text-sm text-slate-700">Removing a site takes it out of {organization}&apos;s pledge; its history is kept.</p>
            </ActionForm>
          </div>
        </details>
      ))}
      {canAttach ? (
        <details open={sites.length === 0} className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">Add a site for {organization}</summary>
          <div className="mt-3">
            <FeasibilityForm action={addFeasibilitySiteAction.bind(null, proposalId)} idPrefix="site-new" submitLabel="Add site" />
          </div>
        </details>
      ) : (
        <p className="text-sm text-slate-700">
          Record {organization}&apos;s interest above first (lead, participate or interested): its sites are attached to that interest.
        </p>
      )}
    </div>
  );
}
