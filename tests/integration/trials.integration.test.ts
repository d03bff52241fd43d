// Trial records: who may keep them, registry ids, cumulative accrual, milestones, sites, the
// ClinicalTrials.gov import, the portfolio, the exports and the public page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { addRegistryId, addSite, createTrial, recordAccrual, setMilestone, updateTrial } from "@/lib/trials/mutations";
import { applyImport, previewImport } from "@/lib/trials/import";
import { EXPORT_BATCH, exportBatches, type ExportKind } from "@/lib/portfolio/export";
import { portfolio, publicPortfolio } from "@/lib/portfolio/queries";
import { getTrial } from "@/lib/trials/queries";
import { actorFor, makePerson, refusal } from "../support/fixtures";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/ctgov", name), "utf8");

let eortcRep: Actor; // represents the lead organization of EORTC 1206
let chair: Actor; // Emil Stratum chairs the salivary group
let nciRep: Actor;
let eortcMember: Actor;
let secretariat: Actor;
let trialId: string;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  eortcRep = await actorFor(db, "robin.crossover@eortc.irci.example");
  chair = await actorFor(db, "emil.stratum@eortc.irci.example");
  nciRep = await actorFor(db, "riley.placebo@nci.irci.example");
  eortcMember = await makePerson(db, { org: "eortc", role: "MEMBER" });
  secretariat = await makePerson(db, { secretariat: true });
  trialId = (await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-eortc-1206" } })).id;
});
afterAll(() => db.$disconnect());

describe("the seeded real trials", () => {
  it("carry their registry ids, targets and accrual from the reference data", async () => {
    const gog = await getTrial(nciRep, "irci-gog-0277");
    expect(gog.trial?.registryIds.map((r) => r.value).sort()).toEqual(["2012-002852-17", "NCT01533207"]);
    expect(gog.trial).toMatchObject({ targetAccrual: 216, overallStatus: "TERMINATED", phases: ["PHASE3"] });
    expect(gog.trial?.accrual.map((a) => a.total)).toEqual([38]);
    const interaact = await getTrial(nciRep, "irci-interaact");
    expect(interaact.trial?.accrual[0]).toMatchObject({ total: 91, demo: false });
    expect(interaact.trial?.registryIds.map((r) => r.registry).sort()).toEqual(["ACTRN", "EudraCT", "NCT"]);
    const eortc = await getTrial(nciRep, "irci-eortc-1206");
    expect(eortc.trial?.targetAccrual).toBe(152);
    expect(eortc.trial?.accrual.every((a) => a.demo)).toBe(true); // the only invented figures, and marked
    const ballad = await getTrial(nciRep, "irci-ballad");
    expect(ballad.trial?.sites.map((s) => s.country).sort()).toEqual(["BE", "FR", "GB", "JP"]);
  });
});

describe("keeping the trial record", () => {
  it("the lead's representative, a chair and the secretariat may; a member and another organization's representative may not", async () => {
    const details = {
      overallStatus: "ACTIVE_NOT_RECRUITING",
      phases: ["PHASE2"],
      targetAccrual: "152",
      startDate: "2015-02",
      primaryCompletionDate: "",
      leadSponsor: "EORTC",
    };
    for (const actor of [eortcRep, chair, secretariat]) await expect(updateTrial(actor, trialId, details)).resolves.toBeTruthy();
    expect((await refusal(updateTrial(eortcMember, trialId, details))).code).toBe("FORBIDDEN");
    expect((await refusal(updateTrial(nciRep, trialId, details))).code).toBe("FORBIDDEN");
    expect((await refusal(updateTrial(null, trialId, details))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(updateTrial(eortcRep, trialId, { ...details, overallStatus: "ALMOST_DONE" }))).fields).toMatchObject({
      overallStatus: expect.any(String),
    });
    expect((await refusal(updateTrial(eortcRep, trialId, { ...details, startDate: "Feb 2015" }))).fields).toMatchObject({
      startDate: /yyyy/,
    });
    expect(await db.auditEvent.count({ where: { entityId: "irci-eortc-1206", action: "trial.updated" } })).toBe(3);
  });

  it("a trial record starts in planning, not before", async () => {
    const draft = await db.proposal.findFirstOrThrow({ where: { status: "DRAFT" } });
    expect((await refusal(createTrial(secretariat, draft.id))).code).toBe("CONFLICT");
  });

  it("checks registry ids and never gives one id to two trials", async () => {
    expect((await refusal(addRegistryId(eortcRep, trialId, "NCT", "NCT123"))).fields).toMatchObject({ value: /NCT01533207/ });
    expect((await refusal(addRegistryId(eortcRep, trialId, "NCT", "NCT01533207"))).fields).toMatchObject({ value: /already recorded/ });
    await addRegistryId(eortcRep, trialId, "jRCT", "jrct2031200001");
    expect(await db.trialRegistryId.count({ where: { trialId, value: "jRCT2031200001" } })).toBe(1);
  });

  it("keeps accrual cumulative, refusing a total below an earlier report", async () => {
    await recordAccrual(eortcRep, trialId, { date: "2021-06-01", total: "140", organizationId: "", country: "", source: "Test report" });
    const lower = await refusal(
      recordAccrual(eortcRep, trialId, { date: "2021-07-01", total: "120", organizationId: "", country: "", source: "" }),
    );
    expect(lower.fields?.total).toMatch(/cumulative: 140 patients were reported on 2021-06-01/);
    expect(
      (await refusal(recordAccrual(eortcRep, trialId, { date: "2999-01-01", total: "150", organizationId: "", country: "", source: "" })))
        .fields,
    ).toMatchObject({ date: /passed/ });
    // Nor above a later report: the series never goes down.
    const higher = await refusal(
      recordAccrual(eortcRep, trialId, { date: "2021-05-01", total: "141", organizationId: "", country: "", source: "" }),
    );
    expect(higher.fields?.total).toMatch(/an earlier total cannot be 141/);
    // A month counts as of its end: 2021-06 is after 2021-06-01.
    expect(
      (await refusal(recordAccrual(eortcRep, trialId, { date: "2021-06", total: "139", organizationId: "", country: "", source: "" })))
        .code,
    ).toBe("INVALID");
    // A country's own count is its own scope.
    await recordAccrual(eortcRep, trialId, { date: "2021-07-01", total: "12", organizationId: "", country: "United Kingdom", source: "" });
    expect(await db.accrualUpdate.findFirst({ where: { trialId, country: "GB" } })).toMatchObject({ total: 12 });
  });

  it("records milestones with partial dates, and no actual date in the future", async () => {
    await setMilestone(chair, trialId, { kind: "PRIMARY_COMPLETION", planned: "2027-06", actual: "" });
    expect(
      (await refusal(setMilestone(chair, trialId, { kind: "RESULTS_PUBLISHED", planned: "", actual: "2999-01-01" }))).fields,
    ).toMatchObject({ actual: /future/ });
    expect((await refusal(setMilestone(chair, trialId, { kind: "NOT_A_MILESTONE", planned: "", actual: "" }))).fields).toMatchObject({
      kind: expect.any(String),
    });
  });

  it("adds sites by country", async () => {
    await addSite(eortcRep, trialId, { country: "Belgium", facility: "Test Institute", city: "Brussels", organizationId: "" });
    expect(
      (await refusal(addSite(eortcRep, trialId, { country: "Belgium", facility: "Test Institute", city: "", organizationId: "" }))).fields,
    ).toMatchObject({ facility: /already listed/ });
  });
});

describe("ClinicalTrials.gov import", () => {
  it("shows what would change, writes nothing until applied, then applies only what the study says", async () => {
    const trial = await createTrial(secretariat, "irci-gog-0277"); // exists already: returned as is
    const before = await db.trial.findUniqueOrThrow({ where: { id: trial.id }, include: { sites: true, registryIds: true } });
    const { changes } = await previewImport(secretariat, trial.id, fixture("full-study.json"));
    expect(changes.map((c) => c.field)).toEqual([
      "Overall status",
      "Phases",
      "Target accrual",
      "Start date",
      "Primary completion date",
      "Lead sponsor",
      "Registry ids",
      "Sites",
    ]);
    expect(changes.find((c) => c.field === "Target accrual")).toEqual({ field: "Target accrual", stored: "216", imported: "240" });
    expect(await db.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({
      overallStatus: before.overallStatus,
      targetAccrual: 216,
    });

    await applyImport(secretariat, trial.id, fixture("full-study.json"));
    const after = await db.trial.findUniqueOrThrow({ where: { id: trial.id }, include: { sites: true, registryIds: true } });
    expect(after).toMatchObject({
      overallStatus: "RECRUITING",
      phases: ["PHASE2", "PHASE3"],
      targetAccrual: 240,
      startDate: "2021-03",
      primaryCompletionDate: "2027",
    });
    expect(after.registryIds.map((r) => r.value).sort()).toEqual([
      "2012-002852-17",
      "2020-000001-11",
      "ISRCTN00000001",
      "NCT00000001",
      "NCT01533207",
    ]);
    expect(
      after.sites
        .filter((s) => s.facility)
        .map((s) => s.country)
        .sort(),
    ).toEqual(["AU", "BE", "JP", "KR", "US", "US"]);
    expect(await db.auditEvent.count({ where: { entityId: "irci-gog-0277", action: "trial.imported" } })).toBe(1);

    // A minimal study changes nothing it does not mention.
    await applyImport(secretariat, trial.id, fixture("minimal-study.json"));
    expect(await db.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({
      overallStatus: "RECRUITING",
      targetAccrual: 240,
      startDate: "2021-03",
    });
  });

  it("refuses garbage and people who do not keep the record, writing nothing", async () => {
    const error = await refusal(applyImport(secretariat, trialId, '{ "studies": [] }'));
    expect(error).toMatchObject({ code: "INVALID", message: expect.stringMatching(/search result/) });
    expect((await refusal(previewImport(nciRep, trialId, fixture("minimal-study.json")))).code).toBe("FORBIDDEN");
  });

  it("records an actual enrollment as accrual once, unless it would make the series go down", async () => {
    const interaact = (await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-interaact" } })).id;
    await applyImport(secretariat, interaact, fixture("completed-actual-enrollment.json"));
    await applyImport(secretariat, interaact, fixture("completed-actual-enrollment.json"));
    expect(await db.accrualUpdate.count({ where: { trialId: interaact, source: { contains: "NCT00000003" } } })).toBe(1);
    // EORTC 1206 already reported 140 patients: an import saying 91 is applied but not recorded as accrual.
    const result = await applyImport(secretariat, trialId, fixture("completed-actual-enrollment.json"));
    expect(result.accrualNotRecorded).toMatch(/cumulative/);
    expect(await db.accrualUpdate.count({ where: { trialId, source: { contains: "NCT00000003" } } })).toBe(0);
  });
});

async function exportAll(actor: Actor | null, kind: ExportKind) {
  const rows: Record<string, unknown>[] = [];
  for await (const batch of exportBatches(actor, kind)) rows.push(...batch);
  return rows;
}

describe("the import holds to the forms' rules (one set of rules for both roads in)", () => {
  const tamper = (change: (study: { protocolSection: Record<string, Record<string, unknown>> }) => void) => {
    const study = JSON.parse(fixture("full-study.json"));
    change(study);
    return JSON.stringify(study);
  };
  it.each([
    [
      "a lead sponsor longer than the form allows",
      (s: { protocolSection: Record<string, Record<string, unknown>> }) =>
        (s.protocolSection.sponsorCollaboratorsModule = { leadSponsor: { name: "S".repeat(400) } }),
      /Lead sponsor: At most 300 characters/,
    ],
    [
      "three phases",
      (s: { protocolSection: Record<string, Record<string, unknown>> }) =>
        (s.protocolSection.designModule = { ...s.protocolSection.designModule, phases: ["PHASE1", "PHASE2", "PHASE3"] }),
      /Phases: At most two phases/,
    ],
    [
      "a site in a country that does not exist",
      (s: { protocolSection: Record<string, Record<string, unknown>> }) =>
        (s.protocolSection.contactsLocationsModule = { locations: [{ facility: "Cair Paravel", city: "Narnia", country: "Narnia" }] }),
      /"Narnia" is not a country the portal knows/,
    ],
    [
      "a start date that does not exist",
      (s: { protocolSection: Record<string, Record<string, unknown>> }) =>
        (s.protocolSection.statusModule = { ...s.protocolSection.statusModule, startDateStruct: { date: "2025-02-31" } }),
      /Start date: That day does not exist/,
    ],
  ])("refuses %s, saying which field, and changes nothing", async (_label, change, message) => {
    const before = await db.trial.findUniqueOrThrow({ where: { id: trialId }, include: { sites: true } });
    const error = await refusal(applyImport(secretariat, trialId, tamper(change)));
    expect(error.code).toBe("INVALID");
    expect(error.message).toMatch(message);
    const after = await db.trial.findUniqueOrThrow({ where: { id: trialId }, include: { sites: true } });
    expect(after.sites).toHaveLength(before.sites.length);
    expect(after.leadSponsor).toBe(before.leadSponsor);
  });
});

describe("portfolio, exports and the public page", () => {
  it("summarizes the portfolio for signed-in people, with filters", async () => {
    const all = await portfolio(nciRep);
    expect(all.stages.find((s) => s.status === "UNDERWAY")?.count).toBeGreaterThanOrEqual(3);
    expect(all.accrual.find((t) => t.proposalId === "irci-interaact")).toMatchObject({ actual: 91 });
    expect(all.byOrganization.find((o) => o.organization === "CRUK")?.trials).toBeGreaterThanOrEqual(3);
    expect(all.byCountry.map((c) => c.country)).toEqual(expect.arrayContaining(["BE", "FR", "JP", "GB"]));
    expect(all.milestones.some((m) => m.kind === "PRIMARY_COMPLETION")).toBe(false); // planned 2027: not due
    const jcog = await portfolio(nciRep, { organization: "jcog" });
    expect(jcog.accrual.map((t) => t.proposalId)).toEqual(["irci-ballad"]);
    expect((await refusal(portfolio(null))).code).toBe("UNAUTHENTICATED");
  });

  it("exports proposals and trials to signed-in people only", async () => {
    const trials = (await exportAll(nciRep, "trials")) as { proposalId: string }[];
    expect(trials.find((t) => t.proposalId === "irci-gog-0277")).toMatchObject({ stage: "CLOSED_EARLY" });
    expect((await exportAll(nciRep, "proposals")).length).toBeGreaterThanOrEqual(8);
    expect((await refusal(exportAll(null, "trials"))).code).toBe("UNAUTHENTICATED");
  });

  it("exports every row, however many: nothing is cut off at a cap", async () => {
    const group = await db.expertGroup.findFirstOrThrow();
    const extra = 2 * EXPORT_BATCH + 37;
    await db.proposal.createMany({
      data: Array.from({ length: extra }, (_, i) => ({ id: `export-test-${i}`, groupId: group.id, title: `Export test ${i}` })),
    });
    try {
      const rows = (await exportAll(nciRep, "proposals")) as { id: string }[];
      expect(rows).toHaveLength(await db.proposal.count());
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      expect(rows.filter((r) => r.id.startsWith("export-test-"))).toHaveLength(extra);
    } finally {
      await db.proposal.deleteMany({ where: { id: { startsWith: "export-test-" } } });
    }
  });

  it("the public page shows approved, underway and completed trials and no private field", async () => {
    const { items: rows, total } = await publicPortfolio();
    expect(total).toBe(rows.length);
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["irci-interaact", "irci-inpact", "irci-eortc-1206", "irci-ballad"]));
    expect(ids).not.toContain("irci-gog-0277"); // closed early
    expect(rows.every((r) => ["APPROVED", "PLANNING", "UNDERWAY", "COMPLETED"].includes(r.status))).toBe(true);
    const text = JSON.stringify(rows);
    for (const secret of ["[Demo]", "@", "rationale", "note", "ballot", "Riley", "Robin", "Test report", "interest", "authors"])
      expect(text).not.toContain(secret);
  });
});
