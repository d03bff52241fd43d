// Every proposal mutation with an allowed actor and refused ones (another organization's member,
// a member who is not a representative, nobody signed in), concurrency settled by the database,
// and one audit event per change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, onQuery } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/policy";
import { createProposal, recordInterest, saveProposal, transitionProposal } from "@/lib/proposals/mutations";
import { getProposal, listProposals, SEARCH_RANKED } from "@/lib/proposals/queries";
import { setRareThreshold } from "@/lib/settings";
import { invalidateSharedOnCommit } from "@/lib/shared-cache";
import { openVote } from "@/lib/votes/mutations";
import { createGroup, removeGroupMember, setGroupMember } from "@/lib/groups/mutations";
import { actorFor, makePerson, refusal as refused } from "../support/fixtures";

/** The refusal's code and message, to compare whole. */
async function refusal(promise: Promise<unknown>) {
  const error = await refused(promise);
  return { code: error.code, message: error.message };
}

let chair: Actor; // chairs the uterine sarcoma group, member of NCI
let nciRep: Actor;
let eortcRep: Actor;
let cctgRep: Actor;
let nciMember: Actor; // in the lead organization, but not its representative
let outsider: Actor; // a JCOG member outside the group
let secretariat: Actor;
let groupId: string;

const complete = {
  title: "Adjuvant therapy in uterine leiomyosarcoma (test)",
  population: "Women with resected uterine leiomyosarcoma",
  intervention: "Adjuvant chemotherapy",
  comparator: "Observation",
  primaryOutcome: "Recurrence-free survival",
  rationale: "Test rationale",
  phase: "PHASE3",
  randomised: "true",
  sampleSize: "200",
  primaryEndpoint: "RFS at 3 years",
  noOtherForum: "No single country has enough patients",
};

async function newDraft(title = "A test proposal") {
  return createProposal(chair, { groupId, leadOrganizationId: nciRep.organizationId, title });
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  chair = await actorFor(db, "casey.cohort@nci.irci.example");
  nciRep = await actorFor(db, "riley.placebo@nci.irci.example");
  eortcRep = await actorFor(db, "robin.crossover@eortc.irci.example");
  cctgRep = await actorFor(db, "drew.interim@cctg.irci.example");
  nciMember = await makePerson(db, { org: "nci", role: "MEMBER" });
  outsider = await makePerson(db, { org: "jcog", role: "MEMBER" });
  secretariat = await makePerson(db, { secretariat: true });
  groupId = (await db.expertGroup.findUniqueOrThrow({ where: { slug: "uterine-sarcoma" } })).id;
});
afterAll(() => db.$disconnect());

describe("creating a proposal", () => {
  it("a member of the group creates a draft with its first revision and an audit event", async () => {
    const p = await newDraft();
    expect(p.status).toBe("DRAFT");
    expect(await db.proposalRevision.count({ where: { proposalId: p.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: p.id, action: "proposal.created" } })).toBe(1);
    expect(await db.proposalAuthor.count({ where: { proposalId: p.id, userId: chair.userId } })).toBe(1);
  });

  it("the secretariat may too; someone outside the group and nobody signed in may not", async () => {
    await expect(
      createProposal(secretariat, { groupId, leadOrganizationId: nciRep.organizationId, title: "By the secretariat" }),
    ).resolves.toBeTruthy();
    expect((await refusal(createProposal(outsider, { groupId, leadOrganizationId: nciRep.organizationId, title: "Outsider" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(createProposal(null, { groupId, leadOrganizationId: nciRep.organizationId, title: "Anonymous" }))).code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("bad input gets field messages and creates nothing", async () => {
    const before = await db.proposal.count();
    const error = await createProposal(chair, { groupId, leadOrganizationId: "", title: "x" }).catch((e: unknown) => e);
    expect((error as { fields: Record<string, string> }).fields).toMatchObject({
      title: expect.any(String),
      leadOrganizationId: expect.any(String),
    });
    expect(await db.proposal.count()).toBe(before);
  });
});

describe("saving a draft", () => {
  it("an author and the lead organization's representative save new revisions; others are refused", async () => {
    const p = await newDraft();
    const first = await saveProposal(chair, p.id, complete, 1);
    expect(first).toEqual({ version: 2, revision: 2 });
    await saveProposal(nciRep, p.id, { ...complete, rationale: "Edited by the lead" }, 2);
    expect((await refusal(saveProposal(eortcRep, p.id, complete, 3))).code).toBe("FORBIDDEN");
    expect((await refusal(saveProposal(nciMember, p.id, complete, 3))).code).toBe("FORBIDDEN");
    expect((await refusal(saveProposal(null, p.id, complete, 3))).code).toBe("UNAUTHENTICATED");
    expect(await db.proposalRevision.count({ where: { proposalId: p.id } })).toBe(3);
  });

  it("of two saves of the same version, the later is refused with a message and writes nothing", async () => {
    const p = await newDraft();
    const results = await Promise.allSettled([
      saveProposal(chair, p.id, { ...complete, rationale: "Mine" }, 1),
      saveProposal(nciRep, p.id, { ...complete, rationale: "Theirs" }, 1),
    ]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(((refused[0] as PromiseRejectedResult).reason as AppError).code).toBe("CONFLICT");
    expect(((refused[0] as PromiseRejectedResult).reason as AppError).message).toMatch(/Someone else saved/);
    expect(await db.proposalRevision.count({ where: { proposalId: p.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: p.id, action: "proposal.saved" } })).toBe(1);
  });

  it("validates each field", async () => {
    const p = await newDraft();
    const error = await saveProposal(chair, p.id, { ...complete, sampleSize: "-4", phase: "PHASE9" }, 1).catch((e: unknown) => e);
    expect((error as { fields: Record<string, string> }).fields).toMatchObject({ sampleSize: /negative/, phase: /Choose a phase/ });
  });
});

describe("partner interest", () => {
  it("each representative records only their own organization's interest, with its history", async () => {
    const p = await newDraft();
    await recordInterest(nciRep, p.id, { level: "LEAD", expectedSites: "10", expectedPatientsPerYear: "12", note: "" });
    await recordInterest(eortcRep, p.id, { level: "INTERESTED", expectedSites: "", expectedPatientsPerYear: "", note: "" });
    await recordInterest(eortcRep, p.id, {
      level: "PARTICIPATE",
      expectedSites: "4",
      expectedPatientsPerYear: "5",
      note: "After board approval",
    });
    const rows = await db.partnerInterest.findMany({ where: { proposalId: p.id }, orderBy: { level: "asc" } });
    expect(rows.map((r) => [r.organizationId, r.level])).toEqual([
      [nciRep.organizationId, "LEAD"],
      [eortcRep.organizationId, "PARTICIPATE"],
    ]);
    expect(await db.partnerInterestRecord.count({ where: { proposalId: p.id, organizationId: eortcRep.organizationId! } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: p.id, action: "interest.recorded" } })).toBe(3);
  });

  it("refuses a member who is not a representative, nobody signed in, and a lead claimed by another organization", async () => {
    const p = await newDraft();
    const input = { level: "PARTICIPATE", expectedSites: "", expectedPatientsPerYear: "", note: "" };
    expect((await refusal(recordInterest(nciMember, p.id, input))).code).toBe("FORBIDDEN");
    expect((await refusal(recordInterest(outsider, p.id, input))).code).toBe("FORBIDDEN");
    expect((await refusal(recordInterest(null, p.id, input))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(recordInterest(eortcRep, p.id, { ...input, level: "LEAD" }))).code).toBe("INVALID");
    expect(await db.partnerInterest.count({ where: { proposalId: p.id } })).toBe(0);
  });

  it("simultaneous first recordings leave exactly one row", async () => {
    const p = await newDraft();
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        recordInterest(cctgRep, p.id, { level: "PARTICIPATE", expectedSites: String(i), expectedPatientsPerYear: "", note: "" }),
      ),
    );
    expect(await db.partnerInterest.count({ where: { proposalId: p.id } })).toBe(1);
    expect(await db.partnerInterestRecord.count({ where: { proposalId: p.id } })).toBe(6);
  });
});

describe("the workflow", () => {
  it("takes an eligible proposal from draft to voting, refusing each wrong actor with a reason", async () => {
    const p = await newDraft();
    // Submitting an incomplete hypothesis is refused, saying what is missing.
    const incomplete = await refusal(transitionProposal(chair, p.id, "submit"));
    expect(incomplete).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/population, intervention, comparator, primary outcome missing/),
    });
    await saveProposal(chair, p.id, complete, 1);

    expect((await refusal(transitionProposal(eortcRep, p.id, "submit"))).code).toBe("FORBIDDEN");
    expect((await refusal(transitionProposal(nciMember, p.id, "submit"))).code).toBe("FORBIDDEN");
    expect((await refusal(transitionProposal(null, p.id, "submit"))).code).toBe("UNAUTHENTICATED");
    await expect(transitionProposal(nciRep, p.id, "submit")).resolves.toEqual({ from: "DRAFT", to: "SUBMITTED" });
    await expect(transitionProposal(chair, p.id, "startReview")).resolves.toEqual({ from: "SUBMITTED", to: "IN_REVIEW" });

    // Opening a vote goes through the vote (with its closing time and rules), never a bare status change.
    expect((await refusal(transitionProposal(secretariat, p.id, "openVoting"))).code).toBe("INVALID");
    const closesAt = new Date(Date.now() + 7 * 86400_000).toISOString();
    expect((await refusal(openVote(nciRep, p.id, { closesAt }))).code).toBe("FORBIDDEN");
    const notEligible = await refusal(openVote(secretariat, p.id, { closesAt }));
    expect(notEligible.code).toBe("CONFLICT");
    expect(notEligible.message).toMatch(/0 organizations will lead or participate/);

    await recordInterest(nciRep, p.id, { level: "LEAD", expectedSites: "8", expectedPatientsPerYear: "10", note: "" });
    await recordInterest(eortcRep, p.id, { level: "PARTICIPATE", expectedSites: "6", expectedPatientsPerYear: "7", note: "" });
    const { criteria } = await getProposal(secretariat, p.id);
    expect(criteria.every((c) => c.ok)).toBe(true);
    await expect(openVote(chair, p.id, { closesAt })).resolves.toMatchObject({ status: "OPEN" });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("VOTING");
    // The result of a vote cannot be recorded by hand.
    expect((await refusal(transitionProposal(secretariat, p.id, "approve"))).message).toBe(
      "This follows from the result of a vote; it cannot be done by hand.",
    );

    const events = await db.auditEvent.findMany({
      where: { entityId: p.id, action: { in: ["proposal.submit", "proposal.startReview", "proposal.openVoting"] } },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["proposal.openVoting", "proposal.startReview", "proposal.submit"]);
    expect(events.find((e) => e.action === "proposal.submit")?.actorId).toBe(nciRep.userId);
  });

  it("asks for a reason to withdraw, and keeps it", async () => {
    const p = await newDraft();
    expect((await refusal(transitionProposal(chair, p.id, "withdraw", " "))).message).toMatch(/reason/);
    await transitionProposal(chair, p.id, "withdraw", "Superseded by a larger trial");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).closedReason).toBe("Superseded by a larger trial");
  });

  it("of two simultaneous transitions exactly one wins, with one audit event", async () => {
    const p = await newDraft();
    await saveProposal(chair, p.id, complete, 1);
    const results = await Promise.allSettled([
      transitionProposal(nciRep, p.id, "submit"),
      transitionProposal(chair, p.id, "withdraw", "Changed our minds"),
      transitionProposal(nciRep, p.id, "submit"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const status = (await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).status;
    expect(["SUBMITTED", "WITHDRAWN"]).toContain(status);
    expect(await db.auditEvent.count({ where: { entityId: p.id, action: { in: ["proposal.submit", "proposal.withdraw"] } } })).toBe(1);
  });
});

describe("the threshold setting", () => {
  it("the secretariat changes it, with a reason, and eligibility follows; others are refused", async () => {
    const p = await newDraft();
    expect((await getProposal(chair, p.id)).criteria[0]!.ok).toBe(true); // 0.6 < 6
    expect((await refusal(setRareThreshold(nciRep, 0.5, "test"))).code).toBe("FORBIDDEN");
    expect((await refusal(setRareThreshold(secretariat, -1, "test"))).code).toBe("INVALID");
    expect((await refusal(setRareThreshold(secretariat, 0.5, ""))).code).toBe("INVALID");
    await setRareThreshold(secretariat, 0.5, "testing a stricter rule");
    expect((await getProposal(chair, p.id)).criteria[0]).toMatchObject({
      ok: false,
      detail: "0.6 per 100,000 per year is not below the threshold of 0.5.",
    });
    await setRareThreshold(secretariat, 6, "back to IRCI's rule");
    expect(await db.auditEvent.count({ where: { action: "setting.changed", entityId: "rareIncidenceThreshold" } })).toBe(2);
  });
});

describe("the proposals list", () => {
  async function queriesFor(run: () => Promise<unknown>) {
    let count = 0;
    const stop = onQuery(() => count++);
    try {
      await run();
    } finally {
      stop();
    }
    return count;
  }

  it("a page costs the same number of queries whatever the data size", async () => {
    // Measured with the shared count dropped each time (as after any change), so the count is in both.
    const cold = async () => {
      await invalidateSharedOnCommit(db, "data:proposal-count");
      return queriesFor(() => listProposals(nciRep, {}));
    };
    const before = (await listProposals(nciRep, {})).total;
    const small = await cold();
    for (let i = 0; i < 25; i++) {
      const p = await newDraft(`Bulk proposal ${i}`);
      await recordInterest(nciRep, p.id, { level: "LEAD", expectedSites: "", expectedPatientsPerYear: "", note: "" });
    }
    // The shared count is exact: each new proposal's audit entry dropped it, and it is counted again.
    expect((await listProposals(nciRep, {})).total).toBe(before + 25);
    const large = await cold();
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    expect(await queriesFor(() => listProposals(nciRep, { q: "leiomyosarcoma", status: "DRAFT" }))).toBeLessThanOrEqual(small + 1);
  });

  it("filters by status, group, lead and my organization's interest, and searches the hypothesis", async () => {
    const drafts = await listProposals(nciRep, { status: "DRAFT", group: "uterine-sarcoma", lead: "nci" });
    expect(drafts.items.every((p) => p.status === "DRAFT" && p.leadOrganization?.shortName === "NCI")).toBe(true);
    expect(drafts.items.length).toBe(20); // a full page
    const mine = await listProposals(nciRep, { myInterest: "LEAD" });
    expect(mine.items.every((p) => p.interests[0]?.level === "LEAD")).toBe(true);
    const none = await listProposals(nciRep, { myInterest: "NONE", group: "salivary" });
    expect(none.items.map((p) => p.id)).toContain("demo-salivary-her2");
    const found = await listProposals(eortcRep, { q: "resected leiomyosarcoma" });
    expect(found.total).toBeGreaterThan(0);
    expect(found.items[0]!.title).toMatch(/test/);
    expect((await listProposals(eortcRep, { q: "zzzunfindable" })).total).toBe(0);
    expect((await refusal(listProposals(null, {}))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(listProposals(await makePerson(db), {}))).code).toBe("FORBIDDEN");
  });

  it("a search with more matches than it ranks lists the newest of them and says there are more", async () => {
    const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "uterine-sarcoma" } });
    const word = "xenograftbulkword";
    const at = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 60_000);
    await db.proposal.createMany({
      data: Array.from({ length: SEARCH_RANKED + 5 }, (_, i) => ({
        id: `search-bulk-${i}`,
        groupId: group.id,
        title: `Search bulk ${word} ${i}`,
        status: i % 100 === 0 ? ("SUBMITTED" as const) : ("DRAFT" as const),
        updatedAt: at(i),
      })),
    });
    try {
      const first = await listProposals(nciRep, { q: word });
      expect(first.moreThan).toBe(true);
      expect(first.total).toBe(SEARCH_RANKED);
      const newest = Array.from({ length: 20 }, (_, k) => `search-bulk-${SEARCH_RANKED + 4 - k}`);
      expect(first.items.map((p) => p.id)).toEqual(newest);
      // Pages go as far as the matches listed, and no further.
      const far = await listProposals(nciRep, { q: word, page: 500 });
      expect(far.page).toBe(SEARCH_RANKED / 20);
      expect(far.items.map((p) => p.id)).toEqual(Array.from({ length: 20 }, (_, k) => `search-bulk-${24 - k}`));
      // Narrowed below the bound by a filter: counted exactly and ranked.
      const submitted = await listProposals(nciRep, { q: word, status: "SUBMITTED" });
      expect(submitted.moreThan).toBe(false);
      expect(submitted.total).toBe(Math.floor((SEARCH_RANKED + 4) / 100) + 1); // every hundredth
      expect(submitted.items.every((p) => p.status === "SUBMITTED")).toBe(true);
      expect((await listProposals(nciRep, { q: word, lead: "nci" })).total).toBe(0);
    } finally {
      await db.proposal.deleteMany({ where: { id: { startsWith: "search-bulk-" } } });
    }
  });

  it("the seeded real trials are there in their real states", async () => {
    const states = Object.fromEntries(
      (await db.proposal.findMany({ where: { id: { startsWith: "irci-" } }, select: { id: true, status: true, registryIds: true } })).map(
        (p) => [p.id, p],
      ),
    );
    expect(states["irci-gog-0277"]).toMatchObject({ status: "CLOSED_EARLY", registryIds: { NCT: "NCT01533207" } });
    expect(states["irci-interaact"]?.status).toBe("COMPLETED");
    for (const id of ["irci-inpact", "irci-eortc-1206", "irci-ballad"]) expect(states[id]?.status).toBe("UNDERWAY");
  });
});

describe("expert group management", () => {
  it("chairs and the secretariat convene groups; a representative who chairs nothing cannot", async () => {
    const g = await createGroup(chair, {
      cancer: "Adrenocortical carcinoma (test)",
      incidencePer100k: "0.1",
      incidenceSource: "Test source",
      description: "",
    });
    expect(await db.groupMember.findFirst({ where: { groupId: g.id, userId: chair.userId } })).toMatchObject({ role: "CHAIR" });
    expect(
      (await refusal(createGroup(nciRep, { cancer: "Something else", incidencePer100k: "", incidenceSource: "", description: "" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await refusal(
          createGroup(secretariat, {
            cancer: "Adrenocortical carcinoma (test)",
            incidencePer100k: "",
            incidenceSource: "",
            description: "",
          }),
        )
      ).code,
    ).toBe("INVALID");
  });

  it("a chair adds members from any organization and names chairs; a chair of another group cannot", async () => {
    const g = await createGroup(chair, { cancer: "Chordoma (test)", incidencePer100k: "", incidenceSource: "", description: "" });
    await setGroupMember(chair, g.id, { userId: cctgRep.userId, role: "MEMBER" });
    await setGroupMember(chair, g.id, { userId: eortcRep.userId, role: "CHAIR" });
    const otherChair = await actorFor(db, "yuki.sample@jcog.irci.example"); // chairs ocular melanoma
    expect((await refusal(setGroupMember(otherChair, g.id, { userId: outsider.userId, role: "MEMBER" }))).code).toBe("FORBIDDEN");
    expect((await refusal(setGroupMember(null, g.id, { userId: outsider.userId, role: "MEMBER" }))).code).toBe("UNAUTHENTICATED");
    expect(await db.groupMember.count({ where: { groupId: g.id } })).toBe(3);
    expect(await db.auditEvent.count({ where: { entityId: g.id, action: "group.member_set" } })).toBe(2);
  });

  it("never leaves a group without a chair, by removal or demotion, even when two chairs act at once", async () => {
    const g = await createGroup(chair, { cancer: "Desmoid tumour (test)", incidencePer100k: "", incidenceSource: "", description: "" });
    expect((await refusal(removeGroupMember(chair, g.id, chair.userId))).code).toBe("CONFLICT");
    expect((await refusal(setGroupMember(chair, g.id, { userId: chair.userId, role: "MEMBER" }))).code).toBe("CONFLICT");
    await setGroupMember(chair, g.id, { userId: eortcRep.userId, role: "CHAIR" });
    const both = await Promise.allSettled([
      removeGroupMember(chair, g.id, eortcRep.userId),
      removeGroupMember(eortcRep, g.id, chair.userId),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.groupMember.count({ where: { groupId: g.id, role: "CHAIR" } })).toBe(1);
  });

  it("a group convened by the secretariat, with no chair yet, can still lose a member", async () => {
    const g = await createGroup(secretariat, {
      cancer: "Merkel cell carcinoma (test)",
      incidencePer100k: "",
      incidenceSource: "",
      description: "",
    });
    await setGroupMember(secretariat, g.id, { userId: cctgRep.userId, role: "MEMBER" });
    await expect(removeGroupMember(secretariat, g.id, cctgRep.userId)).resolves.toBeUndefined();
  });
});

describe("reads", () => {
  it("the pipeline is the secretariat's; a missing proposal is NOT_FOUND", async () => {
    const { pipeline } = await import("@/lib/proposals/queries");
    await expect(pipeline(secretariat)).resolves.toMatchObject({ rows: expect.any(Array) });
    expect((await refusal(pipeline(nciRep))).code).toBe("FORBIDDEN");
    expect((await refusal(pipeline(null))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(getProposal(nciRep, "no-such-proposal"))).code).toBe("NOT_FOUND");
    expect((await refusal(getProposal(null, "irci-ballad"))).code).toBe("UNAUTHENTICATED");
  });

  it("shows each person only the actions their role allows, with the reason a guarded one would fail", async () => {
    const asChair = await getProposal(chair, "demo-salivary-her2"); // Casey is a member, not a chair, of salivary
    expect(asChair.actions).toEqual([]);
    const asSecretariat = await getProposal(secretariat, "demo-salivary-her2");
    // Opening the vote has its own form; the panel offers the rest.
    expect(asSecretariat.actions.map((a) => a.event).sort()).toEqual(["requestChanges", "withdraw"]);
    expect(asSecretariat.facts.guards.eligible.ok).toBe(true);
  });
});
