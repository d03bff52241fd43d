// The result of a vote from its ballots and the rules shown on it. Pure.

export type Choice = "APPROVE" | "REJECT" | "ABSTAIN" | "RECUSE";
export type PassRule = "MORE_APPROVE_THAN_REJECT" | "TWO_THIRDS_OF_DECIDED";
export type Outcome = "PASSED" | "FAILED" | "NO_QUORUM";

/**
 * The quorum a vote asks for unless its opener chooses another: a majority of the member
 * organizations, so 5 of 8 (IRCI's rule since it had eight), 5 of 9, 6 of 10. It follows the
 * Organization table: admitting a member moves it without a code change.
 */
export function defaultQuorum(memberOrganizations: number): number {
  return Math.floor(Math.max(0, memberOrganizations) / 2) + 1;
}

export const PASS_RULE_TEXT: Record<PassRule, string> = {
  MORE_APPROVE_THAN_REJECT: "more approvals than rejections among the ballots cast (abstentions count toward quorum only)",
  TWO_THIRDS_OF_DECIDED: "at least two thirds of the approvals and rejections are approvals (abstentions count toward quorum only)",
};

export interface Tally {
  approve: number;
  reject: number;
  abstain: number;
  recused: number;
  /** Organizations with no ballot at all. */
  notVoted: number;
  /** Ballots that count toward quorum: approve, reject and abstain. */
  cast: number;
  quorum: number;
  quorumMet: boolean;
  outcome: Outcome;
}

export function tally(
  choices: readonly Choice[],
  rules: { quorum: number; passRule: PassRule },
  /** How many member organizations could have voted. */
  organizations: number,
): Tally {
  const count = (c: Choice) => choices.filter((x) => x === c).length;
  const approve = count("APPROVE");
  const reject = count("REJECT");
  const abstain = count("ABSTAIN");
  const recused = count("RECUSE");
  const cast = approve + reject + abstain;
  const quorumMet = cast >= rules.quorum;
  let outcome: Outcome;
  if (!quorumMet) outcome = "NO_QUORUM";
  else if (rules.passRule === "MORE_APPROVE_THAN_REJECT") outcome = approve > reject ? "PASSED" : "FAILED";
  else outcome = approve + reject > 0 && approve * 3 >= (approve + reject) * 2 ? "PASSED" : "FAILED";
  return { approve, reject, abstain, recused, notVoted: organizations - choices.length, cast, quorum: rules.quorum, quorumMet, outcome };
}
