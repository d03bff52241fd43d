// Voting against a real PostgreSQL: who may open, cast and close; secrecy until the close; one
// ballot per organization under heavy concurrency; casts racing the close; the result; reminders;
// and the job queue closing a vote at its deadline with nobody looking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/policy";
import { castBallot, closeVoteEarly, openVote } from "@/lib/votes/mutations";
import { closeDueVotes, scheduleVoteClose, sendDueReminders } from "@/lib/votes/close";
import { queue } from "@/lib/jobs/queue";
import { startWorkers } from "@/lib/workers";
import { getVotePanel, openVotesFor } from "@/lib/votes/queries";
import { saturateCpus } from "../support/cpu-load";
import { actorFor, makePerson, refusal } from "../support/fixtures";

const ORGS = ["nci", "nihr", "cruk", "eortc", "inca", "cctg", "jcog", "cosa"] as const;
let reps: Record<(typeof ORGS)[number], Actor>;
let chair: Actor; // Emil Stratum chairs the salivary group
let groupMember: Actor; // Casey Cohort is a member of the salivary group, not a chair
let eortcMember: Actor;
let secretariat: Actor;
let counter = 0;

/** An eligible proposal in review in the salivary group (set up directly: not what is tested here). */
async function eligibleProposal() {
  const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "salivary" } });
  const [eortc, jcog] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { slug: "eortc" } }),
    db.organization.findUniqueOrThrow({ where: { slug: "jcog" } }),
  ]);
  return db.proposal.create({
    data: {
      id: `vote-test-${++counter}-${Date.now()}`,
      groupId: group.id,
      leadOrganizationId: eortc.id,
      status: "IN_REVIEW",
      title: `Vote test proposal ${counter}`,
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

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

async function openedVote(rules: { quorum?: number; passRule?: string } = {}) {
  const p = await eligibleProposal();
  // Below the usual quorum only the secretariat may go.
  const opener = (rules.quorum ?? 5) < 5 ? secretariat : chair;
  const vote = await openVote(opener, p.id, {
    closesAt: inAWeek(),
    quorum: rules.quorum ?? 5,
    passRule: rules.passRule ?? "MORE_APPROVE_THAN_REJECT",
  });
  return { proposal: p, vote };
}

/** Moves a vote's deadline into the past, as time would. */
async function expire(voteId: string) {
  await db.vote.update({ where: { id: voteId }, data: { closesAt: new Date(Date.now() - 1000) } });
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  const emails: Record<string, string> = {
    nci: "riley.placebo@nci.irci.example",
    nihr: "jordan.endpoint@nihr.irci.example",
    cruk: "taylor.protocol@cruk.irci.example",
    eortc: "robin.crossover@eortc.irci.example",
    inca: "camille.mediane@inca.irci.example",
    cctg: "drew.interim@cctg.irci.example",
    jcog: "haru.hazard@jcog.irci.example",
    cosa: "charlie.consort@cosa.irci.example",
  };
  reps = Object.fromEntries(await Promise.all(ORGS.map(async (o) => [o, await actorFor(db, emails[o]!)]))) as typeof reps;
  chair = await actorFor(db, "emil.stratum@eortc.irci.example");
  groupMember = await actorFor(db, "casey.cohort@nci.irci.example");
  eortcMember = await makePerson(db, { org: "eortc", role: "MEMBER" });
  secretariat = await makePerson(db, { secretariat: true });
});
afterAll(() => db.$disconnect());

/** Who is told of a vote: each organization's representative and deputies. */
/** Active representatives and deputies (of every organization but `except`'s slug): other test files share the database and add some. */
const actingForOrganizations = (except?: string) =>
  db.membership.count({
    where: {
      role: { in: ["REPRESENTATIVE", "DEPUTY"] },
      user: { active: true },
      ...(except ? { organization: { slug: { not: except } } } : {}),
    },
  });

describe("opening a vote", () => {
  it("a chair of the group opens it on an eligible proposal; the proposal is voting and every representative is told", async () => {
    const { proposal, vote } = await openedVote();
    expect(vote).toMatchObject({ status: "OPEN", quorum: 5, passRule: "MORE_APPROVE_THAN_REJECT" });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("VOTING");
    expect(await db.auditEvent.count({ where: { entityId: proposal.id, action: "proposal.openVoting" } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "vote.opened", dedupeKey: `vote.opened:${vote.id}` } })).toBe(
      await actingForOrganizations(),
    );
    // Opening again is refused: the proposal is no longer in review.
    expect((await refusal(openVote(chair, proposal.id, { closesAt: inAWeek() }))).code).toBe("CONFLICT");
  });

  it("decides on the stored rare-cancer threshold, not the copy pages share for a minute", async () => {
    const p = await eligibleProposal();
    const { getRareThreshold } = await import("@/lib/settings");
    expect(await getRareThreshold()).toBe(6); // the shared copy, now warm
    // Changed behind this process's back (as by another instance): the shared copy is stale.
    await db.setting.upsert({
      where: { key: "rareIncidenceThreshold" },
      create: { key: "rareIncidenceThreshold", value: 0.01 },
      update: { value: 0.01 },
    });
    try {
      expect(await getRareThreshold()).toBe(6);
      const refused = await refusal(openVote(chair, p.id, { closesAt: inAWeek() }));
      expect(refused.code).toBe("CONFLICT");
      expect(refused.message).toMatch(/threshold of 0.01/);
    } finally {
      await db.setting.delete({ where: { key: "rareIncidenceThreshold" } });
    }
  });

  it("refuses a group member who is not a chair, a representative, and nobody signed in", async () => {
    const p = await eligibleProposal();
    for (const actor of [groupMember, reps.nci])
      expect((await refusal(openVote(actor, p.id, { closesAt: inAWeek() }))).code).toBe("FORBIDDEN");
    expect((await refusal(openVote(null, p.id, { closesAt: inAWeek() }))).code).toBe("UNAUTHENTICATED");
    expect(await db.vote.count({ where: { proposalId: p.id } })).toBe(0);
  });

  it("keeps the rules within sane limits, with a message per field", async () => {
    const p = await eligibleProposal();
    expect((await refusal(openVote(chair, p.id, { closesAt: inAWeek(), quorum: 3 }))).fields).toMatchObject({
      quorum: /Only the secretariat/,
    });
    expect((await refusal(openVote(secretariat, p.id, { closesAt: new Date(Date.now() - 60_000).toISOString() }))).fields).toMatchObject({
      closesAt: /future/,
    });
    expect(
      (await refusal(openVote(secretariat, p.id, { closesAt: new Date(Date.now() + 90 * 86400_000).toISOString() }))).fields,
    ).toMatchObject({ closesAt: /at most 60 days/ });
    expect((await refusal(openVote(secretariat, p.id, { closesAt: inAWeek(), quorum: 9 }))).fields).toMatchObject({
      quorum: /8 member organizations/,
    });
    expect((await refusal(openVote(secretariat, p.id, { closesAt: "next tuesday" }))).fields).toMatchObject({
      closesAt: expect.any(String),
    });
  });

  it("refuses a proposal that is not eligible, saying why", async () => {
    const p = await eligibleProposal();
    await db.partnerInterest.deleteMany({ where: { proposalId: p.id } });
    const error = await refusal(openVote(chair, p.id, { closesAt: inAWeek() }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/Not yet eligible for a vote/);
  });
});

describe("ballots", () => {
  it("a representative casts and changes their own organization's ballot; others are refused", async () => {
    const { vote } = await openedVote();
    await castBallot(reps.eortc, vote.id, { choice: "REJECT", rationale: "" });
    await castBallot(reps.eortc, vote.id, { choice: "APPROVE", rationale: "Strong rationale" });
    const ballots = await db.ballot.findMany({ where: { voteId: vote.id } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0]).toMatchObject({ organizationId: reps.eortc.organizationId, choice: "APPROVE", rationale: "Strong rationale" });
    for (const actor of [eortcMember, groupMember, secretariat])
      expect((await refusal(castBallot(actor, vote.id, { choice: "APPROVE", rationale: "" }))).code).toBe("FORBIDDEN");
    expect((await refusal(castBallot(null, vote.id, { choice: "APPROVE", rationale: "" }))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(castBallot(reps.nci, "no-such-vote", { choice: "APPROVE", rationale: "" }))).code).toBe("NOT_FOUND");
  });

  it("a recusal needs its reason and counts as not voting", async () => {
    const { vote } = await openedVote({ quorum: 1 });
    expect((await refusal(castBallot(reps.nci, vote.id, { choice: "RECUSE", rationale: " " }))).fields).toMatchObject({
      rationale: /conflict of interest/,
    });
    await castBallot(reps.nci, vote.id, { choice: "RECUSE", rationale: "NCI funds a competing trial" });
    await expire(vote.id);
    await closeDueVotes();
    expect(await db.vote.findUniqueOrThrow({ where: { id: vote.id } })).toMatchObject({
      outcome: "NO_QUORUM",
      tally: expect.objectContaining({ recused: 1, cast: 0 }),
    });
  });

  it("stay secret until the close: each organization sees its own, and only who has voted otherwise", async () => {
    const { proposal, vote } = await openedVote();
    await castBallot(reps.eortc, vote.id, { choice: "REJECT", rationale: "EORTC's reasons" });
    await castBallot(reps.jcog, vote.id, { choice: "APPROVE", rationale: "JCOG's reasons" });
    const asEortc = (await getVotePanel(reps.eortc, proposal.id))!;
    expect(asEortc.mine).toMatchObject({ choice: "REJECT", rationale: "EORTC's reasons" });
    expect(asEortc.ballots.find((b) => b.organizationId === reps.jcog.organizationId)).toEqual({
      organizationId: reps.jcog.organizationId,
      answered: true,
      choice: null,
      rationale: null,
      castBy: null,
    });
    expect(asEortc.tally).toBeNull();
    const asSecretariat = (await getVotePanel(secretariat, proposal.id))!;
    expect(asSecretariat.ballots.every((b) => b.choice === null && b.rationale === null)).toBe(true);
    // The audit trail says who voted, never how.
    const events = await db.auditEvent.findMany({ where: { entityId: proposal.id, action: "ballot.cast" } });
    expect(JSON.stringify(events)).not.toMatch(/REJECT|APPROVE|reasons/);

    await closeVoteEarly(secretariat, vote.id, "Testing the reveal");
    const after = (await getVotePanel(reps.nci, proposal.id))!;
    expect(after.ballots.map((b) => b.choice).sort()).toEqual(["APPROVE", "REJECT"]);
    expect(after.ballots.find((b) => b.organizationId === reps.jcog.organizationId)?.rationale).toBe("JCOG's reasons");
    expect(after.tally).toMatchObject({ approve: 1, reject: 1, outcome: "NO_QUORUM" });
  });

  it("hundreds of simultaneous casts and changes from the eight organizations leave exactly one ballot each, with every CPU busy elsewhere", async () => {
    const { vote } = await openedVote();
    const choices = ["APPROVE", "REJECT", "ABSTAIN"] as const;
    // Another process keeps every CPU busy: a burst of writes must still land, not time out waiting.
    const load = await saturateCpus();
    let results: PromiseSettledResult<unknown>[];
    try {
      const casts = Array.from({ length: 480 }, (_, i) =>
        castBallot(reps[ORGS[i % 8]!], vote.id, { choice: choices[i % 3]!, rationale: `cast ${i}` }),
      );
      results = await Promise.allSettled(casts);
    } finally {
      await load.stop();
    }
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const ballots = await db.ballot.findMany({ where: { voteId: vote.id } });
    expect(ballots).toHaveLength(8);
    expect(new Set(ballots.map((b) => b.organizationId)).size).toBe(8);
  });

  it("a ballot cast at the instant of the close is either counted or refused, never lost or half-counted", async () => {
    const { vote } = await openedVote({ quorum: 1 });
    await db.vote.update({ where: { id: vote.id }, data: { closesAt: new Date(Date.now() + 400) } });
    const outcomes: ("counted" | "refused")[] = [];
    const racers = ORGS.map(async (org, i) => {
      // Each organization keeps changing its ballot until it is refused.
      for (let round = 0; round < 200; round++) {
        try {
          await castBallot(reps[org], vote.id, { choice: (round + i) % 2 ? "APPROVE" : "REJECT", rationale: `round ${round}` });
          outcomes.push("counted");
        } catch (error) {
          expect((error as AppError).code).toBe("CONFLICT");
          outcomes.push("refused");
          return;
        }
      }
    });
    const closer = (async () => {
      await new Promise((r) => setTimeout(r, 450));
      while ((await closeDueVotes()) === 0 && (await db.vote.findUniqueOrThrow({ where: { id: vote.id } })).status === "OPEN") {
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await Promise.all([...racers, closer]);
    const closed = await db.vote.findUniqueOrThrow({ where: { id: vote.id }, include: { ballots: true } });
    expect(closed.status).toBe("CLOSED");
    expect(outcomes).toContain("refused");
    // What was counted is exactly what is stored, and nothing was written after the close.
    const t = closed.tally as { approve: number; reject: number; cast: number };
    expect(t.approve).toBe(closed.ballots.filter((b) => b.choice === "APPROVE").length);
    expect(t.reject).toBe(closed.ballots.filter((b) => b.choice === "REJECT").length);
    expect(t.cast).toBe(closed.ballots.length);
    for (const b of closed.ballots) expect(b.updatedAt.getTime()).toBeLessThanOrEqual(closed.closedAt!.getTime());
  });
});

describe("closing", () => {
  async function voteWith(choices: Partial<Record<(typeof ORGS)[number], "APPROVE" | "REJECT" | "ABSTAIN">>, quorum = 5) {
    const { proposal, vote } = await openedVote({ quorum });
    for (const [org, choice] of Object.entries(choices))
      await castBallot(reps[org as (typeof ORGS)[number]], vote.id, { choice, rationale: "" });
    return { proposal, vote };
  }

  it("does nothing before the deadline", async () => {
    const { vote } = await voteWith({ nci: "APPROVE" });
    await closeDueVotes();
    expect((await db.vote.findUniqueOrThrow({ where: { id: vote.id } })).status).toBe("OPEN");
  });

  it.each([
    [
      "passes: the proposal is approved",
      { nci: "APPROVE", eortc: "APPROVE", jcog: "APPROVE", cosa: "REJECT", inca: "ABSTAIN" },
      "PASSED",
      "APPROVED",
      "proposal.approve",
    ],
    [
      "fails: the proposal is rejected",
      { nci: "APPROVE", eortc: "REJECT", jcog: "REJECT", cosa: "ABSTAIN", inca: "APPROVE" },
      "FAILED",
      "REJECTED",
      "proposal.reject",
    ],
    [
      "lacks quorum: the proposal returns to review",
      { nci: "APPROVE", eortc: "APPROVE", jcog: "APPROVE", cosa: "APPROVE" },
      "NO_QUORUM",
      "IN_REVIEW",
      "proposal.returnToReview",
    ],
  ] as const)("a vote that %s", async (_name, choices, outcome, status, action) => {
    const { proposal, vote } = await voteWith(choices);
    await expire(vote.id);
    expect(await closeDueVotes()).toBeGreaterThanOrEqual(1);
    expect(await db.vote.findUniqueOrThrow({ where: { id: vote.id } })).toMatchObject({ status: "CLOSED", outcome });
    const after = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(after.status).toBe(status);
    // Whoever is told of the new status reads which proposal it is.
    const told = await db.notification.findMany({ where: { kind: "proposal.status", link: `/proposals/${proposal.id}` } });
    expect(told.length).toBeGreaterThan(0);
    for (const n of told) expect(n.title).toContain(after.title);
    expect(await db.auditEvent.count({ where: { entityId: proposal.id, action: "vote.closed" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: proposal.id, action } })).toBe(1);
    // Closing again changes nothing.
    await closeDueVotes();
    expect(await db.auditEvent.count({ where: { entityId: proposal.id, action: "vote.closed" } })).toBe(1);
  });

  it("the secretariat may close early, with a reason; nobody else may", async () => {
    const { vote } = await voteWith({ nci: "APPROVE" });
    expect((await refusal(closeVoteEarly(chair, vote.id, "impatient"))).code).toBe("FORBIDDEN");
    expect((await refusal(closeVoteEarly(secretariat, vote.id, ""))).code).toBe("INVALID");
    await closeVoteEarly(secretariat, vote.id, "Withdrawn by the sponsor");
    expect(await db.vote.findUniqueOrThrow({ where: { id: vote.id } })).toMatchObject({
      closeReason: "Withdrawn by the sponsor",
      outcome: "NO_QUORUM",
    });
    expect((await refusal(closeVoteEarly(secretariat, vote.id, "again"))).code).toBe("CONFLICT");
  });
});

describe("reminders", () => {
  it("reminds organizations that have not voted 48 and 24 hours before the close, once each", async () => {
    await db.vote.updateMany({ where: { status: "OPEN" }, data: { closesAt: new Date(Date.now() + 30 * 86400_000) } });
    const { vote } = await openedVote();
    await castBallot(reps.nci, vote.id, { choice: "APPROVE", rationale: "" });
    // Opened five days before: long past its quiet period.
    const closesAt = new Date(Date.now() + 47 * 3600_000);
    await db.vote.update({ where: { id: vote.id }, data: { opensAt: new Date(closesAt.getTime() - 5 * 86400_000), closesAt } });
    const key48 = `vote.closing:${vote.id}:48`;
    // Everyone acting for an organization that has not voted: all but NCI's (the demo alone: seven representatives).
    const waiting = await actingForOrganizations("nci");
    expect(waiting).toBeGreaterThanOrEqual(7);
    expect(await sendDueReminders()).toBe(waiting);
    expect(await sendDueReminders()).toBe(0);
    expect(await db.notification.count({ where: { dedupeKey: key48, userId: reps.nci.userId } })).toBe(0);
    const dayLater = new Date(Date.now() + 24 * 3600_000);
    expect(await sendDueReminders(dayLater)).toBe(waiting);
    expect(await sendDueReminders(new Date(dayLater.getTime() + 3600_000))).toBe(0);
    expect(await db.notification.count({ where: { dedupeKey: `vote.closing:${vote.id}:24` } })).toBe(waiting);
  });

  it("a vote opened now reminds nobody, even when it closes within 48 hours; near its close it reminds once", async () => {
    await db.vote.updateMany({ where: { status: "OPEN" }, data: { closesAt: new Date(Date.now() + 30 * 86400_000) } });
    // As opened through the form: 30 hours ahead, inside both reminder windows from the start.
    const p = await eligibleProposal();
    const vote = await openVote(chair, p.id, { closesAt: new Date(Date.now() + 30 * 3600_000).toISOString() });
    const closing = { kind: "vote.closing", link: `/proposals/${p.id}` };
    // The sweep runs every minute: none of its runs in the first hours reminds.
    for (const hours of [0, 0.1, 1, 6, 14.9]) expect(await sendDueReminders(new Date(Date.now() + hours * 3600_000))).toBe(0);
    expect(await db.notification.count({ where: closing })).toBe(0);
    // Half-way (15 hours before the close, the vote's quiet period over): each representative once.
    const halfWay = new Date(vote.opensAt.getTime() + 15 * 3600_000 + 60_000);
    // Each representative and deputy (the demo alone has eight representatives and NCI's deputy).
    const acting = await actingForOrganizations();
    expect(acting).toBeGreaterThanOrEqual(9);
    expect(await sendDueReminders(halfWay)).toBe(acting);
    expect(await db.notification.count({ where: { ...closing, dedupeKey: `vote.closing:${vote.id}:24` } })).toBe(acting);
    // Later sweeps, and the last hours before the close, send nothing more.
    for (const hours of [0, 1 / 60, 1, 10, 14.9]) expect(await sendDueReminders(new Date(halfWay.getTime() + hours * 3600_000))).toBe(0);
    // Sweeps running at the same instant on several instances: still once.
    await db.vote.update({ where: { id: vote.id }, data: { remindedHours: null, remindedAt: null } });
    await db.notification.deleteMany({ where: closing });
    const counts = await Promise.all([1, 2, 3].map(() => sendDueReminders(halfWay)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(acting);
    expect(await db.notification.count({ where: closing })).toBe(acting);
  });

  it("the dashboard shows what my organization still owes", async () => {
    const { vote } = await openedVote();
    await castBallot(reps.cosa, vote.id, { choice: "ABSTAIN", rationale: "" });
    const forCosa = (await openVotesFor(reps.cosa)).find((v) => v.id === vote.id);
    const forNihr = (await openVotesFor(reps.nihr)).find((v) => v.id === vote.id);
    expect(forCosa?.owed).toBe(false);
    expect(forNihr?.owed).toBe(true);
  });
});

describe("the job queue", () => {
  it("closes a vote at its deadline with nobody looking", async () => {
    await startWorkers();
    const { proposal, vote } = await openedVote({ quorum: 1 });
    await castBallot(reps.eortc, vote.id, { choice: "APPROVE", rationale: "" });
    const soon = new Date(Date.now() + 2000);
    await db.vote.update({ where: { id: vote.id }, data: { closesAt: soon } });
    await scheduleVoteClose(vote.id, soon);
    const deadline = Date.now() + 30_000;
    while ((await db.vote.findUniqueOrThrow({ where: { id: vote.id } })).status === "OPEN" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect((await db.vote.findUniqueOrThrow({ where: { id: vote.id } })).outcome).toBe("PASSED");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("APPROVED");
    await (await queue()).stop({ graceful: false });
  }, 60_000);
});
