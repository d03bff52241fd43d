import type { Tone } from "@/components/ui";
import type { ProposalStatus } from "@/lib/proposals/workflow";

export { STATUS_LABEL } from "@/lib/proposals/workflow";

export const STATUS_TONE: Record<ProposalStatus, Tone> = {
  DRAFT: "neutral",
  SUBMITTED: "violet",
  IN_REVIEW: "violet",
  VOTING: "amber",
  APPROVED: "green",
  PLANNING: "brand",
  UNDERWAY: "brand",
  COMPLETED: "green",
  REJECTED: "red",
  WITHDRAWN: "neutral",
  CLOSED_EARLY: "red",
};

export const INTEREST_LABEL = { LEAD: "Lead", PARTICIPATE: "Participate", INTERESTED: "Interested", DECLINED: "Declined" } as const;
export const INTEREST_TONE: Record<keyof typeof INTEREST_LABEL, Tone> = {
  LEAD: "green",
  PARTICIPATE: "brand",
  INTERESTED: "amber",
  DECLINED: "neutral",
};
