import type { Tone } from "@/components/ui";
import type { GROUP_STATUS_LABEL } from "@/lib/groups/status";

export { GROUP_STATUS_LABEL } from "@/lib/groups/status";
export const GROUP_STATUS_TONE: Record<keyof typeof GROUP_STATUS_LABEL, Tone> = {
  PROPOSED: "violet",
  ACTIVE: "green",
  DORMANT: "amber",
  CLOSED: "neutral",
};
export const ORG_ROLE_LABEL = { MEMBER: "Member", DEPUTY: "Deputy representative", REPRESENTATIVE: "Representative" } as const;
export const GROUP_ROLE_LABEL = { CHAIR: "Chair", MEMBER: "Member" } as const;

export { vocabularyLabel } from "@/lib/vocabulary";
