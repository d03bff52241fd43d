import type { ComponentProps } from "react";
import { Badge, Card } from "@/components/ui";
import { NamedVersions } from "@/components/documents/NamedVersions";
import { actsForOrganization, type Actor } from "@/lib/authz/policy";
import { formatDateTime, utcOffset } from "@/lib/time";
import { suggestedClosingTime } from "@/lib/votes/schema";
import { PASS_RULE_TEXT, type PassRule } from "@/lib/votes/tally";
import type { getVotePanel } from "@/lib/votes/queries";
import { CHOICE_LABEL } from "@/lib/votes/labels";
import { BallotForm } from "./BallotForm";
import { CloseEarlyForm } from "./CloseEarlyForm";
import { Countdown } from "./Countdown";
import { OpenVoteForm } from "./OpenVoteForm";
import { ResultsChart } from "./ResultsChart";

type Vote = NonNullable<Awaited<ReturnType<typeof getVotePanel>>>;

const CHOICE_TONE = { APPROVE: "green", REJECT: "red", ABSTAIN: "neutral", RECUSE: "amber" } as const;
const OUTCOME = {
  PASSED: ["Passed", "green", "The proposal is approved."],
  FAILED: ["Failed", "red", "The proposal is rejected."],
  NO_QUORUM: ["No quorum", "amber", "Too few organizations voted: the proposal returns to review for the chair."],
} as const;

export function VotePanel({
  proposalId,
  vote,
  actor,
  zone,
  organizations,
  canOpen,
  openBlockedBecause,
  forecast,
  documents,
}: {
  proposalId: string;
  vote: Vote | null;
  actor: Actor;
  zone: string;
  organizations: { id: string; shortName: string }[];
  canOpen: boolean;
  openBlockedBecause: string | null;
  /** The accrual forecast in one sentence, so organizations vote knowing it. */
  forecast?: string | null;
  /** The proposal's documents, offered to whoever opens a vote. */
  documents: ComponentProps<typeof OpenVoteForm>["documents"];
}) {
  const myOrg = organizations.find((o) => o.id === actor.organizationId);
  const open = vote?.status === "OPEN";
  // Out of the members there were at the close (kept in its tally), or there are now while it is open.
  const members = vote?.tally ? vote.tally.cast + vote.tally.recused + vote.tally.notVoted : organizations.length;
  return (
    <Card title="Vote">
      {forecast ? (
        <p className="mb-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
          <span className="font-medium">Accrual forecast: </span>
          {forecast}
        </p>
      ) : null}
      {!vote || (!open && canOpen) ? (
        <div className="space-y-3">
          {!vote ? <p className="text-sm text-slate-700">No vote yet. Each member organization will have one ballot.</p> : null}
          {canOpen ? (
            <OpenVoteForm
              proposalId={proposalId}
              blockedBecause={openBlockedBecause}
              zone={zone}
              zoneLabel={`${zone.replace(/_/g, " ")}, ${utcOffset(zone)}`}
              defaultCloses={suggestedClosingTime(zone)}
              members={organizations.length}
              documents={documents}
            />
          ) : null}
        </div>
      ) : null}
      {vote ? (
        <div className="space-y-4">
          <div className="text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={open ? "amber" : OUTCOME[vote.outcome ?? "FAILED"][1]}>
                {open ? "Open" : `Closed: ${OUTCOME[vote.outcome ?? "FAILED"][0]}`}
              </Badge>
              {open ? <Countdown closesAt={vote.closesAt.toISOString()} /> : null}
            </p>
            <p className="mt-1 text-slate-700">
              {open ? "Closes" : "Closed"} {formatDateTime(open ? vote.closesAt : (vote.closedAt ?? vote.closesAt), zone)}
              {vote.closeReason ? ` by the secretariat: “${vote.closeReason}”` : ""}
            </p>
            <p className="mt-1 text-slate-700">
              Quorum: ballots from {vote.quorum} of {members} organizations. Passes with {PASS_RULE_TEXT[vote.passRule as PassRule]}.
            </p>
            {!open && vote.outcome ? <p className="mt-1 font-medium">{OUTCOME[vote.outcome][2]}</p> : null}
          </div>

          <div className="text-sm">
            <h3 className="font-medium text-slate-800">Voted on</h3>
            {vote.documents.length > 0 ? (
              <NamedVersions versions={vote.documents} zone={zone} label="Document versions this vote is on" />
            ) : (
              <p className="text-slate-600">No document versions were named when the vote was opened.</p>
            )}
          </div>

          {!open && vote.tally ? (
            <div>
              <ResultsChart
                data={[
                  { label: "Approve", count: vote.tally.approve, color: "#047857" },
                  { label: "Reject", count: vote.tally.reject, color: "#be123c" },
                  { label: "Abstain", count: vote.tally.abstain, color: "#64748b" },
                  { label: "Recused", count: vote.tally.recused, color: "#b45309" },
                  { label: "No ballot", count: vote.tally.notVoted, color: "#cbd5e1" },
                ]}
              />
            </div>
          ) : null}

          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {open ? "Which organizations have voted (how stays secret until the close)" : "Each organization's ballot"}
            </caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Organization
                </th>
                <th scope="col" className="py-1 font-medium">
                  {open ? "Ballot" : "Ballot and rationale"}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {organizations.map((org) => {
                const b = vote.ballots.find((x) => x.organizationId === org.id);
                return (
                  <tr key={org.id}>
                    <th scope="row" className="py-1 pr-2 font-medium">
                      {org.shortName}
                    </th>
                    <td className="py-1">
                      {!b ? (
                        <span className="text-slate-500">{open ? "Not yet" : "No ballot"}</span>
                      ) : b.choice ? (
                        <span>
                          <Badge tone={CHOICE_TONE[b.choice]}>{CHOICE_LABEL[b.choice]}</Badge>{" "}
                          {b.rationale ? <span className="text-slate-700">{b.rationale}</span> : null}
                          {b.castBy ? <span className="block text-xs text-slate-600">Cast by {b.castBy}</span> : null}
                        </span>
                      ) : (
                        <span className="text-slate-700">Voted</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>

          {open && actsForOrganization(actor) && myOrg ? (
            <BallotForm
              proposalId={proposalId}
              voteId={vote.id}
              organization={myOrg.shortName}
              current={vote.mine?.choice ? { choice: vote.mine.choice, rationale: vote.mine.rationale ?? "" } : null}
            />
          ) : null}
          {open && actor.secretariat ? <CloseEarlyForm proposalId={proposalId} voteId={vote.id} /> : null}
        </div>
      ) : null}
    </Card>
  );
}
