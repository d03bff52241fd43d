// An expert group's life, as data: the secretariat (acting for IRCI's Board) activates a proposed
// group, lets an active one go dormant, wakes a dormant one, closes any, and may reopen a closed one.
// Pure: no Next.js, no Prisma, so pages, lib/ and the tests read the same table.
import type { GroupStatus } from "@/lib/generated/prisma/enums";

export type { GroupStatus };

export const GROUP_STATUSES = ["PROPOSED", "ACTIVE", "DORMANT", "CLOSED"] as const satisfies readonly GroupStatus[];

export const GROUP_STATUS_LABEL = { PROPOSED: "Proposed", ACTIVE: "Active", DORMANT: "Dormant", CLOSED: "Closed" } as const;

/** Where a group may go from each status. Nothing goes back to "proposed": that is where groups start. */
export const GROUP_STATUS_CHANGES: Record<GroupStatus, readonly GroupStatus[]> = {
  PROPOSED: ["ACTIVE", "CLOSED"],
  ACTIVE: ["DORMANT", "CLOSED"],
  DORMANT: ["ACTIVE", "CLOSED"],
  CLOSED: ["ACTIVE"],
};

/** The words of the button or choice that moves a group from one status to another. */
export function statusChangeLabel(from: GroupStatus, to: GroupStatus): string {
  if (to === "ACTIVE") return from === "PROPOSED" ? "Activate" : from === "CLOSED" ? "Reopen as active" : "Reactivate";
  if (to === "DORMANT") return "Make dormant";
  if (to === "CLOSED") return "Close";
  return GROUP_STATUS_LABEL[to];
}

export function isGroupStatus(value: string): value is GroupStatus {
  return (GROUP_STATUSES as readonly string[]).includes(value);
}

export function mayChangeStatus(from: GroupStatus, to: GroupStatus): boolean {
  return GROUP_STATUS_CHANGES[from].includes(to);
}
