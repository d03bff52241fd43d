// The result of a vote from its ballots and the rules shown on it. Pure.

export type Choice = "APPROVE" | "REJECT" | "ABSTAIN" | "RECUSE";
export type PassRule = "MORE_APPROVE_THAN_REJECT" | "TWO_THIRDS_OF_DECIDED";
export type Outcome = "PASSED" | "FAILED" | "NO_QUORUM";

export const MEMBER_ORGANIZATIONS = 8;
export const DEFAULT_QUORUM = 5;

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
  organizations = MEMBER_ORGANIZATIONS,
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
