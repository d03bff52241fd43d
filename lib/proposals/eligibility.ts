// IRCI's criteria for taking a proposal to a vote, computed from the proposal as it is now.
// Pure: the page shows the checklist, the server refuses to open a vote unless every item holds.

export interface EligibilityInput {
  incidencePer100k: number | null;
  /** Rare means strictly below this many cases per 100,000 people per year. */
  threshold: number;
  hypothesis: { population: string; intervention: string; comparator: string; primaryOutcome: string };
  noOtherForum: string;
  /** Each organization's current interest, with the organization's country. */
  interests: { organization: string; country: string; level: "LEAD" | "PARTICIPATE" | "INTERESTED" | "DECLINED" }[];
}

export type CriterionId = "rare" | "hypothesis" | "partners" | "noOtherForum";

export interface Criterion {
  id: CriterionId;
  label: string;
  ok: boolean;
  /** What holds, or what is missing, in words. */
  detail: string;
}

const HYPOTHESIS_PARTS = {
  population: "population",
  intervention: "intervention",
  comparator: "comparator",
  primaryOutcome: "primary outcome",
} as const;

export function missingHypothesisParts(h: EligibilityInput["hypothesis"]): string[] {
  return (Object.keys(HYPOTHESIS_PARTS) as (keyof typeof HYPOTHESIS_PARTS)[]).filter((k) => !h[k].trim()).map((k) => HYPOTHESIS_PARTS[k]);
}

export function checkEligibility(input: EligibilityInput): Criterion[] {
  const { incidencePer100k: incidence, threshold } = input;
  const rare: Criterion = {
    id: "rare",
    label: "The cancer is rare",
    ok: incidence !== null && incidence < threshold,
    detail:
      incidence === null
        ? "The expert group has no incidence recorded."
        : incidence < threshold
          ? `${incidence} per 100,000 per year, below the threshold of ${threshold}.`
          : `${incidence} per 100,000 per year is not below the threshold of ${threshold}.`,
  };

  const missing = missingHypothesisParts(input.hypothesis);
  const hypothesis: Criterion = {
    id: "hypothesis",
    label: "The hypothesis is testable and complete",
    ok: missing.length === 0,
    detail:
      missing.length === 0 ? "Population, intervention, comparator and primary outcome are given." : `Missing: ${missing.join(", ")}.`,
  };

  const committed = input.interests.filter((i) => i.level === "LEAD" || i.level === "PARTICIPATE");
  const leads = input.interests.filter((i) => i.level === "LEAD");
  const countries = new Set(committed.map((i) => i.country));
  const problems: string[] = [];
  if (committed.length < 2)
    problems.push(`${committed.length} organization${committed.length === 1 ? "" : "s"} will lead or participate; at least 2 are needed`);
  else if (countries.size < 2)
    problems.push("the organizations that will take part are all in one country; at least 2 countries are needed");
  if (leads.length === 0) problems.push("no organization leads");
  if (leads.length > 1) problems.push(`${leads.length} organizations say they lead; exactly one must`);
  const partners: Criterion = {
    id: "partners",
    label: "International partners: at least two organizations from two countries, one of them leading",
    ok: problems.length === 0,
    detail:
      problems.length === 0
        ? `${committed.map((i) => i.organization).join(", ")} in ${countries.size} ${countries.size === 1 ? "country" : "countries"}; ${leads[0]?.organization} leads.`
        : `${problems.join("; ")}.`.replace(/^./, (c) => c.toUpperCase()),
  };

  const noOtherForum: Criterion = {
    id: "noOtherForum",
    label: "No other forum can bring everyone together",
    ok: input.noOtherForum.trim().length > 0,
    detail: input.noOtherForum.trim() ? "The reason is given." : "Say why no other forum fits.",
  };

  return [rare, hypothesis, partners, noOtherForum];
}

export function isEligible(criteria: Criterion[]): boolean {
  return criteria.every((c) => c.ok);
}

/** Why a vote cannot open yet, as one sentence, or null when it can. */
export function ineligibilityReason(criteria: Criterion[]): string | null {
  const failing = criteria.filter((c) => !c.ok);
  if (failing.length === 0) return null;
  return `Not yet eligible for a vote: ${failing.map((c) => c.detail.replace(/\.$/, "")).join("; ")}.`;
}
