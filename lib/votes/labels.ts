// A vote's codes as people read them, for the vote panel and the ballot export. Pure.
import type { BallotChoice, VoteOutcome } from "@/lib/generated/prisma/enums";

export const CHOICE_LABEL: Record<BallotChoice, string> = { APPROVE: "Approve", REJECT: "Reject", ABSTAIN: "Abstain", RECUSE: "Recused" };
export const OUTCOME_LABEL: Record<VoteOutcome, string> = { PASSED: "Passed", FAILED: "Failed", NO_QUORUM: "No quorum" };
