// An expert group after it was convened: the secretariat changes its status with a reason, its
// chairs and the secretariat correct its incidence; everyone else is refused with a message; each
// change is audited in its transaction, and two status changes at once are settled by the database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { changeGroupStatus, correctIncidence } from "@/lib/groups/changes";
import { getGroup } from "@/lib/groups/queries";
import { recordInterest } from "@/lib/proposals/mutations";
import { interestHistory } from "@/lib/proposals/queries";
import { INTEREST_CHANGES_SHOWN } from "@/lib/proposals/interest-history";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let secretariat: Actor;
let chair: Actor; // chairs the new group below
let member: Actor; // a plain member of it
let representative: Actor; // a representative outside it
let orphan: Actor; // signed in, in no organization

async function newGroup(status: "PROPOSED" | "ACTIVE" | "DORMANT" | "CLOSED" = "PROPOSED") {
  const tag = randomUUID().slice(0, 8);
  return db.expertGroup.create({
    data: {
      slug: `test-${tag}`,
      name: `Test group ${tag}`,
      cancer: `Test cancer ${tag}`,
      status,
      members: {
        create: [
          { userId: chair.userId, role: "CHAIR" },
          { userId: member.userId, role: "MEMBER" },
        ],
      },
    },
  });
}

const auditOf = (groupId: string, action: string) =>
  db.auditEvent.findMany({ where: { entityType: "group", entityId: groupId, action }, orderBy: { at: "asc" } });

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  secretariat = await makePerson(db, { secretariat: true });
  chair = await makePerson(db, { org: "cctg", role: "MEMBER" });
  member = await makePerson(db, { org: "nci", role: "MEMBER" });
  representative = await actorFor(db, "robin.crossover@eortc.irci.example");
  orphan = await makePerson(db);
});
afterAll(() => db.$disconnect());

describe("a group's status", () => {
  it("the secretariat activates a proposed group with a reason, audited with before and after", async () => {
    const g = await newGroup("PROPOSED");
    await expect(
      changeGroupStatus(secretariat, g.id, { expectedStatus: "PROPOSED", status: "ACTIVE", reason: "Endorsed by the Board in May" }),
    ).resolves.toEqual({ from: "PROPOSED", to: "ACTIVE" });
    expect((await db.expertGroup.findUniqueOrThrow({ where: { id: g.id } })).status).toBe("ACTIVE");
    const [event] = await auditOf(g.id, "group.status_changed");
    expect(event).toMatchObject({
      actorId: secretariat.userId,
      groupId: g.id,
      reason: "Endorsed by the Board in May",
      data: { from: "PROPOSED", to: "ACTIVE" },
    });
    // The page reads its history from there, newest first.
    await changeGroupStatus(secretariat, g.id, { expectedStatus: "ACTIVE", status: "DORMANT", reason: "No meeting for two years" });
    const page = await getGroup(member, g.slug);
    expect(page.statusHistory.map((e) => [e.from, e.to, e.reason])).toEqual([
      ["ACTIVE", "DORMANT", "No meeting for two years"],
      ["PROPOSED", "ACTIVE", "Endorsed by the Board in May"],
    ]);
    expect(page.canChangeStatus).toBe(false);
    expect((await getGroup(secretariat, g.slug)).canChangeStatus).toBe(true);
  });

  it("refuses everyone but the secretariat, with a message, and writes nothing", async () => {
    const g = await newGroup("ACTIVE");
    const change = { expectedStatus: "ACTIVE", status: "CLOSED", reason: "Trying" };
    for (const actor of [chair, member, representative, orphan]) {
      const error = await refusal(changeGroupStatus(actor, g.id, change));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toBe("Only the secretariat, acting for IRCI's Board, can activate, make dormant or close an expert group.");
    }
    expect((await refusal(changeGroupStatus(null, g.id, change))).code).toBe("UNAUTHENTICATED");
    expect((await db.expertGroup.findUniqueOrThrow({ where: { id: g.id } })).status).toBe("ACTIVE");
    expect(await auditOf(g.id, "group.status_changed")).toEqual([]);
  });

  it("asks for a reason and a status the group can take, on their fields", async () => {
    const g = await newGroup("PROPOSED");
    const noReason = await refusal(changeGroupStatus(secretariat, g.id, { expectedStatus: "PROPOSED", status: "ACTIVE", reason: "  " }));
    expect(noReason.fields).toEqual({ reason: "Say why: the group's page and the audit log show it." });
    const dormant = await refusal(changeGroupStatus(secretariat, g.id, { expectedStatus: "PROPOSED", status: "DORMANT", reason: "x" }));
    expect(dormant.fields).toEqual({ status: "A proposed group cannot become dormant." });
    const unknown = await refusal(changeGroupStatus(secretariat, g.id, { expectedStatus: "PROPOSED", status: "MERGED", reason: "x" }));
    expect(unknown.fields).toEqual({ status: "Choose the group's new status." });
    expect((await refusal(changeGroupStatus(secretariat, g.id, { expectedStatus: "{}", status: "ACTIVE", reason: "x" }))).code).toBe(
      "INVALID",
    );
    expect(
      (await refusal(changeGroupStatus(secretariat, "no-such-group", { expectedStatus: "PROPOSED", status: "ACTIVE", reason: "x" }))).code,
    ).toBe("NOT_FOUND");
    expect(await auditOf(g.id, "group.status_changed")).toEqual([]);
  });

  it("of two changes decided from the same status at once, exactly one is made; the other is told", async () => {
    const g = await newGroup("ACTIVE");
    const results = await Promise.allSettled([
      changeGroupStatus(secretariat, g.id, { expectedStatus: "ACTIVE", status: "DORMANT", reason: "First" }),
      changeGroupStatus(secretariat, g.id, { expectedStatus: "ACTIVE", status: "CLOSED", reason: "Second" }),
      changeGroupStatus(secretariat, g.id, { expectedStatus: "ACTIVE", status: "DORMANT", reason: "Third" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(r.reason).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/Someone changed this group's status a moment ago/),
      });
    }
    const events = await auditOf(g.id, "group.status_changed");
    expect(events).toHaveLength(1);
    const now = (await db.expertGroup.findUniqueOrThrow({ where: { id: g.id } })).status;
    expect(events[0]!.data).toEqual({ from: "ACTIVE", to: now });
    // A page opened before the change decides from a status the group no longer has.
    const stale = await refusal(changeGroupStatus(secretariat, g.id, { expectedStatus: "ACTIVE", status: "CLOSED", reason: "Late" }));
    expect(stale.code).toBe("CONFLICT");
  });
});

describe("a group's incidence", () => {
  it("a chair adds a missing incidence with its source; the secretariat corrects it; both audited", async () => {
    const g = await newGroup("ACTIVE");
    await correctIncidence(chair, g.id, { incidencePer100k: "0.42", incidenceSource: "SEER 2018-2022", reason: "Was never given" });
    await correctIncidence(secretariat, g.id, {
      incidencePer100k: "0.4",
      incidenceSource: "RARECAREnet 2024",
      reason: "A newer, European figure",
    });
    const stored = await db.expertGroup.findUniqueOrThrow({ where: { id: g.id } });
    expect([Number(stored.incidencePer100k), stored.incidenceSource, stored.incidenceIsDemo]).toEqual([0.4, "RARECAREnet 2024", false]);
    const events = await auditOf(g.id, "group.incidence_corrected");
    expect(events.map((e) => [e.actorId, e.reason, e.data])).toEqual([
      [
        chair.userId,
        "Was never given",
        {
          before: { incidencePer100k: null, incidenceSource: null, demo: false },
          after: { incidencePer100k: 0.42, incidenceSource: "SEER 2018-2022" },
        },
      ],
      [
        secretariat.userId,
        "A newer, European figure",
        {
          before: { incidencePer100k: 0.42, incidenceSource: "SEER 2018-2022", demo: false },
          after: { incidencePer100k: 0.4, incidenceSource: "RARECAREnet 2024" },
        },
      ],
    ]);
  });

  it("refuses members, other people and chairs of other groups, with a message, and writes nothing", async () => {
    const g = await newGroup("ACTIVE");
    const other = await newGroup("ACTIVE"); // chaired by the same chair: chairing another group is not enough
    await db.groupMember.deleteMany({ where: { groupId: g.id, userId: chair.userId } });
    const input = { incidencePer100k: "1.5", incidenceSource: "Somewhere", reason: "Because" };
    for (const actor of [chair, member, representative]) {
      const error = await refusal(correctIncidence(actor, g.id, input));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toBe("Only the group's chairs and the secretariat can correct its incidence.");
    }
    expect((await refusal(correctIncidence(orphan, g.id, input))).code).toBe("FORBIDDEN");
    expect((await refusal(correctIncidence(null, g.id, input))).code).toBe("UNAUTHENTICATED");
    expect(await auditOf(g.id, "group.incidence_corrected")).toEqual([]);
    expect((await db.expertGroup.findUniqueOrThrow({ where: { id: g.id } })).incidencePer100k).toBeNull();
    expect((await getGroup(chair, other.slug)).canCorrectIncidence).toBe(true);
    expect((await getGroup(member, other.slug)).canCorrectIncidence).toBe(false);
  });

  it("bad input gets a message on its field, and nothing is written", async () => {
    const g = await newGroup("ACTIVE");
    const cases: [Record<string, string>, Record<string, string>][] = [
      [
        { incidencePer100k: "lots", incidenceSource: "x", reason: "r" },
        { incidencePer100k: "Enter the incidence as a number, such as 0.8." },
      ],
      [{ incidencePer100k: "-1", incidenceSource: "x", reason: "r" }, { incidencePer100k: "Incidence cannot be negative." }],
      [{ incidencePer100k: "0.5", incidenceSource: "", reason: "r" }, { incidenceSource: "Say where the incidence figure comes from." }],
      [
        { incidencePer100k: "0.5", incidenceSource: "x", reason: "" },
        { reason: "Say why the figure changes: a newer registry report, a mistake corrected." },
      ],
      [
        { incidencePer100k: "0.5", incidenceSource: "a\u0000b", reason: "r" },
        { incidenceSource: "Remove the invisible control characters (such as NUL) from this text." },
      ],
    ];
    for (const [input, fields] of cases) {
      const error = await refusal(
        correctIncidence(secretariat, g.id, input as { incidencePer100k: string; incidenceSource: string; reason: string }),
      );
      expect(error.fields).toEqual(fields);
    }
    await correctIncidence(secretariat, g.id, { incidencePer100k: "0.5", incidenceSource: "x", reason: "r" });
    const same = await refusal(correctIncidence(secretariat, g.id, { incidencePer100k: "0.5", incidenceSource: "x", reason: "again" }));
    expect(same.fields).toEqual({ incidencePer100k: "This is the incidence already recorded: change the figure or its source." });
    expect(await auditOf(g.id, "group.incidence_corrected")).toHaveLength(1);
  });

  it("a corrected demo value is no longer marked as demo, and reseeding keeps the correction", async () => {
    const g = await db.expertGroup.findUniqueOrThrow({ where: { slug: "thymoma" } });
    expect(g.incidenceIsDemo).toBe(true);
    await correctIncidence(secretariat, g.id, { incidencePer100k: "0.13", incidenceSource: "RARECAREnet", reason: "A sourced figure" });
    await seedDatabase(db, { demo: true });
    const after = await db.expertGroup.findUniqueOrThrow({ where: { slug: "thymoma" } });
    expect([Number(after.incidencePer100k), after.incidenceSource, after.incidenceIsDemo]).toEqual([0.13, "RARECAREnet", false]);
  });
});

describe("partner interest history on a proposal", () => {
  it("tells each organization's changes, newest first, with who, from what level to what and the note", async () => {
    const nciRep = await actorFor(db, "riley.placebo@nci.irci.example");
    const proposal = "demo-anal-maintenance"; // NCI was interested when loaded
    await recordInterest(nciRep, proposal, {
      level: "PARTICIPATE",
      expectedSites: "4",
      expectedPatientsPerYear: "6",
      note: "Four sites agreed",
    });
    const histories = await interestHistory(member, proposal);
    const nci = histories.get(nciRep.organizationId!)!;
    expect(nci.earlier).toBe(false);
    expect(nci.changes.map((c) => [c.from, c.to, c.by, c.note, c.expectedSites])).toEqual([
      ["INTERESTED", "PARTICIPATE", "Riley Placebo", "Four sites agreed", 4],
      [null, "INTERESTED", null, "", null],
    ]);
    const cruk = (await db.organization.findUniqueOrThrow({ where: { slug: "cruk" } })).id;
    expect(histories.get(cruk)?.changes.map((c) => [c.from, c.to])).toEqual([[null, "LEAD"]]);
    expect((await refusal(interestHistory(null, proposal))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(interestHistory(orphan, proposal))).code).toBe("FORBIDDEN");
  });

  it("reads a bounded number of changes per organization", async () => {
    const jcogRep = await actorFor(db, "haru.hazard@jcog.irci.example");
    const proposal = "demo-anal-maintenance";
    for (let i = 0; i < INTEREST_CHANGES_SHOWN + 2; i++) {
      await recordInterest(jcogRep, proposal, {
        level: i % 2 ? "PARTICIPATE" : "INTERESTED",
        expectedSites: "",
        expectedPatientsPerYear: "",
        note: `Round ${i}`,
      });
    }
    const jcog = (await interestHistory(member, proposal)).get(jcogRep.organizationId!)!;
    expect(jcog.changes).toHaveLength(INTEREST_CHANGES_SHOWN);
    expect(jcog.earlier).toBe(true);
    expect(jcog.changes[0]).toMatchObject({ note: `Round ${INTEREST_CHANGES_SHOWN + 1}`, from: "INTERESTED", to: "PARTICIPATE" });
    expect(jcog.changes.at(-1)).toMatchObject({ note: "Round 2", from: "PARTICIPATE", to: "INTERESTED" });
  });
});
