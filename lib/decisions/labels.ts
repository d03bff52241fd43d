// The decision register's codes as people read them. Pure: pages, exports and tests share it.
import type { DecisionKind } from "@/lib/generated/prisma/enums";

export type { DecisionKind };

export const DECISION_KINDS = [
  "GROUP_CONVENED",
  "PROPOSAL_APPROVED",
  "PROPOSAL_REJECTED",
  "DESIGN_CHANGE",
  "TRIAL_CLOSED_EARLY",
  "OTHER",
] as const satisfies readonly DecisionKind[];

export const DECISION_KIND_LABEL: Record<DecisionKind, string> = {
  GROUP_CONVENED: "Expert group convened",
  PROPOSAL_APPROVED: "Proposal approved",
  PROPOSAL_REJECTED: "Proposal rejected",
  DESIGN_CHANGE: "Design change",
  TRIAL_CLOSED_EARLY: "Trial closed early",
  OTHER: "Other decision",
};

/**
 * What a chair or the secretariat records by hand. Approvals and rejections come from votes only,
 * a group's convening from its activation, a trial's early close from its status: those are
 * written by the change itself, so that the register cannot say what did not happen.
 */
export const MANUAL_KINDS = ["DESIGN_CHANGE", "OTHER"] as const satisfies readonly DecisionKind[];

export function isDecisionKind(value: string): value is DecisionKind {
  return (DECISION_KINDS as readonly string[]).includes(value);
}

/** A trial's overall status (ClinicalTrials.gov) that ends or halts it before its time: recorded as a decision, with its reason. */
export const CLOSING_TRIAL_STATUSES = ["TERMINATED", "WITHDRAWN", "SUSPENDED"] as const;

export function closesTrialEarly(status: string): boolean {
  return (CLOSING_TRIAL_STATUSES as readonly string[]).includes(status);
}

/** Options are kept one per line: as a list, blank lines dropped. */
export function optionList(options: string): string[] {
  return options
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-*•]\s*/, "").trim())
    .filter(Boolean);
}
