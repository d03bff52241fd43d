// The decision register's real decisions, from the public record only (each with its source): the
// first five expert groups convened in 2011, GOG-0277 closed early for accrual futility, EORTC 1206
// closed to patient entry. Dates are as precise as the sources are (a year when only the year is
// known). Options considered are not in the sources, so none are given. Written once by their seed
// key; reseeding never overwrites what a chair or the secretariat edited since.
// Then the decisions of votes that closed before the register existed, derived from the votes themselves.
import type { PrismaClient } from "@/lib/prisma-client";
import type { DecisionKind } from "@/lib/generated/prisma/enums";
import { PASS_RULE_TEXT } from "@/lib/votes/tally";

interface SeedDecision {
  seedKey: string;
  kind: DecisionKind;
  title: string;
  decidedOn: string;
  rationale: string;
  source: string;
  group: string;
  proposalId?: string;
}

const FIRST_GROUPS_SOURCE =
  "Cancer Research UK, 'Research into rare cancers'; EORTC and Cancer Research UK press releases of 18 November 2011 (the first five IRCI groups)";
const CRITERIA =
  "IRCI takes up a rare cancer when there is a testable hypothesis, interest from multiple international partners, and no other forum to bring together everyone needed to run the trial.";

const FIRST_GROUPS: [slug: string, name: string][] = [
  ["salivary", "Salivary gland cancer"],
  ["small-bowel", "Small bowel adenocarcinoma"],
  ["uterine-sarcoma", "Gynaecological (uterine) sarcoma"],
  ["ocular-melanoma", "Ocular (eye) melanoma"],
  ["penile", "Penile cancer"],
];

export const SEED_DECISIONS: SeedDecision[] = [
  ...FIRST_GROUPS.map(([slug, name]) => ({
    seedKey: `group-convened-${slug}`,
    kind: "GROUP_CONVENED" as const,
    title: `${name} expert group convened`,
    decidedOn: "2011",
    rationale: `One of the first five expert groups IRCI convened, in 2011. ${CRITERIA}`,
    source: FIRST_GROUPS_SOURCE,
    group: slug,
  })),
  {
    seedKey: "gog-0277-closed-early",
    kind: "TRIAL_CLOSED_EARLY",
    title: "GOG-0277 closed early for accrual futility",
    decidedOn: "2016",
    rationale:
      "NCI closed the trial for accrual futility: 38 of the 216 planned patients had enrolled in about four years (2012-2016), with 701 sites open.",
    source: "Hensley et al., J Clin Oncol 2018;36:3324 (PMC6241678)",
    group: "uterine-sarcoma",
    proposalId: "irci-gog-0277",
  },
  {
    seedKey: "eortc-1206-closed-to-entry",
    kind: "OTHER",
    title: "EORTC 1206 closed to patient entry",
    decidedOn: "2021-11-30",
    rationale:
      "The trial, activated on 4 February 2015 with a target of 152 patients, closed to patient entry on 30 November 2021. Our sources do not state the reasoning behind the date.",
    source: "EORTC trial page for EORTC 1206 (NCT01969578)",
    group: "salivary",
    proposalId: "irci-eortc-1206",
  },
];

export async function seedDecisions(db: PrismaClient): Promise<number> {
  const groups = new Map((await db.expertGroup.findMany({ select: { id: true, slug: true } })).map((g) => [g.slug, g.id]));
  const proposals = new Set(
    (await db.proposal.findMany({ where: { id: { in: SEED_DECISIONS.flatMap((d) => d.proposalId ?? []) } }, select: { id: true } })).map(
      (p) => p.id,
    ),
  );
  let written = 0;
  for (const { group, proposalId, ...fields } of SEED_DECISIONS) {
    const groupId = groups.get(group);
    if (!groupId || (proposalId && !proposals.has(proposalId))) continue;
    await db.decision.upsert({
      where: { seedKey: fields.seedKey },
      create: { ...fields, groupId, proposalId: proposalId ?? null, public: true, illustrative: false },
      update: {},
    });
    written++;
  }
  return written + (await deriveVoteDecisions(db));
}

/** Votes that passed or failed without a decision (closed before the register): their decision, dated by the close, audited. */
async function deriveVoteDecisions(db: PrismaClient): Promise<number> {
  const votes = await db.vote.findMany({
    where: { status: "CLOSED", outcome: { in: ["PASSED", "FAILED"] }, decision: null },
    take: 500,
    select: {
      id: true,
      outcome: true,
      tally: true,
      quorum: true,
      passRule: true,
      closedAt: true,
      closeReason: true,
      proposal: { select: { id: true, title: true, groupId: true } },
    },
  });
  for (const v of votes) {
    const passed = v.outcome === "PASSED";
    const t = (v.tally ?? {}) as Record<string, number>;
    await db.$transaction(async (tx) => {
      const decision = await tx.decision.create({
        data: {
          kind: passed ? "PROPOSAL_APPROVED" : "PROPOSAL_REJECTED",
          title: `${passed ? "Approved" : "Rejected"}: ${v.proposal.title}`,
          decidedOn: (v.closedAt ?? new Date()).toISOString().slice(0, 10),
          options: "Approve the proposal\nReject the proposal",
          rationale:
            `The member organizations' vote ${passed ? "passed" : "failed"}: ${t.approve ?? 0} approve, ${t.reject ?? 0} reject, ${t.abstain ?? 0} abstain ` +
            `(quorum ${v.quorum}; rule: ${PASS_RULE_TEXT[v.passRule]}).` +
            (v.closeReason ? ` Closed early by the secretariat: ${v.closeReason}` : ""),
          voteId: v.id,
          proposalId: v.proposal.id,
          groupId: v.proposal.groupId,
        },
      });
      await tx.auditEvent.create({
        data: {
          action: "decision.recorded",
          entityType: "decision",
          entityId: decision.id,
          groupId: decision.groupId,
          data: { kind: decision.kind, voteId: v.id, derivedFromClosedVote: true },
        },
      });
    });
  }
  return votes.length;
}
