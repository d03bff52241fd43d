import "server-only";
// Decisions the portal writes itself, inside the transaction of the change they record: a vote's
// close (approved or rejected), a group's convening (its activation from proposed), a trial's
// early end (its status, with the reason the keeper gave). Each is audited in the same transaction.
import { audit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/prisma-client";
import type { Tally } from "@/lib/votes/tally";
import { PASS_RULE_TEXT } from "@/lib/votes/tally";
import { vocabularyLabel } from "@/lib/vocabulary";

type Tx = Prisma.TransactionClient;

/** Today as the register writes it (UTC, the date the change is made). */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

async function write(tx: Tx, actorId: string | null, data: Prisma.DecisionUncheckedCreateInput) {
  const decision = await tx.decision.create({ data: { ...data, recordedById: actorId } });
  await audit(tx, {
    actorId,
    action: "decision.recorded",
    entityType: "decision",
    entityId: decision.id,
    groupId: decision.groupId,
    data: { kind: decision.kind, title: decision.title, automatic: true, voteId: decision.voteId, proposalId: decision.proposalId },
  });
  return decision;
}

/**
 * The decision of a vote that passed or failed. One per vote: the close that calls this is the one
 * that moved the vote from open (a guarded update), and the unique voteId refuses any second.
 * A vote without quorum decides nothing (the proposal returns to review): no record.
 */
export async function recordVoteDecision(
  tx: Tx,
  input: {
    voteId: string;
    proposalId: string;
    actorId: string | null;
    result: Tally;
    passRule: keyof typeof PASS_RULE_TEXT;
    reason?: string;
  },
) {
  const { result } = input;
  if (result.outcome === "NO_QUORUM") return null;
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: input.proposalId }, select: { title: true, groupId: true } });
  const passed = result.outcome === "PASSED";
  const counts = `${result.approve} approve, ${result.reject} reject, ${result.abstain} abstain${result.recused ? `, ${result.recused} recused` : ""}`;
  const decision = await write(tx, input.actorId, {
    kind: passed ? "PROPOSAL_APPROVED" : "PROPOSAL_REJECTED",
    title: `${passed ? "Approved" : "Rejected"}: ${proposal.title}`,
    decidedOn: todayUtc(),
    options: "Approve the proposal\nReject the proposal",
    rationale:
      `The member organizations' vote ${passed ? "passed" : "failed"}: ${counts} (quorum ${result.quorum}; rule: ${PASS_RULE_TEXT[input.passRule]}).` +
      (input.reason ? ` Closed early by the secretariat: ${input.reason}` : ""),
    voteId: input.voteId,
    proposalId: input.proposalId,
    groupId: proposal.groupId,
    public: false,
  });
  // The decision rests on the document versions the vote was on.
  const voted = await tx.voteDocument.findMany({ where: { voteId: input.voteId }, select: { documentVersionId: true } });
  if (voted.length > 0) {
    await tx.decisionDocument.createMany({ data: voted.map((v) => ({ decisionId: decision.id, documentVersionId: v.documentVersionId })) });
  }
  return decision;
}

/** A group convened: activated from proposed by the secretariat for IRCI's Board, with the reason given. */
export async function recordGroupConvened(tx: Tx, input: { groupId: string; actorId: string; reason: string }) {
  const group = await tx.expertGroup.findUniqueOrThrow({ where: { id: input.groupId }, select: { name: true, cancer: true } });
  return write(tx, input.actorId, {
    kind: "GROUP_CONVENED",
    title: `${group.name} convened`,
    decidedOn: todayUtc(),
    options: "Convene the group\nLeave it proposed",
    rationale: input.reason,
    groupId: input.groupId,
    public: true,
  });
}

/** A trial ended or halted before its time (terminated, withdrawn, suspended), with the keeper's reason. */
export async function recordTrialClosedEarly(
  tx: Tx,
  input: { proposalId: string; actorId: string; from: string; to: string; reason: string },
) {
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: input.proposalId }, select: { title: true, groupId: true } });
  return write(tx, input.actorId, {
    kind: "TRIAL_CLOSED_EARLY",
    title: `${proposal.title}: ${vocabularyLabel(input.to).toLowerCase()}`,
    decidedOn: todayUtc(),
    options: `Continue the trial (${vocabularyLabel(input.from).toLowerCase()})\n${vocabularyLabel(input.to)}`,
    rationale: input.reason,
    proposalId: input.proposalId,
    groupId: proposal.groupId,
    public: true,
  });
}

/**
 * A proposal in planning or underway closed early by its group's chairs or the secretariat, with the
 * reason. Not again when its trial record already ended it (terminated or withdrawn): that change
 * recorded the decision, with its own reason.
 */
export async function recordProposalClosedEarly(tx: Tx, input: { proposalId: string; actorId: string; from: string; reason: string }) {
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: input.proposalId },
    select: { title: true, groupId: true, trial: { select: { overallStatus: true } } },
  });
  if (proposal.trial && ["TERMINATED", "WITHDRAWN"].includes(proposal.trial.overallStatus)) return null;
  return write(tx, input.actorId, {
    kind: "TRIAL_CLOSED_EARLY",
    title: `${proposal.title}: closed early`,
    decidedOn: todayUtc(),
    options: `Continue (${input.from.toLowerCase()})\nClose early`,
    rationale: input.reason,
    proposalId: input.proposalId,
    groupId: proposal.groupId,
    public: true,
  });
}
