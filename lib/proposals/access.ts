// Who someone is for one proposal, from the loaded proposal (never from the request). Pure.
import type { Actor } from "@/lib/authz/policy";
import type { ProposalRole } from "./workflow";

export interface ProposalContext {
  authorIds: readonly string[];
  leadOrganizationId: string | null;
  /** Chairs of the proposal's expert group. */
  chairIds: readonly string[];
}

export function proposalRoles(actor: Actor | null, p: ProposalContext): ProposalRole[] {
  if (!actor) return [];
  const roles: ProposalRole[] = [];
  if (p.authorIds.includes(actor.userId)) roles.push("author");
  if (actor.orgRole === "REPRESENTATIVE" && actor.organizationId && actor.organizationId === p.leadOrganizationId) {
    roles.push("leadRepresentative");
  }
  if (p.chairIds.includes(actor.userId)) roles.push("chair");
  if (actor.secretariat) roles.push("secretariat");
  return roles;
}

/** Editing the text of a draft: its authors, the lead organization's representative, the group's chairs, the secretariat. */
export function canEditProposal(roles: readonly ProposalRole[]): boolean {
  return roles.length > 0;
}

/** Starting a proposal: any member of the expert group (chair or member), or the secretariat. */
export function canCreateProposalIn(actor: Actor | null, isGroupMember: boolean): boolean {
  if (!actor) return false;
  return actor.secretariat || (isGroupMember && actor.organizationId !== null);
}
