// The dashboard's work queue against a real PostgreSQL: each kind of item appears when the work is
// due and leaves when it is done or no longer due; the secretariat sees every group, a chair the
// groups they chair, anyone else is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { workQueueFor } from "@/lib/dashboard/work-queue";
import { actorFor, makePerson, refusal } from "../support/fixtures";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
let secretariat: Actor;
let salivaryChair: Actor; // Emil Stratum chairs the salivary and uterine sarcoma groups, not the anal cancer one
let member: Actor;
let counter = 0;

async function groupId(slug: string) {
  return (await db.expertGroup.findUniqueOrThrow({ where: { slug } })).id;
}

async function proposal(status: "SUBMITTED" | "VOTING" | "APPROVED", options: { slug?: string; statusChangedAt?: Date } = {}) {
  return db.proposal.create({
    data: {
      id: `queue-test-${++counter}-${Date.now()}`,
      groupId: await groupId(options.slug ?? "salivary"),
      status,
      statusChangedAt: options.statusChangedAt ?? new Date(),
      title: `Work queue test proposal ${counter}`,
    },
  });
}

const ids = <T extends { id?: string; proposalId?: string }>(items: T[]) => items.map((i) => i.id ?? i.proposalId);

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  secretariat = await makePerson(db, { secretariat: true });
  salivaryChair = await actorFor(db, "emil.stratum@eortc.irci.example");
  member = await makePerson(db, { org: "nci", role: "MEMBER" });
});
afterAll(() => db.$disconnect());

describe("the work queue", () => {
  it("lists a submitted proposal, oldest first with when it was submitted, until its review starts", async () => {
    const before = (await workQueueFor(secretariat)).submitted.count;
    // Submitted long ago: first in line whatever else waits.
    const p = await proposal("SUBMITTED", { statusChangedAt: new Date(Date.now() - 400 * DAY) });
    const queue = await workQueueFor(secretariat);
    expect(queue.submitted.count).toBe(before + 1);
    expect(queue.submitted.items[0]).toMatchObject({ id: p.id, title: p.title, submittedAt: p.statusChangedAt });
    expect(queue.empty).toBe(false);

    await db.proposal.update({ where: { id: p.id }, data: { status: "IN_REVIEW" } });
    const after = await workQueueFor(secretariat);
    expect(after.submitted.count).toBe(before);
    expect(ids(after.submitted.items)).not.toContain(p.id);
  });

  it("lists a vote from 72 hours before its close, past its time while still open, with ballots against quorum; not once closed", async () => {
    // Votes other test files left open close long after this one: it leads the list when due.
    await db.vote.updateMany({ where: { status: "OPEN" }, data: { closesAt: new Date(Date.now() + 30 * DAY) } });
    const p = await proposal("VOTING");
    const now = new Date();
    const vote = await db.vote.create({ data: { proposalId: p.id, closesAt: new Date(now.getTime() + 100 * HOUR), quorum: 5 } });
    const [eortc, jcog, cosa] = await Promise.all(
      ["eortc", "jcog", "cosa"].map((slug) => db.organization.findUniqueOrThrow({ where: { slug } })),
    );
    await db.ballot.createMany({
      data: [
        { voteId: vote.id, organizationId: eortc!.id, choice: "APPROVE" },
        { voteId: vote.id, organizationId: jcog!.id, choice: "ABSTAIN" },
        // A recused organization stands aside: not toward quorum.
        { voteId: vote.id, organizationId: cosa!.id, choice: "RECUSE", rationale: "Conflict of interest" },
      ],
    });
    expect(ids((await workQueueFor(secretariat, now)).votes.items)).not.toContain(vote.id);

    const in30Hours = new Date(now.getTime() + 30 * HOUR); // 70 hours before the close
    const closing = (await workQueueFor(secretariat, in30Hours)).votes.items.find((v) => v.id === vote.id);
    expect(closing).toMatchObject({ proposalId: p.id, overdue: false, ballots: 2, quorum: 5 });

    const afterItsTime = new Date(now.getTime() + 101 * HOUR);
    const overdue = await workQueueFor(secretariat, afterItsTime);
    expect(overdue.votes.items[0]).toMatchObject({ id: vote.id, overdue: true });

    await db.vote.update({ where: { id: vote.id }, data: { status: "CLOSED", closedAt: afterItsTime } });
    expect(ids((await workQueueFor(secretariat, afterItsTime)).votes.items)).not.toContain(vote.id);
  });

  it("lists a milestone 30 days before its planned date, as late once the date has passed, and not once it has happened", async () => {
    const p = await proposal("APPROVED");
    const trial = await db.trial.create({ data: { proposalId: p.id } });
    // Planned for a whole month: due from 30 days before its last day, late only after it.
    const milestone = await db.trialMilestone.create({ data: { trialId: trial.id, kind: "FIRST_SITE_OPEN", planned: "2031-06" } });
    const find = async (now: Date) => (await workQueueFor(secretariat, now)).milestones;

    const early = await find(new Date("2031-05-31T12:00:00Z")); // 30 days and a half before 30 June ends
    expect(early.items.map((m) => m.proposalId)).not.toContain(p.id);
    const due = await find(new Date("2031-06-01T12:00:00Z"));
    expect(due.items.find((m) => m.proposalId === p.id)).toMatchObject({ kind: "FIRST_SITE_OPEN", planned: "2031-06", late: false });
    const stillDue = await find(new Date("2031-06-30T20:00:00Z"));
    expect(stillDue.items.find((m) => m.proposalId === p.id)?.late).toBe(false);
    // Everything seeded is far behind 2031: this one is the only item in its queue, counted as late.
    const late = await find(new Date("2031-07-01T00:00:01Z"));
    expect(late.items.find((m) => m.proposalId === p.id)?.late).toBe(true);
    expect(late.due).toBe(0);

    await db.trialMilestone.update({ where: { id: milestone.id }, data: { actual: "2031-07-02" } });
    const done = await find(new Date("2031-07-03T00:00:00Z"));
    expect(done.items.map((m) => m.proposalId)).not.toContain(p.id);
  });

  it("shows a chair the work of the groups they chair only", async () => {
    // The oldest submissions of all: first in every list they belong to.
    const ours = await proposal("SUBMITTED", { slug: "salivary", statusChangedAt: new Date(Date.now() - 900 * DAY) });
    const theirs = await proposal("SUBMITTED", { slug: "anal", statusChangedAt: new Date(Date.now() - 901 * DAY) });
    const forChair = await workQueueFor(salivaryChair);
    const forSecretariat = await workQueueFor(secretariat);
    expect(ids(forSecretariat.submitted.items).slice(0, 2)).toEqual([theirs.id, ours.id]);
    expect(forChair.submitted.items[0]?.id).toBe(ours.id);
    expect(ids(forChair.submitted.items)).not.toContain(theirs.id);
    const chairedCount = await db.proposal.count({
      where: { status: "SUBMITTED", group: { members: { some: { userId: salivaryChair.userId, role: "CHAIR" } } } },
    });
    expect(forChair.submitted.count).toBe(chairedCount);
    expect(forSecretariat.submitted.count).toBeGreaterThan(chairedCount);
  });

  it("is clear for a chair whose group has nothing waiting", async () => {
    const chair = await makePerson(db, { org: "nci", role: "MEMBER" });
    const quiet = await db.expertGroup.create({
      data: {
        slug: `quiet-${Date.now()}`,
        name: "Quiet expert group",
        cancer: "Quiet cancer",
        members: { create: { userId: chair.userId, role: "CHAIR" } },
      },
    });
    const queue = await workQueueFor(chair);
    expect(queue).toMatchObject({ empty: true, submitted: { count: 0 }, votes: { count: 0 }, milestones: { late: 0, due: 0 } });
    await proposal("SUBMITTED", { slug: quiet.slug });
    expect((await workQueueFor(chair)).empty).toBe(false);
  });

  it("is refused to anyone who is neither the secretariat nor a chair, and to nobody signed in", async () => {
    expect((await refusal(workQueueFor(member))).code).toBe("FORBIDDEN");
    expect((await refusal(workQueueFor(null))).code).toBe("UNAUTHENTICATED");
  });
});
