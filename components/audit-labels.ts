// What each kind of audit event is called on screen: people read "Signed in", never "auth.signed_in".
// Pure. components/audit-labels.test.ts checks that every action the code records has its words here.
import { PROPOSAL_EVENTS, TRANSITIONS, type ProposalEvent } from "@/lib/proposals/workflow";

const ACTIONS: Record<string, string> = {
  "auth.signed_in": "Signed in",
  "auth.signed_out": "Signed out",
  "auth.signed_out_elsewhere": "Signed out everywhere else",
  "auth.session_signed_out": "Signed out another session",
  "auth.identity_linked": "Organization sign-in linked",
  "auth.sso_refused": "Organization sign-in refused",
  "access.requested": "Access requested through an organization's sign-in",
  "sso.configured": "Organization sign-on connected",
  "sso.changed": "Organization sign-on changed",
  "sso.removed": "Organization sign-on removed",
  "person.added": "Person added",
  "person.deactivated": "Person deactivated",
  "person.reactivated": "Person reactivated",
  "person.role_set": "Role in organization changed",
  "person.secretariat_granted": "Secretariat capability granted",
  "person.secretariat_removed": "Secretariat capability removed",
  "invitation.sent": "Invitation sent",
  "invitation.revoked": "Invitation withdrawn",
  "invitation.accepted": "Invitation accepted",
  "access.approved": "Access request approved",
  "access.refused": "Access request refused",
  "person.time_zone_set": "Own time zone set",
  "setting.changed": "Setting changed",
  "organization.added": "Member organization added",
  "email.settings_changed": "Email settings changed",
  "email.unsubscribed": "Unsubscribed from email",
  "group.created": "Expert group convened",
  "group.member_set": "Group member added or changed",
  "group.member_removed": "Group member removed",
  "group.status_changed": "Expert group status changed",
  "group.incidence_corrected": "Expert group incidence corrected",
  "proposal.created": "Proposal started",
  "proposal.saved": "Proposal revision saved",
  "proposal.imported": "Proposal loaded from reference data",
  "interest.recorded": "Partner interest recorded",
  "feasibility.site_added": "Feasibility site added",
  "feasibility.site_edited": "Feasibility site changed",
  "feasibility.site_removed": "Feasibility site removed",
  "decision.recorded": "Decision recorded",
  "decision.edited": "Decision edited",
  "comment.posted": "Comment posted",
  "comment.edited": "Comment edited",
  "comment.deleted": "Comment deleted",
  "ballot.cast": "Ballot cast",
  "vote.closed": "Vote closed",
  "trial.created": "Trial record created",
  "trial.updated": "Trial details updated",
  "trial.imported": "Trial imported from ClinicalTrials.gov",
  "trial.import_undone": "Import from ClinicalTrials.gov undone",
  "trial.registry_added": "Registry id added",
  "trial.registry_removed": "Registry id removed",
  "trial.accrual_recorded": "Accrual recorded",
  "trial.accrual_corrected": "Accrual report corrected",
  "trial.accrual_retracted": "Accrual report retracted",
  "trial.milestone_set": "Milestone set",
  "trial.site_added": "Trial site added",
  "trial.site_corrected": "Trial site corrected",
  "trial.site_removed": "Trial site removed",
  "startup.step_updated": "Start-up step updated",
  "startup.country_added": "Country added to the start-up tracker",
};
// Each step of the workflow, by the words the proposal page uses for it ("Start review", "Vote passed").
for (const event of PROPOSAL_EVENTS) ACTIONS[`proposal.${event}`] = TRANSITIONS[event as ProposalEvent].label;

export const AUDIT_ACTIONS: ReadonlySet<string> = new Set(Object.keys(ACTIONS));

export function auditActionLabel(action: string): string {
  return ACTIONS[action] ?? "Other change";
}
