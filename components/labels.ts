import type { Tone } from "@/components/ui";

export const GROUP_STATUS_LABEL = { PROPOSED: "Proposed", ACTIVE: "Active", DORMANT: "Dormant", CLOSED: "Closed" } as const;
export const GROUP_STATUS_TONE: Record<keyof typeof GROUP_STATUS_LABEL, Tone> = {
  PROPOSED: "violet",
  ACTIVE: "green",
  DORMANT: "amber",
  CLOSED: "neutral",
};
export const ORG_ROLE_LABEL = { MEMBER: "Member", REPRESENTATIVE: "Representative" } as const;
export const GROUP_ROLE_LABEL = { CHAIR: "Chair", MEMBER: "Member" } as const;

export { vocabularyLabel } from "@/lib/vocabulary";
