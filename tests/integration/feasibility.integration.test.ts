// Feasibility sites on a proposal: the representative or a deputy of the site's organization adds,
// edits and removes them; others are refused and nothing is written; a stale edit is refused by the
// database; each change writes its history record, its audit event and the organization's pledge
// (the sum over its sites) in the same transaction.
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { addFeasibilitySite, editFeasibilitySite, removeFeasibilitySite } from "@/lib/feasibility/mutations";
import { listFeasibility } from "@/lib/feasibility/queries";
import { pledgeFromSites } from "@/lib/feasibility/estimate";
import { createProposal, recordInterest } from "@/lib/proposals/mutations";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let chair: Actor;
let nciRep: Actor;
let nciDeputy: Actor;
let nciMember: Actor;
let eortcRep: Actor;
let secretariat: Actor;
let groupId: string;

const site = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  city: "",
  country: "United States",
  patientsSeenPerYear: "20",
  eligibleShare: "50",
  consentShare: "80",
  competingTrials: "1",
  monthsToActivation: "9",
  capabilities: ["CENTRAL_PATHOLOGY", "BIOBANKING"],
  note: "",
  ...overrides,
});

/** A fresh draft led by NCI, with NCI participating. */
async function proposalWithInterest() {
  const p = await createProposal(chair, { groupId, leadOrganizationId: nciRep.organizationId, title: "Feasibility test proposal" });
  await recordInterest(nciRep, p.id, { level: "PARTICIPATE", expectedSites: "9", expectedPatientsPerYear: "30", note: "" });
  return p.id;
}

const pledge = (proposalId: string, organizationId: string) =>
  db.partnerInterest.findUniqueOrThrow({
    where: { proposalId_organizationId: { proposalId, organizationId } },
    select: { expectedSites: true, expectedPatientsPerYear: true, level: true },
  });

/** Everything a change of sites writes, counted, to check that a refusal writes nothing. */
async function written(proposalId: string) {
  const [sites, records, audits, interestRecords] = await Promise.all([
    db.feasibilitySite.count({ where: { proposalId } }),
    db.feasibilitySiteRecord.count({ where: { proposalId } }),
    db.auditEvent.count({ where: { entityId: proposalId, action: { startsWith: "feasibility." } } }),
    db.partnerInterestRecord.count({ where: { proposalId } }),
  ]);
  return { sites, records, audits, interestRecords };
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  chair = await actorFor(db, "casey.cohort@nci.irci.example");
  nciRep = await actorFor(db, "riley.placebo@nci.irci.example");
  nciDeputy = await makePerson(db, { org: "nci", role: "DEPUTY" });
  nciMember = await makePerson(db, { org: "nci", role: "MEMBER" });
  eortcRep = await actorFor(db, "robin.crossover@eortc.irci.example");
  secretariat = await makePerson(db, { secretariat: true });
  groupId = (await db.expertGroup.findUniqueOrThrow({ where: { slug: "uterine-sarcoma" } })).id;
});
afterAll(() => db.$disconnect());

describe("feasibility sites", () => {
  it("the representative adds a site: the site, its history, the audit event and the pledge as the sum, together", async () => {
    const id = await proposalWithInterest();
    const { site: a, pledge: p } = await addFeasibilitySite(nciRep, id, site("Site A"));
    // 20 × 50% × 80% ÷ (1 + 1) = 4 a year
    expect(p).toMatchObject({ sites: 1, patientsPerYear: 4 });
    expect(await pledge(id, nciRep.organizationId!)).toEqual({ expectedSites: 1, expectedPatientsPerYear: 4, level: "PARTICIPATE" });
    const history = await db.feasibilitySiteRecord.findMany({ where: { siteId: a.id } });
    expect(history).toMatchObject([{ change: "ADDED", version: 1, name: "Site A", recordedById: nciRep.userId }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "feasibility.site_added" } });
    expect(audit).toMatchObject({ actorId: nciRep.userId, organizationId: nciRep.organizationId });
    // The same transaction: the audit event and the history record are no older than the site.
    expect(audit.at.getTime()).toBeGreaterThanOrEqual(a.createdAt.getTime());
    const interestRecords = await db.partnerInterestRecord.findMany({
      where: { proposalId: id },
      orderBy: { recordedAt: "desc" },
      take: 1,
    });
    expect(interestRecords[0]).toMatchObject({ expectedSites: 1, expectedPatientsPerYear: 4, recordedById: nciRep.userId });

    // A deputy acts for the organization too; the sum follows.
    const { pledge: p2 } = await addFeasibilitySite(nciDeputy, id, site("Site B", { patientsSeenPerYear: "3", competingTrials: "0" }));
    expect(p2).toMatchObject({ sites: 2, patientsPerYear: 5.2 });
    expect(await pledge(id, nciRep.organizationId!)).toMatchObject({ expectedSites: 2, expectedPatientsPerYear: 5 });

    // The interest form's own figures give way to the sites.
    await recordInterest(nciRep, id, { level: "LEAD", expectedSites: "40", expectedPatientsPerYear: "99", note: "" });
    expect(await pledge(id, nciRep.organizationId!)).toEqual({ expectedSites: 2, expectedPatientsPerYear: 5, level: "LEAD" });

    const read = await listFeasibility(nciMember, id);
    expect(read.sites.map((s) => [s.name, s.expectedPerYear])).toEqual([
      ["Site A", 4],
      ["Site B", 1.2],
    ]);
    expect(read.changes.map((c) => [c.change, c.name, c.by])).toEqual([
      ["ADDED", "Site B", expect.any(String)],
      ["ADDED", "Site A", "Riley Placebo"],
    ]);
  });

  it("refuses another organization's representative, a member, the secretariat and nobody, writing nothing", async () => {
    const id = await proposalWithInterest();
    const { site: a } = await addFeasibilitySite(nciRep, id, site("Site A"));
    const before = await written(id);
    expect((await refusal(editFeasibilitySite(eortcRep, id, a.id, site("Taken over"), 1))).code).toBe("FORBIDDEN");
    expect((await refusal(removeFeasibilitySite(eortcRep, id, a.id, 1))).code).toBe("FORBIDDEN");
    expect((await refusal(editFeasibilitySite(nciMember, id, a.id, site("Site A"), 1))).code).toBe("FORBIDDEN");
    expect((await refusal(addFeasibilitySite(nciMember, id, site("Site M")))).code).toBe("FORBIDDEN");
    expect((await refusal(addFeasibilitySite(secretariat, id, site("Site S")))).code).toBe("FORBIDDEN");
    expect((await refusal(addFeasibilitySite(null, id, site("Site N")))).code).toBe("UNAUTHENTICATED");
    // EORTC has recorded no interest: it cannot attach sites yet, and is told why.
    const noInterest = await refusal(addFeasibilitySite(eortcRep, id, site("Site E")));
    expect(noInterest).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/interest first/) });
    // A site id from another proposal names nothing here.
    const other = await proposalWithInterest();
    expect((await refusal(editFeasibilitySite(nciRep, other, a.id, site("Site A"), 1))).code).toBe("NOT_FOUND");
    expect(await written(id)).toEqual(before);
  });

  it("refuses a stale edit (settled by the database) and a duplicate name, keeping the site as it was", async () => {
    const id = await proposalWithInterest();
    const { site: a } = await addFeasibilitySite(nciRep, id, site("Site A"));
    await addFeasibilitySite(nciRep, id, site("Site B"));
    // Two people opened the page at version 1: both save at once, one wins.
    const results = await Promise.allSettled([
      editFeasibilitySite(nciRep, id, a.id, site("Site A", { eligibleShare: "60" }), 1),
      editFeasibilitySite(nciDeputy, id, a.id, site("Site A", { eligibleShare: "10" }), 1),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed or removed this site/) });
    expect((await db.feasibilitySite.findUniqueOrThrow({ where: { id: a.id } })).version).toBe(2);
    expect(await db.feasibilitySiteRecord.count({ where: { siteId: a.id, change: "EDITED" } })).toBe(1);

    const duplicate = await refusal(addFeasibilitySite(nciRep, id, site("  site   b ")));
    expect(duplicate.fields?.name).toMatch(/already has a site of this name/);
    expect((await refusal(removeFeasibilitySite(nciRep, id, a.id, 1))).code).toBe("CONFLICT");
  });

  it("refuses bad figures on their fields", async () => {
    const id = await proposalWithInterest();
    const bad = await refusal(
      addFeasibilitySite(
        nciRep,
        id,
        site("Site A", { eligibleShare: "140", consentShare: "-3", monthsToActivation: "soon", capabilities: ["TELEPORT"] }),
      ),
    );
    expect(bad.fields).toMatchObject({
      eligibleShare: "Enter the share eligible as a percentage from 0 to 100.",
      consentShare: "Enter the share consenting as a percentage from 0 to 100.",
      monthsToActivation: expect.stringMatching(/months from approval to activation/),
      capabilities: "Choose capabilities from the list.",
    });
    expect(await db.feasibilitySite.count({ where: { proposalId: id } })).toBe(0);
  });

  it("removes a site and keeps its history; the last one gone, the pledge is no longer given", async () => {
    const id = await proposalWithInterest();
    const { site: a } = await addFeasibilitySite(nciRep, id, site("Site A"));
    const { site: b } = await addFeasibilitySite(nciRep, id, site("Site B"));
    await removeFeasibilitySite(nciDeputy, id, a.id, 1);
    expect(await pledge(id, nciRep.organizationId!)).toMatchObject({ expectedSites: 1, expectedPatientsPerYear: 4 });
    await removeFeasibilitySite(nciRep, id, b.id, 1);
    expect(await pledge(id, nciRep.organizationId!)).toMatchObject({ expectedSites: null, expectedPatientsPerYear: null });
    expect(await db.feasibilitySite.count({ where: { proposalId: id } })).toBe(0);
    const history = await db.feasibilitySiteRecord.findMany({ where: { siteId: a.id }, orderBy: { recordedAt: "asc" } });
    expect(history.map((h) => h.change)).toEqual(["ADDED", "REMOVED"]);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "feasibility.site_removed" } })).toBe(2);
  });

  it("is closed once the proposal goes to a vote", async () => {
    const id = await proposalWithInterest();
    const { site: a } = await addFeasibilitySite(nciRep, id, site("Site A"));
    await db.proposal.update({ where: { id }, data: { status: "VOTING" } });
    expect((await refusal(addFeasibilitySite(nciRep, id, site("Site B")))).code).toBe("CONFLICT");
    expect((await refusal(editFeasibilitySite(nciRep, id, a.id, site("Site A"), 1))).code).toBe("CONFLICT");
    expect((await refusal(removeFeasibilitySite(nciRep, id, a.id, 1))).code).toBe("CONFLICT");
  });
});

describe("the demo data's feasibility", () => {
  it("gives JCOG's and CCTG's pledges on the salivary proposal as the sums over their illustrative sites", async () => {
    const proposalId = "demo-salivary-her2";
    const sites = await db.feasibilitySite.findMany({ where: { proposalId } });
    expect(sites.length).toBeGreaterThan(0);
    for (const s of sites) expect(`${s.name} ${s.note}`).toMatch(/illustrative/i);
    const byOrg = Map.groupBy(sites, (s) => s.organizationId);
    expect(byOrg.size).toBe(2);
    for (const [organizationId, own] of byOrg) {
      const expected = pledgeFromSites(own);
      expect(await pledge(proposalId, organizationId)).toMatchObject({
        expectedSites: expected.sites,
        expectedPatientsPerYear: expected.wholePatients,
      });
      expect(await db.feasibilitySiteRecord.count({ where: { proposalId, organizationId, change: "ADDED" } })).toBe(own.length);
    }
  });
});
