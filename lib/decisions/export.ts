import "server-only";
// The register as CSV rows: what the reader may see (visitors: public decisions, without votes),
// bounded like the minutes. Labels, never codes; organizations by name.
import type { Actor } from "@/lib/authz/policy";
import { CHOICE_LABEL, OUTCOME_LABEL } from "@/lib/votes/labels";
import { DECISION_KIND_LABEL, optionList } from "./labels";
import { decisionMinutes } from "./queries";
import type { DecisionFilters } from "./schema";

export const DECISION_CSV_COLUMNS = [
  { key: "decidedOn", header: "Decided on" },
  { key: "kind", header: "Kind" },
  { key: "title", header: "Title" },
  { key: "group", header: "Expert group" },
  { key: "proposal", header: "Proposal or trial" },
  { key: "options", header: "Options considered" },
  { key: "rationale", header: "Rationale" },
  { key: "vote", header: "Vote" },
  { key: "dissent", header: "Dissent" },
  { key: "restsOn", header: "Rests on (document versions)" },
  { key: "visibility", header: "Visibility" },
  { key: "illustrative", header: "Illustrative" },
  { key: "source", header: "Source" },
] as const;

type Key = (typeof DECISION_CSV_COLUMNS)[number]["key"];

export async function decisionCsvRows(actor: Actor | null, filters: DecisionFilters): Promise<Record<Key, string>[]> {
  const { items } = await decisionMinutes(actor, filters);
  return items.map((d) => {
    const tally = d.vote?.tally as Record<string, number> | null | undefined;
    return {
      decidedOn: d.decidedOn,
      kind: DECISION_KIND_LABEL[d.kind],
      title: d.title,
      group: d.group?.name ?? "",
      proposal: d.proposal?.title ?? "",
      options: optionList(d.options).join("; "),
      rationale: d.rationale,
      vote: d.vote
        ? `${d.vote.outcome ? OUTCOME_LABEL[d.vote.outcome] : ""}${tally ? `: ${tally.approve ?? 0} approve, ${tally.reject ?? 0} reject, ${tally.abstain ?? 0} abstain` : ""}`
        : "",
      dissent: d.vote
        ? d.vote.ballots
            .map((b) => `${b.organization.name} (${CHOICE_LABEL[b.choice].toLowerCase()})${b.rationale ? `: ${b.rationale}` : ""}`)
            .join("; ")
        : "",
      restsOn: d.documents
        .map(({ documentVersion: v }) => `${v.document.title}, version ${v.number} (${v.uploadedAt.toISOString().slice(0, 10)})`)
        .join("; "),
      visibility: d.public ? "Public" : "Members only",
      illustrative: d.illustrative ? "Yes" : "No",
      source: d.source ?? "",
    };
  });
}
