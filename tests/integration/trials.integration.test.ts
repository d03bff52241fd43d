// Trial records: who may keep them, registry ids, cumulative accrual, milestones, sites, the
// ClinicalTrials.gov import, the portfolio, the exports and the public page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import {
  addRegistryId,
  addSite,
  correctAccrual,
  correctSite,
  createTrial,
  recordAccrual,
  removeSite,
  retractAccrual,
  setMilestone,
  updateTrial,
} from "@/lib/trials/mutations";
import { applyImport, previewImport, undoImport } from "@/lib/trials/import";
import { EXPORT_BATCH, exportBatches, type ExportKind } from "@/lib/portfolio/export";
import { portfolio } from "@/lib/portfolio/queries";
import { publicPortfolio } from "@/lib/portfolio/public";
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
    expect(ballad.sites?.listed.map((s) => s.country).sort()).toEqual(["BE", "FR", "GB", "JP"]);
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

  it("keeps accrual cumulative: a drop or a total far above the target is recorded only once confirmed", async () => {
    const report = (date: string, total: string, extra: Record<string, string> = {}) =>
      recordAccrual(eortcRep, trialId, { date, total, organizationId: "", country: "", source: "Test report", ...extra });
    await report("2021-06-01", "140");
    const lower = await refusal(report("2021-07-01", "120"));
    expect(lower.fields?.confirmed).toMatch(/cumulative, and 140 patients were reported on 2021-06-01: 120 would be a drop/);
    expect((await refusal(report("2999-01-01", "150"))).fields).toMatchObject({ date: /passed/ });
    // Nor above a later report: the series never goes down.
    expect((await refusal(report("2021-05-01", "141"))).fields?.confirmed).toMatch(/only 140 patients were reported later, on 2021-06-01/);
    // A month counts as of its end: 2021-06 is after 2021-06-01.
    expect((await refusal(report("2021-06", "139"))).code).toBe("INVALID");
    // The target is 152: 1000 is a typo until someone says otherwise.
    expect((await refusal(report("2021-08-01", "1000"))).fields?.confirmed).toMatch(/1000 patients is far above the target of 152/);
    expect(await db.accrualUpdate.count({ where: { trialId, total: { in: [120, 141, 139, 1000] } } })).toBe(0);
    // Confirmed, a drop is recorded (patients withdrawn), and the audit says it was confirmed.
    await report("2021-07-01", "120", { confirmed: "yes" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "trial.accrual_recorded" }, orderBy: { at: "desc" } });
    expect(audit.data).toMatchObject({ total: 120, confirmed: expect.stringMatching(/drop/) });
    // A country's own count is its own scope.
    await recordAccrual(eortcRep, trialId, { date: "2021-07-01", total: "12", organizationId: "", country: "United Kingdom", source: "" });
    expect(await db.accrualUpdate.findFirst({ where: { trialId, country: "GB" } })).toMatchObject({ total: 12 });
  });

  it("an organization taking part reports its own accrual, never another's, and never below its earlier report", async () => {
    // CRUK takes part in EORTC 1206 (led by EORTC): its representative and deputies report for CRUK only.
    const crukRep = await actorFor(db, "taylor.protocol@cruk.irci.example");
    const crukDeputy = await makePerson(db, { org: "cruk", role: "DEPUTY" });
    const crukMember = await makePerson(db, { org: "cruk", role: "MEMBER" });
    const jcogRep = await actorFor(db, "haru.hazard@jcog.irci.example");
    const eortcOrg = await db.organization.findUniqueOrThrow({ where: { slug: "eortc" } });
    const own = (actor: Actor | null, total: string, extra: Record<string, string> = {}) =>
      recordAccrual(actor, trialId, {
        date: "2021-09-01",
        total,
        organizationId: eortcOrg.id,
        country: "France",
        source: "CRUK report",
        ...extra,
      });
    const row = await own(crukRep, "27");
    // The organization comes from who reports, not from the form; a country is the keepers' business.
    expect(row).toMatchObject({ organizationId: crukRep.organizationId, country: null, total: 27, recordedById: crukRep.userId });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "trial.accrual_recorded", actorId: crukRep.userId } });
    expect(audit.data).toMatchObject({ total: 27, organizationId: crukRep.organizationId, reportedFor: "own organization" });
    // Below CRUK's earlier report (27): refused on the field, even if confirmed.
    const drop = await refusal(own(crukDeputy, "26", { date: "2021-10-01", confirmed: "yes" }));
    expect(drop.fields?.total).toMatch(/27 patients were reported on 2021-09-01: 26 would be a drop.*keepers/);
    await expect(own(crukDeputy, "29", { date: "2021-10-01" })).resolves.toMatchObject({ total: 29 });
    expect((await refusal(own(crukMember, "30"))).code).toBe("FORBIDDEN");
    expect((await refusal(own(jcogRep, "30"))).code).toBe("FORBIDDEN"); // JCOG does not take part
    expect((await refusal(own(null, "30"))).code).toBe("UNAUTHENTICATED");
    // The monitor reads CRUK's new count in the same request that shows the page.
    const page = await getTrial(crukRep, "irci-eortc-1206");
    expect(page.canReportFor).toMatchObject({ shortName: "CRUK" });
    expect(page.canManage).toBe(false);
    expect(page.monitor?.state).toBe("ready");
    if (page.monitor?.state === "ready") {
      expect(page.monitor.monitor.mode).toBe("organizations");
      expect(page.monitor.monitor.organizations.find((o) => o.label === "CRUK")?.reported).toBe(29);
    }
    expect((await getTrial(jcogRep, "irci-eortc-1206")).canReportFor).toBeNull();
  });

  it("corrects a typo in a report and retracts one entered in error, with a reason, audited; only the record's keepers", async () => {
    const gog = (await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-gog-0277" } })).id;
    // The typo of the walkthrough: 1000 against a target of 216, confirmed by mistake.
    const typo = await recordAccrual(secretariat, gog, {
      date: "2019-01-01",
      total: "1000",
      organizationId: "",
      country: "",
      source: "Typed",
      confirmed: "yes",
    });
    // The right, lower total is now a drop; the fix is to correct the typo, not to add a report.
    const fix = { date: "2019-01-01", total: "100", source: "Typed", reason: "Typo: one zero too many" };
    // GOG-0277 is led by NCI: EORTC's representative does not keep its record.
    expect((await refusal(correctAccrual(eortcRep, gog, typo.id, fix))).code).toBe("FORBIDDEN");
    expect((await refusal(correctAccrual(eortcMember, gog, typo.id, fix))).code).toBe("FORBIDDEN");
    expect((await refusal(correctAccrual(secretariat, gog, typo.id, { ...fix, reason: "" }))).fields).toMatchObject({ reason: /Say why/ });
    // A report of another trial is not this trial's to correct.
    const other = await db.accrualUpdate.findFirstOrThrow({ where: { trialId } });
    expect((await refusal(correctAccrual(secretariat, gog, other.id, fix))).code).toBe("NOT_FOUND");
    await correctAccrual(secretariat, gog, typo.id, fix);
    expect(await db.accrualUpdate.findUniqueOrThrow({ where: { id: typo.id } })).toMatchObject({ total: 100 });
    const corrected = await db.auditEvent.findFirstOrThrow({ where: { action: "trial.accrual_corrected", entityId: "irci-gog-0277" } });
    expect(corrected).toMatchObject({ reason: "Typo: one zero too many", data: { before: { total: 1000 }, after: { total: 100 } } });

    expect((await refusal(retractAccrual(eortcRep, gog, typo.id, "Entered twice"))).code).toBe("FORBIDDEN");
    expect((await refusal(retractAccrual(nciRep, gog, typo.id, ""))).fields).toMatchObject({ reason: /Say why/ });
    await retractAccrual(nciRep, gog, typo.id, "Entered twice");
    expect(await db.accrualUpdate.findUnique({ where: { id: typo.id } })).toBeNull();
    const retracted = await db.auditEvent.findFirstOrThrow({ where: { action: "trial.accrual_retracted", entityId: "irci-gog-0277" } });
    expect(retracted).toMatchObject({ reason: "Entered twice", data: { total: 100, date: "2019-01-01" } });
    expect((await refusal(retractAccrual(secretariat, gog, typo.id, "Again"))).code).toBe("NOT_FOUND");
  });

  it("corrects and removes a site, with a reason, audited; only the record's keepers", async () => {
    const site = await addSite(eortcRep, trialId, { country: "France", facility: "Institut Typo", city: "Lyon", organizationId: "" });
    const fix = { country: "FR", facility: "Institut Bergonié", city: "Bordeaux", organizationId: "", reason: "Wrong site picked" };
    expect((await refusal(correctSite(nciRep, trialId, site.id, fix))).code).toBe("FORBIDDEN");
    expect((await refusal(correctSite(eortcRep, trialId, site.id, { ...fix, country: "Narnia" }))).fields).toMatchObject({
      country: /Choose a country/,
    });
    await correctSite(eortcRep, trialId, site.id, fix);
    expect(await db.trialSite.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({
      facility: "Institut Bergonié",
      city: "Bordeaux",
    });
    const corrected = await db.auditEvent.findFirstOrThrow({ where: { action: "trial.site_corrected", entityId: "irci-eortc-1206" } });
    expect(corrected).toMatchObject({
      reason: "Wrong site picked",
      data: { before: { facility: "Institut Typo" }, after: { facility: "Institut Bergonié" } },
    });
    expect((await refusal(removeSite(eortcMember, trialId, site.id, "Never opened"))).code).toBe("FORBIDDEN");
    await removeSite(chair, trialId, site.id, "Never opened");
    expect(await db.trialSite.findUnique({ where: { id: site.id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "trial.site_removed", entityId: "irci-eortc-1206" } })).toBe(1);
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
    expect(changes.find((c) => c.field === "Target accrual")).toEqual({
      field: "Target accrual",
      kind: "replace",
      stored: "216",
      imported: "240",
    });
    // Words, not the registry's codes; kept ids and sites are additions, not replacements.
    expect(changes.find((c) => c.field === "Overall status")).toMatchObject({ stored: "Terminated", imported: "Recruiting" });
    expect(changes.find((c) => c.field === "Phases")).toMatchObject({ stored: "Phase 3", imported: "Phase 2, Phase 3" });
    expect(changes.find((c) => c.field === "Registry ids")).toMatchObject({ kind: "add", stored: expect.stringContaining("NCT01533207") });
    expect(await db.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({
      overallStatus: before.overallStatus,
      targetAccrual: 216,
    });

    // The record is NCT00000001 and the trial is NCT01533207: applied only when confirmed.
    const preview = await previewImport(secretariat, trial.id, fixture("full-study.json"));
    expect(preview.otherTrial).toEqual({ stored: ["NCT01533207"] });
    const unconfirmed = await refusal(applyImport(secretariat, trial.id, fixture("full-study.json")));
    expect(unconfirmed).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/This record is NCT00000001.*registered as NCT01533207/),
    });
    expect(await db.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({ targetAccrual: 216 });
    expect(await db.trialImport.count({ where: { trialId: trial.id } })).toBe(0);

    const applied = await applyImport(secretariat, trial.id, fixture("full-study.json"), { confirmNctId: "NCT00000001" });
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
    const minimal = await applyImport(secretariat, trial.id, fixture("minimal-study.json"), { confirmNctId: "NCT00000002" });
    expect(await db.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({
      overallStatus: "RECRUITING",
      targetAccrual: 240,
      startDate: "2021-03",
    });

    // Undo, latest first, each as one audited event: the record is as it was before.
    expect((await refusal(undoImport(eortcRep, trial.id, minimal.importId))).code).toBe("FORBIDDEN");
    expect((await refusal(undoImport(secretariat, trial.id, applied.importId))).message).toMatch(
      /later import \(NCT00000002\).*undo that one first/,
    );
    await undoImport(secretariat, trial.id, minimal.importId);
    expect((await refusal(undoImport(secretariat, trial.id, minimal.importId))).message).toMatch(/already undone/);
    await undoImport(secretariat, trial.id, applied.importId);
    const undone = await db.trial.findUniqueOrThrow({ where: { id: trial.id }, include: { sites: true, registryIds: true } });
    expect(undone).toMatchObject({
      overallStatus: before.overallStatus,
      phases: before.phases,
      targetAccrual: 216,
      startDate: before.startDate,
      leadSponsor: before.leadSponsor,
      importedAt: before.importedAt,
    });
    expect(undone.sites.map((s) => s.id).sort()).toEqual(before.sites.map((s) => s.id).sort());
    expect(undone.registryIds.map((r) => r.value).sort()).toEqual(before.registryIds.map((r) => r.value).sort());
    expect(await db.auditEvent.count({ where: { entityId: "irci-gog-0277", action: "trial.import_undone" } })).toBe(2);
  });

  it("refuses a record whose NCT number is another trial's in the portal", async () => {
    const interaact = (await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-interaact" } })).id;
    const record = fixture("minimal-study.json").replace(/NCT00000002/g, "NCT01533207"); // GOG-0277's number
    expect((await refusal(previewImport(secretariat, interaact, record))).message).toMatch(/another trial in the portal/);
    expect((await refusal(applyImport(secretariat, interaact, record, { confirmNctId: "NCT01533207" }))).code).toBe("CONFLICT");
  });

  it("counts each site once, and shows the accrual stored now", async () => {
    const study = JSON.parse(fixture("full-study.json"));
    const locations = study.protocolSection.contactsLocationsModule.locations;
    locations.push({ ...locations[0] }, { ...locations[0] }); // listed three times in the record
    const { changes } = await previewImport(eortcRep, trialId, JSON.stringify(study));
    const sites = changes.find((c) => c.field === "Sites")!;
    const added = await applyImport(eortcRep, trialId, JSON.stringify(study), { confirmNctId: "NCT00000001" });
    expect(sites.imported).toMatch(new RegExp(`^adds ${added.sitesAdded} sites? in`));
    await undoImport(eortcRep, trialId, added.importId);
    const accrualPreview = await previewImport(secretariat, trialId, fixture("completed-actual-enrollment.json"));
    expect(accrualPreview.changes.find((c) => c.field === "Accrual")?.stored).toMatch(/^\d+ patients$/);
  });

  it("refuses garbage and people who do not keep the record, writing nothing", async () => {
    const error = await refusal(applyImport(secretariat, trialId, '{ "studies": [] }'));
    expect(error).toMatchObject({ code: "INVALID", message: expect.stringMatching(/search result/) });
    expect((await refusal(previewImport(nciRep, trialId, fixture("minimal-study.json")))).code).toBe("FORBIDDEN");
  });

  it("records an actual enrollment as accrual once, unless it would make the series go down", async () => {
    const interaact = (await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-interaact" } })).id;
    const confirm = { confirmNctId: "NCT00000003" };
    await applyImport(secretariat, interaact, fixture("completed-actual-enrollment.json"), confirm);
    await applyImport(secretariat, interaact, fixture("completed-actual-enrollment.json"), confirm);
    expect(await db.accrualUpdate.count({ where: { trialId: interaact, source: { contains: "NCT00000003" } } })).toBe(1);
    // Dated by the record's last update, not the day of the import.
    const imported = await db.accrualUpdate.findFirstOrThrow({ where: { trialId: interaact, source: { contains: "NCT00000003" } } });
    expect(imported).toMatchObject({ date: "2020-08-14", total: 91 });
    expect(imported.source).toMatch(/actual enrollment as of 2020-08-14, imported \d{4}-\d{2}-\d{2}/);
    // EORTC 1206 already reported 140 patients: an import saying 91 is applied but not recorded as accrual.
    // (Another number: NCT00000003 is INTERAACT's now, and a record of another trial is refused.)
    const lower = fixture("completed-actual-enrollment.json").replace(/NCT00000003/g, "NCT00000013");
    const result = await applyImport(secretariat, trialId, lower, { confirmNctId: "NCT00000013" });
    expect(result.accrualNotRecorded).toMatch(/cumulative/);
    expect(await db.accrualUpdate.count({ where: { trialId, source: { contains: "NCT00000013" } } })).toBe(0);
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
