import "server-only";
// Who keeps a trial's record: checked against the proposal it belongs to, before any write.
import { db } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { requireKey } from "@/lib/validation";
import { allowed, assertAllowed } from "@/lib/authz/rules";

/** The lead organization's representative, the group's chairs and the secretariat keep the trial record. */
export async function authorizeProposal(actor: Actor, proposalId: string) {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      title: true,
      status: true,
      leadOrganizationId: true,
      authors: { select: { userId: true } },
      group: { select: { members: { where: { role: "CHAIR" }, select: { userId: true } } } },
      trial: { select: { id: true } },
    },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  assertAllowed(actor, "trial.keep", {
    authorIds: proposal.authors.map((a) => a.userId),
    leadOrganizationId: proposal.leadOrganizationId,
    chairIds: proposal.group.members.map((m) => m.userId),
  });
  return proposal;
}

export async function authorizeTrial(actor: Actor | null, trialId: string) {
  assertCan(actor, "proposal.view");
  const trial = await db.trial.findUnique({ where: { id: trialId }, select: { id: true, proposalId: true } });
  if (!trial) throw new AppError("NOT_FOUND", "No such trial.");
  await authorizeProposal(actor, trial.proposalId);
  // The keeper, narrowed: whoever passed the checks above is signed in.
  return { keeper: actor, trial };
}

/** Refuses anyone who does not keep this trial's record (for work done before any write). */
export async function assertKeepsTrial(actor: Actor | null, trialId: string): Promise<void> {
  trialId = requireKey(trialId, "trial");
  await authorizeTrial(actor, trialId);
}

/**
 * Who may report this trial's accrual, and for whom: its keepers for the whole trial, any organization or any
 * component study; the representative or a deputy of an organization leading or taking part, for their own
 * organization only (`forOrganizationId` is then theirs, whatever the form said); the representative or a deputy
 * of a study's lead organization, for that study (`componentStudyId`, a study of this trial or refused).
 */
export async function authorizeAccrualReport(actor: Actor | null, trialId: string, componentStudyId: string | null = null) {
  assertCan(actor, "proposal.view");
  const trial = await db.trial.findUnique({
    where: { id: trialId },
    select: {
      id: true,
      proposalId: true,
      proposal: {
        select: {
          leadOrganizationId: true,
          authors: { select: { userId: true } },
          group: { select: { members: { where: { role: "CHAIR" }, select: { userId: true } } } },
          interests: { where: { level: { in: ["LEAD", "PARTICIPATE"] } }, select: { organizationId: true } },
        },
      },
    },
  });
  if (!trial) throw new AppError("NOT_FOUND", "No such trial.");
  const study = componentStudyId
    ? await db.componentStudy.findFirst({
        where: { id: componentStudyId, trialId },
        select: { id: true, name: true, leadOrganizationId: true, targetAccrual: true },
      })
    : null;
  if (componentStudyId && !study) throw new ValidationError({ componentStudyId: "Choose a study of this trial from the list." });
  const context = {
    authorIds: trial.proposal.authors.map((a) => a.userId),
    leadOrganizationId: trial.proposal.leadOrganizationId,
    chairIds: trial.proposal.group.members.map((m) => m.userId),
  };
  const keeps = allowed(actor, "trial.keep", context);
  // A study's report is the whole study's: for no organization.
  const forOrganizationId = keeps || study ? null : (actor?.organizationId ?? null);
  assertAllowed(actor, "accrual.report", {
    ...context,
    participatingOrganizationIds: trial.proposal.interests.map((i) => i.organizationId),
    forOrganizationId,
    study,
  });
  return { reporter: actor, trial: { id: trial.id, proposalId: trial.proposalId }, keeps, forOrganizationId, study };
}
