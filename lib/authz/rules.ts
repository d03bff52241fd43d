// What someone may do with one thing: a proposal, its trial record, an expert group, a comment.
// The capabilities in policy.ts say who may act at all; these rules add who they are for the thing
// itself, read from the loaded record (never from the request). One entry, `allowed`, for lib/ to
// refuse with (`assertAllowed`, which also narrows the actor) and for pages to decide what to show,
// so that no page or domain module writes a rule again. Pure: no Next.js, no Prisma.
import { AppError } from "@/lib/errors";
import { actsForOrganization, type Actor } from "./policy";

/**
 * The part someone plays for one proposal; one person can play several. "system" is the portal
 * itself, closing a vote at its deadline: no person holds it.
 */
export type ProposalRole = "author" | "leadRepresentative" | "chair" | "secretariat" | "system";

/** A proposal as far as who-may-what goes. */
export interface ProposalContext {
  authorIds: readonly string[];
  leadOrganizationId: string | null;
  /** Chairs of the proposal's expert group. */
  chairIds: readonly string[];
}

/** The part someone plays for one proposal; one person can play several. */
export function proposalRoles(actor: Actor | null, p: ProposalContext): ProposalRole[] {
  if (!actor) return [];
  const roles: ProposalRole[] = [];
  if (p.authorIds.includes(actor.userId)) roles.push("author");
  if (actsForOrganization(actor) && actor.organizationId === p.leadOrganizationId) {
    roles.push("leadRepresentative");
  }
  if (p.chairIds.includes(actor.userId)) roles.push("chair");
  if (actor.secretariat) roles.push("secretariat");
  return roles;
}

/** The thing each rule is about, as its rule needs it. */
export interface Resources {
  /** Editing a draft's text: its authors, the lead organization's representative, the group's chairs, the secretariat. */
  "proposal.edit": ProposalContext;
  /** Keeping the trial record: the lead organization's representative, the group's chairs, the secretariat. */
  "trial.keep": ProposalContext;
  /**
   * Reporting a trial's accrual: its keepers for the whole trial or any organization; the representative or
   * a deputy of an organization leading or taking part in it, for their own organization (`forOrganizationId`:
   * the organization the report is for, null for the whole trial). A report for a component study (`study`):
   * the trial's keepers, and the representative or a deputy of the study's lead organization.
   */
  "accrual.report": ProposalContext & {
    participatingOrganizationIds: readonly string[];
    forOrganizationId: string | null;
    study?: { leadOrganizationId: string | null } | null;
  };
  /** Opening a vote: the group's chairs and the secretariat (the workflow adds when). */
  "vote.open": ProposalContext;
  /** Starting a proposal in a group: its members who belong to an organization, and the secretariat. */
  "proposal.create": { isGroupMember: boolean };
  /** Convening a new expert group: the secretariat, and anyone who already chairs one. */
  "group.create": { chairsAnyGroup: boolean };
  /** Adding members and naming chairs: the group's chairs and the secretariat. */
  "group.manage": { chairsThisGroup: boolean };
  /** Activating, making dormant, closing or reopening a group: the secretariat, acting for IRCI's Board. */
  "group.status": Record<never, never>;
  /** Correcting a group's incidence and its source: the group's chairs and the secretariat. */
  "group.incidence": { chairsThisGroup: boolean };
  /**
   * Managing an organization's people (invite, set roles, deactivate, decide access requests): its
   * representative and deputies, and the secretariat for everyone. `organizationId` is the person's
   * organization as stored (null: a secretariat-only person, whom only the secretariat manages).
   */
  "people.manage": { organizationId: string | null };
  /**
   * Attaching, editing and removing an organization's feasibility sites on a proposal: its
   * representative and deputies only (as its interest is recorded; the secretariat does not).
   */
  "feasibility.edit": { organizationId: string };
  /**
   * Updating one step of a trial's start-up in one country: the trial's keepers for any country and step; the
   * representative or a deputy of the step's owner organization for its own steps (`ownerOrganizationId`).
   */
  "startup.update": ProposalContext & { ownerOrganizationId: string | null };
  /**
   * Uploading a document or a new version of one, on the proposal or its trial record: those who write and
   * keep it (its authors, the lead organization's representative and deputies, the group's chairs, the
   * secretariat). Reading documents follows reading the proposal.
   */
  "document.upload": ProposalContext;
  /** Editing a comment: its author. */
  "comment.edit": { authorId: string | null };
  /** Deleting a comment: its author and the secretariat. */
  "comment.delete": { authorId: string | null };
  /** Recording a decision in the register, and editing its options and rationale: the group's chairs and the secretariat. */
  "decision.record": { chairsThisGroup: boolean };
}
export type Rule = keyof Resources;

const RULES: { [R in Rule]: (actor: Actor, resource: Resources[R]) => boolean } = {
  "proposal.edit": (actor, p) => proposalRoles(actor, p).length > 0,
  "trial.keep": (actor, p) => proposalRoles(actor, p).some((r) => r === "leadRepresentative" || r === "chair" || r === "secretariat"),
  "accrual.report": (actor, p) =>
    RULES["trial.keep"](actor, p) ||
    (actsForOrganization(actor) &&
      actor.organizationId !== null &&
      (p.study
        ? p.study.leadOrganizationId === actor.organizationId
        : p.participatingOrganizationIds.includes(actor.organizationId) && p.forOrganizationId === actor.organizationId)),
  "vote.open": (actor, p) => proposalRoles(actor, p).some((r) => r === "chair" || r === "secretariat"),
  "proposal.create": (actor, g) => actor.secretariat || (g.isGroupMember && actor.organizationId !== null),
  "group.create": (actor, g) => actor.secretariat || g.chairsAnyGroup,
  "group.manage": (actor, g) => actor.secretariat || g.chairsThisGroup,
  "group.status": (actor) => actor.secretariat,
  "group.incidence": (actor, g) => actor.secretariat || g.chairsThisGroup,
  "people.manage": (actor, p) =>
    actor.secretariat || (p.organizationId !== null && actor.organizationId === p.organizationId && actsForOrganization(actor)),
  "feasibility.edit": (actor, s) => actsForOrganization(actor) && actor.organizationId === s.organizationId,
  "startup.update": (actor, s) =>
    RULES["trial.keep"](actor, s) ||
    (actsForOrganization(actor) && s.ownerOrganizationId !== null && actor.organizationId === s.ownerOrganizationId),
  "document.upload": (actor, p) => proposalRoles(actor, p).length > 0,
  "comment.edit": (actor, c) => c.authorId === actor.userId,
  "comment.delete": (actor, c) => c.authorId === actor.userId || actor.secretariat,
  "decision.record": (actor, g) => actor.secretariat || g.chairsThisGroup,
};

/** What a refused person is told, for each rule. */
const REFUSED: Record<Rule, string> = {
  "proposal.edit":
    "Only the authors, the lead organization's representative, the group's chairs and the secretariat can edit this proposal.",
  "trial.keep": "Only the lead organization's representative, the group's chairs and the secretariat keep the trial record.",
  "accrual.report":
    "Only the trial's keepers, the representatives of the organizations taking part (for their own organization) and of a study's lead organization (for its study) report accrual.",
  "vote.open": "Only a chair of the expert group or the secretariat can open a vote.",
  "proposal.create": "Only members of this expert group and the secretariat can start a proposal in it.",
  "group.create": "Only the secretariat and expert group chairs can convene a new group.",
  "group.manage": "Only the group's chairs and the secretariat can change its members.",
  "group.status": "Only the secretariat, acting for IRCI's Board, can activate, make dormant or close an expert group.",
  "group.incidence": "Only the group's chairs and the secretariat can correct its incidence.",
  "people.manage": "Only the organization's representative, its deputies and the secretariat manage its people.",
  "feasibility.edit": "Only the organization's representative or a deputy can change its sites.",
  "startup.update":
    "Only the trial's keepers, and the representative or a deputy of the organization that owns this step, update its start-up.",
  "document.upload":
    "Only the proposal's authors, the lead organization's representative, the group's chairs and the secretariat upload its documents.",
  "comment.edit": "Only its author can edit a comment.",
  "comment.delete": "Only its author or the secretariat can delete a comment.",
  "decision.record": "Only the expert group's chairs and the secretariat can record or edit its decisions.",
};

export function allowed<R extends Rule>(actor: Actor | null, rule: R, resource: Resources[R]): boolean {
  return actor !== null && RULES[rule](actor, resource);
}

/** Refuses (UNAUTHENTICATED or FORBIDDEN, with the rule's message) unless the rule allows it. */
export function assertAllowed<R extends Rule>(actor: Actor | null, rule: R, resource: Resources[R]): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  if (!RULES[rule](actor, resource)) throw new AppError("FORBIDDEN", REFUSED[rule]);
}
