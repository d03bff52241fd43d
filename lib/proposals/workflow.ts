// The road of a trial proposal from draft to trial, as data. Pure: no Next.js, no Prisma.
// Which transitions exist, who may trigger each, and what must hold first, in one table.
import type { ProposalRole } from "@/lib/authz/rules";

export const PROPOSAL_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "VOTING",
  "APPROVED",
  "PLANNING",
  "UNDERWAY",
  "COMPLETED",
  "REJECTED",
  "WITHDRAWN",
  "CLOSED_EARLY",
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

// The part someone plays for one proposal is defined with the rules that read it (lib/authz/rules.ts).
export type { ProposalRole };
export const PROPOSAL_ROLES: readonly ProposalRole[] = ["author", "leadRepresentative", "chair", "secretariat", "system"];

/** Conditions checked on the server before a transition, whatever the page showed. */
export type Guard = "hypothesisComplete" | "eligible";

interface Transition {
  label: string;
  from: readonly ProposalStatus[];
  to: ProposalStatus;
  roles: readonly ProposalRole[];
  reasonRequired: boolean;
  guard?: Guard;
  /** Happens only through a vote (opening one, or its result), never as a bare status change. */
  viaVote?: true;
}

export const TRANSITIONS = {
  submit: {
    label: "Submit for review",
    from: ["DRAFT"],
    to: "SUBMITTED",
    roles: ["author", "leadRepresentative"],
    reasonRequired: false,
    guard: "hypothesisComplete",
  },
  startReview: { label: "Start review", from: ["SUBMITTED"], to: "IN_REVIEW", roles: ["chair", "secretariat"], reasonRequired: false },
  requestChanges: {
    label: "Request changes",
    from: ["SUBMITTED", "IN_REVIEW"],
    to: "DRAFT",
    roles: ["chair", "secretariat"],
    reasonRequired: true,
  },
  // Opening a vote fixes its rules and deadline (lib/votes); its close decides what follows.
  openVoting: {
    label: "Open voting",
    from: ["IN_REVIEW"],
    to: "VOTING",
    roles: ["chair", "secretariat"],
    reasonRequired: false,
    guard: "eligible",
    viaVote: true,
  },
  approve: { label: "Vote passed", from: ["VOTING"], to: "APPROVED", roles: ["system"], reasonRequired: false, viaVote: true },
  reject: { label: "Vote failed", from: ["VOTING"], to: "REJECTED", roles: ["system"], reasonRequired: false, viaVote: true },
  returnToReview: {
    label: "Vote without quorum",
    from: ["VOTING"],
    to: "IN_REVIEW",
    roles: ["system"],
    reasonRequired: false,
    viaVote: true,
  },
  startPlanning: {
    label: "Start planning",
    from: ["APPROVED"],
    to: "PLANNING",
    roles: ["leadRepresentative", "chair", "secretariat"],
    reasonRequired: false,
  },
  markUnderway: {
    label: "Mark trial underway",
    from: ["PLANNING"],
    to: "UNDERWAY",
    roles: ["leadRepresentative", "chair", "secretariat"],
    reasonRequired: false,
  },
  complete: { label: "Mark completed", from: ["UNDERWAY"], to: "COMPLETED", roles: ["chair", "secretariat"], reasonRequired: false },
  closeEarly: {
    label: "Close early",
    from: ["PLANNING", "UNDERWAY"],
    to: "CLOSED_EARLY",
    roles: ["chair", "secretariat"],
    reasonRequired: true,
  },
  withdraw: {
    label: "Withdraw",
    from: ["DRAFT", "SUBMITTED", "IN_REVIEW"],
    to: "WITHDRAWN",
    roles: ["author", "leadRepresentative", "chair", "secretariat"],
    reasonRequired: true,
  },
} as const satisfies Record<string, Transition>;

export type ProposalEvent = keyof typeof TRANSITIONS;
export const PROPOSAL_EVENTS = Object.keys(TRANSITIONS) as ProposalEvent[];

export const STATUS_LABEL: Record<ProposalStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  IN_REVIEW: "In review",
  VOTING: "Voting",
  APPROVED: "Approved",
  PLANNING: "Planning",
  UNDERWAY: "Underway",
  COMPLETED: "Completed",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
  CLOSED_EARLY: "Closed early",
};

/** A status as it reads after "the proposal is": "in planning", not "planning". */
export const STATUS_PHRASE: Record<ProposalStatus, string> = {
  DRAFT: "a draft",
  SUBMITTED: "submitted",
  IN_REVIEW: "in review",
  VOTING: "under vote",
  APPROVED: "approved",
  PLANNING: "in planning",
  UNDERWAY: "underway",
  COMPLETED: "completed",
  REJECTED: "rejected",
  WITHDRAWN: "withdrawn",
  CLOSED_EARLY: "closed early",
};

export const ROLE_LABEL: Record<ProposalRole, string> = {
  author: "an author",
  leadRepresentative: "the lead organization's representative",
  chair: "a chair of the expert group",
  secretariat: "the secretariat",
  system: "the result of the vote",
};

/** Text content is editable only while the proposal is a draft. */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ["DRAFT"];
/** Organizations say whether they would take part until the proposal goes to a vote. */
export const INTEREST_OPEN_STATUSES: readonly ProposalStatus[] = ["DRAFT", "SUBMITTED", "IN_REVIEW"];

export interface Facts {
  /** Which guards currently hold, with the reason when one does not. */
  guards: Record<Guard, { ok: boolean; why: string }>;
}

export type Decision = { ok: true; to: ProposalStatus } | { ok: false; reason: string };

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** May someone with these roles trigger this event now? If not, why not, in words for them. */
export function decide(
  status: ProposalStatus,
  event: ProposalEvent,
  roles: readonly ProposalRole[],
  facts: Facts,
  reason?: string,
): Decision {
  const t: Transition = TRANSITIONS[event];
  if (!t.from.includes(status)) {
    return { ok: false, reason: `"${t.label}" is not possible while the proposal is ${STATUS_PHRASE[status]}.` };
  }
  if (!roles.some((r) => t.roles.includes(r))) {
    if (t.roles.length === 1 && t.roles[0] === "system")
      return { ok: false, reason: "This follows from the result of a vote; it cannot be done by hand." };
    return { ok: false, reason: `Only ${list(t.roles.map((r) => ROLE_LABEL[r]))} can ${t.label.toLowerCase()}.` };
  }
  if (t.guard && !facts.guards[t.guard].ok) return { ok: false, reason: facts.guards[t.guard].why };
  if (t.reasonRequired && !reason?.trim()) return { ok: false, reason: `Give a reason to ${t.label.toLowerCase()}.` };
  return { ok: true, to: t.to };
}

/** The events a person could trigger from this status, ignoring guards (the page shows why one would be refused). */
export function availableEvents(status: ProposalStatus, roles: readonly ProposalRole[]): ProposalEvent[] {
  return PROPOSAL_EVENTS.filter((e) => {
    const t: Transition = TRANSITIONS[e];
    return t.from.includes(status) && roles.some((r) => t.roles.includes(r));
  });
}

export function isViaVote(event: ProposalEvent): boolean {
  return (TRANSITIONS[event] as Transition).viaVote === true;
}

/** A trial is followed from planning on. */
export const TRIAL_STATUSES = ["PLANNING", "UNDERWAY", "COMPLETED", "CLOSED_EARLY"] as const;

export const PUBLIC_STATUSES = ["APPROVED", "PLANNING", "UNDERWAY", "COMPLETED"] as const;
