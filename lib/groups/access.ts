// Who may shape expert groups. Pure.
import type { Actor } from "@/lib/authz/policy";

/** Convening a new group: the secretariat, or anyone who already chairs a group. */
export function canCreateGroup(actor: Actor | null, chairsAnyGroup: boolean): boolean {
  return Boolean(actor && (actor.secretariat || chairsAnyGroup));
}

/** Adding members and naming chairs: the secretariat, or a chair of that group. */
export function canManageGroup(actor: Actor | null, chairsThisGroup: boolean): boolean {
  return Boolean(actor && (actor.secretariat || chairsThisGroup));
}
