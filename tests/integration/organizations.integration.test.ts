// Admitting a member organization against a real PostgreSQL: only the secretariat may, audited in
// the same transaction, a clash of short names refused on the field by the database's unique key;
// and once admitted it takes part everywhere without a code change: the interest matrix, the
// meeting planner's offices, the portfolio and the proposals export, and the vote, whose usual
// quorum (a majority of the members) and count of who did not vote follow the number of members.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { addOrganization } from "@/lib/organizations/mutations";
import { listOrganizations } from "@/lib/organizations/queries";
import { getProposal } from "@/lib/proposals/queries";
import { recordInterest } from "@/lib/proposals/mutations";
import { meetingOffices } from "@/lib/meetings/queries";
import { portfolio } from "@/lib/portfolio/queries";
import { exportBatches } from "@/lib/portfolio/export";
import { openVote } from "@/lib/votes/mutations";
import { closeVote } from "@/lib/votes/close";
import { actorFor, makePerson, refusal } from "../support/fixtures";

const KCSG = {
  name: "Korean Cancer Study Group",
  shortName: "KCSG",
  country: "KR",
  timeZone: "Asia/Seoul",
  workingDays: ["1", "2", "3", "4", "5"],
};
// A test organization whose office works Sunday to Thursday, typed as people write: the country by name, the zone in small letters.
const TOGJ = {
  name: "Test Oncology Group Jerusalem",
  shortName: "TOGJ",
  country: "Israel",
  timeZone: "asia/jerusalem",
  workingDays: ["7", "1", "2", "3", "4"],
};
const ADDED = ["kcsg", "togj"];

let secretariat: Actor;
let representative: Actor;
let chair: Actor; // Emil Stratum chairs the salivary group
const proposals: string[] = [];

async function eligibleProposal(title: string) {
  const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "salivary" } });
  const [eortc, jcog] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { slug: "eortc" } }),
    db.organization.findUniqueOrThrow({ where: { slug: "jcog" } }),
  ]);
  const p = await db.proposal.create({
    data: {
      groupId: group.id,
      leadOrganizationId: eortc.id,
      status: "IN_REVIEW",
      title,
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
  proposals.push(p.id);
  return p;
}

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  secretariat = await makePerson(db, { secretariat: true });
  representative = await actorFor(db, "riley.placebo@nci.irci.example");
  chair = await actorFor(db, "emil.stratum@eortc.irci.example");
});

// The run's database is shared with the files after this one, which know IRCI as its eight.
afterAll(async () => {
  await db.proposal.deleteMany({ where: { id: { in: proposals } } });
  const added = { organization: { slug: { in: ADDED } } };
  await db.partnerInterest.deleteMany({ where: added });
  await db.ballot.deleteMany({ where: added });
  await db.user.deleteMany({ where: { membership: added } });
  await db.organization.deleteMany({ where: { slug: { in: ADDED } } });
  await db.$disconnect();
});

describe("adding a member organization", () => {
  it("is refused to a representative and to someone not signed in, with a message, and writes nothing", async () => {
    const before = await db.organization.count();
    const forbidden = await refusal(addOrganization(representative, KCSG));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(forbidden.message).toBe("Only the secretariat can add a member organization.");
    expect((await refusal(addOrganization(null, KCSG))).code).toBe("UNAUTHENTICATED");
    expect(await db.organization.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { action: "organization.added" } })).toBe(0);
  });

  it("says on each field what is wrong with it", async () => {
    const bad = await refusal(
      addOrganization(secretariat, { name: "", shortName: "K", country: "Narnia", timeZone: "Mars/Olympus", workingDays: [] }),
    );
    expect(bad.code).toBe("INVALID");
    expect(bad.fields).toEqual({
      name: expect.stringMatching(/full name/),
      shortName: expect.stringMatching(/at least two/),
      country: expect.stringMatching(/country/),
      timeZone: expect.stringMatching(/"Mars\/Olympus" is not a time zone/),
      workingDays: "Choose at least one day its office works.",
    });
    expect((await refusal(addOrganization(secretariat, { ...KCSG, workingDays: ["8"] }))).fields?.workingDays).toBe(
      "Choose working days from the list.",
    );
    // A fixed offset is not an office's zone: it does not follow daylight saving.
    expect((await refusal(addOrganization(secretariat, { ...KCSG, timeZone: "+09:00" }))).fields?.timeZone).toMatch(/not a time zone/);
    expect(await db.organization.count({ where: { slug: { in: ADDED } } })).toBe(0);
  });

  it("the secretariat adds a ninth organization, audited, and it is listed with its office", async () => {
    const added = await addOrganization(secretariat, KCSG);
    expect(added).toMatchObject({ slug: "kcsg", shortName: "KCSG", country: "KR", timeZone: "Asia/Seoul", workingDays: [1, 2, 3, 4, 5] });
    expect(await db.organization.count()).toBe(9);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "organization.added", entityId: added.id } });
    expect(event).toMatchObject({ actorId: secretariat.userId, entityType: "organization", organizationId: added.id });
    expect(event.data).toMatchObject({ shortName: "KCSG", country: "KR", timeZone: "Asia/Seoul" });
    const listed = await listOrganizations(representative);
    expect(listed.map((o) => o.shortName)).toContain("KCSG");
  });

  it("refuses a short name already in use on the field, also one that differs only in capitals", async () => {
    const same = await refusal(addOrganization(secretariat, { ...KCSG, name: "Another group" }));
    expect(same.code).toBe("INVALID");
    expect(same.fields?.shortName).toMatch(/KCSG \(Korean Cancer Study Group\) already uses this short name/);
    const seeded = await refusal(addOrganization(secretariat, { ...KCSG, shortName: "nci" }));
    expect(seeded.fields?.shortName).toMatch(/^NCI \(.*\) already uses this short name or one that differs only in capitals/);
    expect(await db.organization.count()).toBe(9);
    expect(await db.auditEvent.count({ where: { action: "organization.added" } })).toBe(1);
  });

  it("the new organization has a row in the interest matrix, and its representative records interest there", async () => {
    const p = await eligibleProposal("Matrix with a ninth member");
    const kcsgRep = await makePerson(db, { org: "kcsg", role: "REPRESENTATIVE" });
    const before = await getProposal(representative, p.id);
    expect(before.organizations.map((o) => o.shortName)).toEqual(expect.arrayContaining(["KCSG", "NCI", "COSA"]));
    expect(before.organizations).toHaveLength(9);
    await recordInterest(kcsgRep, p.id, { level: "PARTICIPATE", expectedSites: "4", expectedPatientsPerYear: "6", note: "" });
    const after = await getProposal(representative, p.id);
    const kcsg = after.organizations.find((o) => o.shortName === "KCSG")!;
    expect(after.proposal.interests.find((i) => i.organizationId === kcsg.id)).toMatchObject({ level: "PARTICIPATE", expectedSites: 4 });
  });

  it("has an office in the meeting planner: for a group it has a member in, and for a group with no members yet", async () => {
    const lonely = await db.expertGroup.create({ data: { slug: `no-members-${Date.now()}`, name: "No members yet", cancer: "Test" } });
    try {
      const empty = await meetingOffices(representative, lonely.slug);
      expect(empty.offices).toHaveLength(9);
      expect(empty.offices).toContainEqual({ organization: "KCSG", timeZone: "Asia/Seoul", workingDays: [1, 2, 3, 4, 5] });
      const kcsgMember = await makePerson(db, { org: "kcsg" });
      await db.groupMember.create({
        data: { groupId: (await db.expertGroup.findUniqueOrThrow({ where: { slug: "salivary" } })).id, userId: kcsgMember.userId },
      });
      const salivary = await meetingOffices(representative, "salivary");
      expect(salivary.offices).toContainEqual({ organization: "KCSG", timeZone: "Asia/Seoul", workingDays: [1, 2, 3, 4, 5] });
    } finally {
      await db.expertGroup.delete({ where: { id: lonely.id } });
    }
  });

  it("appears in the portfolio's participation by organization and has a column in the proposals export", async () => {
    const dashboard = await portfolio(representative);
    expect(dashboard.byOrganization).toContainEqual({ organization: "KCSG", trials: 0 });
    const rows: Record<string, unknown>[] = [];
    for await (const batch of exportBatches(representative, "proposals")) rows.push(...batch);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["interest:KCSG", "interest:NCI", "interest:COSA"]));
    const matrix = rows.find((r) => r.title === "Matrix with a ninth member")!;
    expect(matrix).toMatchObject({
      "interest:KCSG": "PARTICIPATE",
      "interest:EORTC": "LEAD",
      "interest:JCOG": "PARTICIPATE",
      "interest:NCI": "",
    });
  });

  it("the usual quorum follows the number of members: 5 of 9, then 6 of 10; a vote counts who did not vote out of all of them", async () => {
    const ninth = await openVote(secretariat, (await eligibleProposal("Vote among nine")).id, { closesAt: inAWeek() });
    expect(ninth.quorum).toBe(5);

    expect(await addOrganization(secretariat, TOGJ)).toMatchObject({
      slug: "togj",
      country: "IL",
      timeZone: "Asia/Jerusalem",
      workingDays: [1, 2, 3, 4, 7],
    });
    expect(await db.organization.count()).toBe(10);
    const tenth = await openVote(secretariat, (await eligibleProposal("Vote among ten")).id, { closesAt: inAWeek() });
    expect(tenth.quorum).toBe(6);
    // A chair may not ask for less than the usual quorum, which has moved to 6; the secretariat may.
    const low = await refusal(openVote(chair, (await eligibleProposal("Low quorum")).id, { closesAt: inAWeek(), quorum: 5 }));
    expect(low.fields?.quorum).toBe("Only the secretariat can set a quorum below 6 of 10 organizations.");
    // At most one ballot per member: 10 is the most a quorum can be now.
    const high = await refusal(openVote(secretariat, (await eligibleProposal("High quorum")).id, { closesAt: inAWeek(), quorum: 11 }));
    expect(high.fields?.quorum).toBe("There are 10 member organizations.");

    await closeVote(tenth.id, { actorId: secretariat.userId, early: true, reason: "Counting the members" });
    const closed = await db.vote.findUniqueOrThrow({ where: { id: tenth.id } });
    expect(closed.tally).toMatchObject({ cast: 0, notVoted: 10, quorum: 6, outcome: "NO_QUORUM" });
  });
});
