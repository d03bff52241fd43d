import { describe, expect, it } from "vitest";
import { defaultQuorum, tally, type Choice, type Outcome, type PassRule } from "./tally";

const A = "APPROVE",
  R = "REJECT",
  X = "ABSTAIN",
  C = "RECUSE";
const MAJ: PassRule = "MORE_APPROVE_THAN_REJECT";
const TWO: PassRule = "TWO_THIRDS_OF_DECIDED";

// [ballots, quorum, rule, outcome, why]
const CASES: [Choice[], number, PassRule, Outcome, string][] = [
  [[A, A, A, A, A], 5, MAJ, "PASSED", "five approvals"],
  [[A, A, A, R, R], 5, MAJ, "PASSED", "3 to 2"],
  [[A, A, R, R, X], 5, MAJ, "FAILED", "a tie is not more approvals than rejections"],
  [[A, R, X, X, X], 5, MAJ, "FAILED", "abstentions do not help either side: 1 to 1"],
  [[A, X, X, X, X], 5, MAJ, "PASSED", "one approval, no rejection, quorum through abstentions"],
  [[X, X, X, X, X], 5, MAJ, "FAILED", "all abstain: no approval"],
  [[A, A, A, A], 5, MAJ, "NO_QUORUM", "four ballots for a quorum of five"],
  [[A, A, A, A, C], 5, MAJ, "NO_QUORUM", "a recusal counts as not voting"],
  [[A, A, A, A, C, C, C, C], 5, MAJ, "NO_QUORUM", "four recusals"],
  [[], 5, MAJ, "NO_QUORUM", "nobody voted"],
  [[A, A, A, R, R, R, X, X], 8, MAJ, "FAILED", "all eight, 3 to 3"],
  [[A, A, A, A, R, R, X, X], 8, MAJ, "PASSED", "all eight, 4 to 2"],
  [[A], 1, MAJ, "PASSED", "a quorum of one"],
  [[A, A, R], 3, TWO, "PASSED", "exactly two thirds"],
  [[A, A, R, R, X], 5, TWO, "FAILED", "half"],
  [[A, A, A, A, R, R, X], 5, TWO, "PASSED", "4 of 6 decided"],
  [[A, A, A, R, R, X], 5, TWO, "FAILED", "3 of 5 decided is under two thirds"],
  [[X, X, X, X, X], 5, TWO, "FAILED", "nothing decided"],
];

describe("tally", () => {
  it.each(CASES)("%j, quorum %i, %s: %s (%s)", (ballots, quorum, passRule, outcome) => {
    expect(tally(ballots, { quorum, passRule }, 8).outcome).toBe(outcome);
  });

  it("counts every kind of answer and who did not answer", () => {
    expect(tally([A, A, R, X, C], { quorum: 5, passRule: MAJ }, 8)).toEqual({
      approve: 2,
      reject: 1,
      abstain: 1,
      recused: 1,
      notVoted: 3,
      cast: 4,
      quorum: 5,
      quorumMet: false,
      outcome: "NO_QUORUM",
    });
  });
});

describe("default quorum", () => {
  it("is a majority of the member organizations: 5 of 8 as before, and it follows their number", () => {
    expect([1, 2, 3, 4, 7, 8, 9, 10, 11, 12].map((n) => [n, defaultQuorum(n)])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 3],
      [7, 4],
      [8, 5],
      [9, 5],
      [10, 6],
      [11, 6],
      [12, 7],
    ]);
  });

  it("counts the organizations that did not answer out of however many there are", () => {
    expect(tally([A, A, R], { quorum: 5, passRule: MAJ }, 9).notVoted).toBe(6);
    expect(tally([A, A, R], { quorum: 5, passRule: MAJ }, 8).notVoted).toBe(5);
  });
});

describe("closing time limits", () => {
  it("keeps a vote open at least a day, except in the demo", async () => {
    const { closingTimeProblem, DEMO_MIN_OPEN_MINUTES } = await import("./schema");
    const now = new Date("2026-11-25T12:00:00Z");
    expect(closingTimeProblem(new Date("2026-11-26T11:00:00Z"), now)).toMatch(/at least 24 hours/);
    expect(closingTimeProblem(new Date("2026-11-26T12:00:00Z"), now)).toBeNull();
    expect(closingTimeProblem(new Date("2026-11-25T12:02:00Z"), now, DEMO_MIN_OPEN_MINUTES)).toBeNull();
    expect(closingTimeProblem(new Date("2026-11-25T11:00:00Z"), now, DEMO_MIN_OPEN_MINUTES)).toMatch(/future/);
    expect(closingTimeProblem(new Date("2027-03-01T12:00:00Z"), now)).toMatch(/at most 60 days/);
  });
});
