// The decision register against a real PostgreSQL: a vote's close records its decision exactly once,
// however many closes race; a group's convening and a trial's early end record theirs with the change;
// rule "decision.record" (the group's chairs and the secretariat) allows and refuses; every write is
// audited in its transaction; a stale edit is refused; visitors read public decisions only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import { SEED_DECISIONS } from "@/ops/seed/decisions";
import type { Actor } from "@/lib/authz/policy";
import { castBallot, openVote } from "@/lib/votes/mutations";
import { closeDueVotes, closeVote } from "@/lib/votes/close";
import { changeGroupStatus } from "@/lib/groups/changes";
import { updateTrial } from "@/lib/trials/mutations";
import { transitionProposal } from "@/lib/proposals/mutations";
import { editDecision, recordDecision } from "@/lib/decisions/mutations";
import { getDecision, listDecisions } from "@/lib/decisions/queries";
import { decisionCsvRows } from "@/lib/decisions/export";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let chair: Actor; // Emil Stratum chairs the salivary group
let groupMember: Actor; // Casey Cohort is a member of the salivary group (and chairs uterine sarcoma)
let secretariat: Actor;
let reps: Record<string, Actor>;
let salivaryId: string;
let counter = 0;
const run = Date.now().toString(36);

async function proposalIn(status: "IN_REVIEW" | "PLANNING") {
  const [eortc, jcog] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { slug: "eortc" } }),
    db.organization.findUniqueOrThrow({ where: { slug: "jcog" } }),
  ]);
  return db.proposal.create({
    data: {
      id: `decision-test-${run}-${++counter}`,
      groupId: salivaryId,
      leadOrganizationId: eortc.id,
      status,
      title: `Decision test proposal ${run} ${counter}`,
      population: "P",
      intervention: "I",
      comparator: "C",
      primaryOutcome: "O",
      noOtherForum: "Only IRCI",
      interests: {
        create: [
          { organizationId: eortc.id, level: "LEAD" },
          { organizationId: jcog.id, level: "PARTICIPATE" },
        ],
      },
    },
  });
}

const decision = (input: Record<string, unknown> = {}) => ({
  about: `group:${salivaryId}`,
  kind: "DESIGN_CHANGE",
  title: `Design change ${run} ${++counter}`,
  decidedOn: "2026-11-20",
  options: "Keep two arms\nAdd a third arm",
  rationale: "Two arms answer the question with the patients the group can reach.",
  public: "",
  ...input,
});

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  chair = await actorFor(db, "emil.stratum@eortc.irci.example");
  groupMember = await actorFor(db, "casey.cohort@nci.irci.example");
  secretariat = await makePerson(db, { secretariat: true });
  const emails: Record<string, string> = {
    nci: "riley.placebo@nci.irci.example",
    nihr: "jordan.endpoint@nihr.irci.example",
    cruk: "taylor.protocol@cruk.irci.example",
    eortc: "robin.crossover@eortc.irci.example",
    inca: "camille.mediane@inca.irci.example",
  };
  reps = Object.fromEntries(await Promise.all(Object.entries(emails).map(async ([o, e]) => [o, await actorFor(db, e)])));
  salivaryId = (await db.expertGroup.findUniqueOrThrow({ where: { slug: "salivary" } })).id;
});
afterAll(() => db.$disconnect());

describe("a vote's close records its decision", () => {
  it("once, with the vote linked, the tally and the dissent by organization name, even when two closes race", async () => {
    const p = await proposalIn("IN_REVIEW");
    const vote = await openVote(chair, p.id, {
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      quorum: 5,
      passRule: "MORE_APPROVE_THAN_REJECT",
    });
    for (const org of ["nci", "nihr", "cruk", "eortc"]) await castBallot(reps[org]!, vote.id, { choice: "APPROVE", rationale: "" });
    await castBallot(reps.inca!, vote.id, { choice: "REJECT", rationale: "Too few French centres see this cancer." });
    await db.vote.update({ where: { id: vote.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    // The deadline's close and the secretariat's early close at the same moment, twice over.
    await Promise.all([
      closeVote(vote.id, { actorId: null, early: false }),
      closeVote(vote.id, { actorId: secretariat.userId, early: true, reason: "Everyone has voted." }),
      closeDueVotes(),
      closeVote(vote.id, { actorId: null, early: false }),
    ]);
    const decisions = await db.decision.findMany({ where: { voteId: vote.id } });
    expect(decisions).toHaveLength(1);
    const d = decisions[0]!;
    expect(d).toMatchObject({ kind: "PROPOSAL_APPROVED", proposalId: p.id, groupId: salivaryId, public: false });
    expect(d.rationale).toContain("4 approve, 1 reject, 0 abstain");
    expect(await db.auditEvent.count({ where: { entityType: "decision", entityId: d.id, action: "decision.recorded" } })).toBe(1);

    const page = await listDecisions(groupMember, { q: p.title });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.vote!.ballots).toEqual([
      {
        choice: "REJECT",
        rationale: "Too few French centres see this cancer.",
        organization: { name: expect.stringContaining("French"), shortName: "INCa" },
      },
    ]);
  });

  it("a second insert for the same vote is refused by the database", async () => {
    const existing = await db.decision.findFirstOrThrow({ where: { voteId: { not: null } }, select: { voteId: true } });
    await expect(
      db.decision.create({ data: { kind: "OTHER", title: "Again", decidedOn: "2026-12-01", rationale: "x", voteId: existing.voteId } }),
    ).rejects.toThrow();
  });
});

describe("rule decision.record", () => {
  it("the group's chair and the secretariat record a decision, audited in its transaction", async () => {
    for (const actor of [chair, secretariat]) {
      const d = await recordDecision(actor, decision());
      expect(d).toMatchObject({ kind: "DESIGN_CHANGE", groupId: salivaryId, recordedById: actor.userId, version: 1 });
      const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "decision", entityId: d.id } });
      expect(audit).toMatchObject({ action: "decision.recorded", actorId: actor.userId, groupId: salivaryId });
    }
  });

  it("on a proposal, the group comes from the proposal, not from the form", async () => {
    const p = await proposalIn("PLANNING");
    const d = await recordDecision(chair, decision({ about: `proposal:${p.id}` }));
    expect(d).toMatchObject({ proposalId: p.id, groupId: salivaryId });
  });

  it("refuses a group member who is not its chair, another group's chair, an organization's representative and a visitor, writing nothing", async () => {
    const before = await db.decision.count({ where: { groupId: salivaryId } });
    const otherChair = await actorFor(db, "casey.cohort@nci.irci.example"); // chairs uterine sarcoma, only a member here
    for (const actor of [groupMember, otherChair, reps.nci!]) {
      expect((await refusal(recordDecision(actor, decision()))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(recordDecision(null, decision()))).code).toBe("UNAUTHENTICATED");
    // A refused person learns nothing from field messages: refused before their input is judged.
    expect((await refusal(recordDecision(groupMember, decision({ rationale: "" })))).code).toBe("FORBIDDEN");
    expect(await db.decision.count({ where: { groupId: salivaryId } })).toBe(before);
  });

  it("refuses an empty rationale and a date in the future on their fields", async () => {
    const empty = await refusal(recordDecision(chair, decision({ rationale: "   " })));
    expect(empty.fields).toMatchObject({ rationale: expect.stringContaining("rationale") });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await refusal(recordDecision(chair, decision({ decidedOn: tomorrow })));
    expect(future.fields).toMatchObject({ decidedOn: expect.stringContaining("future") });
    const kind = await refusal(recordDecision(chair, decision({ kind: "PROPOSAL_APPROVED" })));
    expect(Object.keys(kind.fields ?? {})).toContain("kind");
  });

  it("an edit is guarded by the version and audited with the old text; a stale edit is refused", async () => {
    const d = await recordDecision(chair, decision());
    await editDecision(secretariat, d.id, { options: "Keep two arms", rationale: "Rewritten rationale.", version: "1" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: d.id, action: "decision.edited" } });
    expect(audit.data).toMatchObject({
      before: { rationale: d.rationale, options: d.options },
      after: { rationale: "Rewritten rationale." },
    });
    expect((await refusal(editDecision(chair, d.id, { options: "", rationale: "Stale", version: "1" }))).code).toBe("CONFLICT");
    expect((await refusal(editDecision(groupMember, d.id, { options: "", rationale: "Mine", version: "2" }))).code).toBe("FORBIDDEN");
    expect(await db.decision.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ rationale: "Rewritten rationale.", version: 2 });
  });
});

describe("decisions written with the change they record", () => {
  it("activating a proposed group records its convening once, even when two activations race", async () => {
    const group = await db.expertGroup.create({
      data: { slug: `decision-group-${run}`, name: `Decision group ${run}`, cancer: `Decision cancer ${run}` },
    });
    const activate = () =>
      changeGroupStatus(secretariat, group.id, {
        expectedStatus: "PROPOSED",
        status: "ACTIVE",
        reason: "Two organizations share the interest.",
      });
    const results = await Promise.allSettled([activate(), activate()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const decisions = await db.decision.findMany({ where: { groupId: group.id } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ kind: "GROUP_CONVENED", public: true, rationale: "Two organizations share the interest." });
  });

  it("a trial's status becoming terminated needs a reason, and with it records the early close", async () => {
    const p = await proposalIn("PLANNING");
    const trial = await db.trial.create({ data: { proposalId: p.id, overallStatus: "RECRUITING", phases: ["PHASE2"] } });
    const details = {
      overallStatus: "TERMINATED",
      phases: ["PHASE2"],
      targetAccrual: "",
      startDate: "",
      primaryCompletionDate: "",
      leadSponsor: "",
    };
    const refused = await refusal(updateTrial(secretariat, trial.id, { ...details, closeReason: "" }));
    expect(refused.fields).toHaveProperty("closeReason");
    expect(await db.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({ overallStatus: "RECRUITING" });
    expect(await db.decision.count({ where: { proposalId: p.id } })).toBe(0);

    await updateTrial(secretariat, trial.id, { ...details, closeReason: "Accrual futility: 3 patients in two years." });
    const [d] = await db.decision.findMany({ where: { proposalId: p.id } });
    expect(d).toMatchObject({ kind: "TRIAL_CLOSED_EARLY", rationale: "Accrual futility: 3 patients in two years.", public: true });
    expect(await db.auditEvent.count({ where: { entityId: d!.id, action: "decision.recorded" } })).toBe(1);
    // Saving the details again without a new status records nothing more.
    await updateTrial(secretariat, trial.id, { ...details, closeReason: "" });
    expect(await db.decision.count({ where: { proposalId: p.id } })).toBe(1);
  });
});

describe("a proposal closed early", () => {
  it("records the early close with the reason given, once", async () => {
    const p = await proposalIn("PLANNING");
    await transitionProposal(chair, p.id, "closeEarly", "The drug's supplier withdrew.");
    const decisions = await db.decision.findMany({ where: { proposalId: p.id } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      kind: "TRIAL_CLOSED_EARLY",
      rationale: "The drug's supplier withdrew.",
      recordedById: chair.userId,
    });
  });
});

describe("who reads what", () => {
  it("visitors read public decisions only, without votes or who recorded them; members read everything", async () => {
    const hidden = await recordDecision(chair, decision({ title: `Members only ${run}` }));
    const anonymous = await listDecisions(null, {}, 1);
    expect(anonymous.items.every((d) => d.public && d.vote === null && d.recordedBy === null)).toBe(true);
    expect(await getDecision(null, hidden.id)).toBeNull();
    expect((await listDecisions(null, { q: `Members only ${run}` })).total).toBe(0);
    expect((await listDecisions(groupMember, { q: `Members only ${run}` })).total).toBe(1);
    // A public decision on an unpublished proposal stays hidden from visitors too.
    const p = await proposalIn("IN_REVIEW");
    const onDraft = await recordDecision(chair, decision({ about: `proposal:${p.id}`, public: "yes" }));
    expect(await getDecision(null, onDraft.id)).toBeNull();
    const csv = await decisionCsvRows(null, {});
    expect(csv.every((r) => r.visibility === "Public" && r.vote === "" && r.dissent === "")).toBe(true);
  });

  it("the seed's real decisions are public, sourced, and written once however often it runs", async () => {
    await seedDatabase(db, { demo: true });
    const seeded = await db.decision.findMany({ where: { seedKey: { in: SEED_DECISIONS.map((d) => d.seedKey) } } });
    expect(seeded).toHaveLength(SEED_DECISIONS.length);
    const gog = seeded.find((d) => d.seedKey === "gog-0277-closed-early")!;
    expect(gog).toMatchObject({ kind: "TRIAL_CLOSED_EARLY", decidedOn: "2016", public: true, proposalId: "irci-gog-0277" });
    expect(gog.source).toContain("Hensley");
    const visible = await listDecisions(null, { q: "GOG-0277" });
    expect(visible.items.map((d) => d.title)).toContain("GOG-0277 closed early for accrual futility");
  });
});
