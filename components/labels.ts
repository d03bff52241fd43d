import type { Tone } from "@/components/ui";
import type { GROUP_STATUS_LABEL } from "@/lib/groups/status";

export { GROUP_STATUS_LABEL } from "@/lib/groups/status";
export const GROUP_STATUS_TONE: Record<keyof typeof GROUP_STATUS_LABEL, Tone> = {
  PROPOSED: "violet",
  ACTIVE: "green",
  DORMANT: "amber",
  CLOSED: "neutral",
};
export const ORG_ROLE_LABEL = { MEMBER: "Member", REPRESENTATIVE: "Representative" } as const;
export const GROUP_ROLE_LABEL = { CHAIR: "Chair", MEMBER: "Member" } as const;

/** ClinicalTrials.gov's vocabulary (ACTIVE_NOT_RECRUITING, PHASE2) as words: "Active not recruiting", "Phase 2". */
export function vocabularyLabel(value: string): string {
  // The registry's phase "NA": a study without phases (devices, behavioural studies).
  if (value === "NA") return "Not applicable";
  return (value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ")).replace(/([a-z])(\d)/g, "$1 $2");
}
