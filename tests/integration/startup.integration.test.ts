// The country start-up tracker: the trial's keepers update any step, the representative or a deputy of
// a step's owner organization its own steps, everyone else is refused and nothing is written; a stale
// edit is refused by the database; bad input is refused on its field; each change writes the step, its
// history record and the audit event together. The targets are the secretariat's, audited with the old
// value and the reason. The seed records the five real trials' start-up, illustrative rows flagged.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { addStartupCountry, updateStartupStep } from "@/lib/startup/mutations";
import { getStartup, portfolioStartup } from "@/lib/startup/queries";
import { readStartupTargets, setStartupTargets } from "@/lib/startup/settings";
import { DEFAULT_STARTUP_TARGETS } from "@/lib/startup/steps";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let chair: Actor;
let nciRep: Actor;
let jcogRep: Actor;
let jcogDeputy: Actor;
let jcogMember: Actor;
let eortcRep: Actor;
let secretariat: Actor;
const today = new Date("2026-12-02T12:00:00Z");

const step = (overrides: Record<string, string> = {}) => ({
  state: "IN_PROGRESS",
  plannedDate: "",
  actualDate: "",
  blockedSince: "",
  blockedReason: "",
  ownerOrganizationId: "",
  ...overrides,
});

/** A trial led by NCI with JCOG taking part, approved by a vote on 10 January 2026, with a site in France. */
async function trial() {
  const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "uterine-sarcoma" } });
  const [nci, jcog] = await Promise.all(
    ["nci", "jcog"].map((slug) => db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } })),
  );
  const proposal = await db.proposal.create({
    data: {
      groupId: group.id,
      leadOrganizationId: nci!.id,
      status: "PLANNING",
      title: `Start-up test ${randomUUID().slice(0, 8)}`,
      interests: {
        create: [
          { organizationId: nci!.id, level: "LEAD" },
          { organizationId: jcog!.id, level: "PARTICIPATE" },
        ],
      },
      votes: {
        create: {
          status: "CLOSED",
          outcome: "PASSED",
          quorum: 2,
          closesAt: new Date("2026-01-10T12:00:00Z"),
          closedAt: new Date("2026-01-10T12:00:00Z"),
        },
      },
      trial: { create: { phases: ["PHASE3"], sites: { create: { country: "FR", facility: "" } } } },
    },
    select: { id: true, trial: { select: { id: true } } },
  });
  return { proposalId: proposal.id, trialId: proposal.trial!.id };
}

async function written(trialId: string, proposalId: string) {
  const [steps, records, audits, versions] = await Promise.all([
    db.startupStep.count({ where: { trialId } }),
    db.startupStepRecord.count({ where: { step: { trialId } } }),
    db.auditEvent.count({ where: { entityId: proposalId, action: { startsWith: "startup." } } }),
    db.startupStep.aggregate({ where: { trialId }, _sum: { version: true } }),
  ]);
  return { steps, records, audits, versions: versions._sum.version };
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  // Casey Cohort (NCI) chairs the uterine sarcoma group.
  chair = await actorFor(db, "casey.cohort@nci.irci.example");
  nciRep = await actorFor(db, "riley.placebo@nci.irci.example");
  jcogRep = await actorFor(db, "haru.hazard@jcog.irci.example");
  jcogDeputy = await makePerson(db, { org: "jcog", role: "DEPUTY" });
  jcogMember = await makePerson(db, { org: "jcog", role: "MEMBER" });
  eortcRep = await actorFor(db, "robin.crossover@eortc.irci.example");
  secretariat = await makePerson(db, { secretariat: true });
});
afterAll(() => db.$disconnect());

describe("who updates a step", () => {
  it("a keeper updates any country's step: the step, its history and the audit event, together", async () => {
    const t = await trial();
    const saved = await updateStartupStep(nciRep, t.trialId, "JP", "REGULATOR", step(), "0", today);
    // The keeper's form offers the country's organization as owner; chosen empty, the step has none.
    expect(saved).toMatchObject({ state: "IN_PROGRESS", version: 1, country: "JP", ownerOrganizationId: null });
    const records = await db.startupStepRecord.findMany({ where: { stepId: saved.id } });
    expect(records).toHaveLength(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: t.proposalId, action: "startup.step_updated" } });
    expect(event.actorId).toBe(nciRep.userId);
    expect(event.data).toMatchObject({
      country: "JP",
      step: "REGULATOR",
      label: "PMDA / jRCT",
      before: null,
      after: { state: "IN_PROGRESS" },
    });
    // A chair and the secretariat keep the record too.
    await updateStartupStep(chair, t.trialId, "FR", "CONTRACTS", step(), "0", today);
    await updateStartupStep(secretariat, t.trialId, "US", "FUNDING", step({ state: "DONE", actualDate: "2026-02-01" }), "0", today);
  });

  it("the owner organization's representative or deputy updates its own steps, and cannot hand them to another", async () => {
    const t = await trial();
    const eortc = await db.organization.findUniqueOrThrow({ where: { slug: "eortc" } });
    const a = await updateStartupStep(jcogRep, t.trialId, "JP", "ETHICS", step({ ownerOrganizationId: eortc.id }), "0", today);
    expect(a.ownerOrganizationId).toBe(jcogRep.organizationId);
    const b = await updateStartupStep(jcogDeputy, t.trialId, "JP", "ETHICS", step({ state: "NOT_APPLICABLE" }), "1", today);
    expect(b).toMatchObject({ state: "NOT_APPLICABLE", version: 2 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: t.proposalId, actorId: jcogDeputy.userId } });
    expect(event.data).toMatchObject({
      updatedFor: "own organization",
      before: { state: "IN_PROGRESS" },
      after: { state: "NOT_APPLICABLE" },
    });
  });

  it("refuses others, and writes nothing", async () => {
    const t = await trial();
    const before = await written(t.trialId, t.proposalId);
    // France's steps belong to the lead organization (no French organization takes part).
    expect((await refusal(updateStartupStep(jcogRep, t.trialId, "FR", "CONTRACTS", step(), "0", today))).code).toBe("FORBIDDEN");
    expect((await refusal(updateStartupStep(jcogMember, t.trialId, "JP", "ETHICS", step(), "0", today))).code).toBe("FORBIDDEN");
    expect((await refusal(updateStartupStep(eortcRep, t.trialId, "JP", "ETHICS", step(), "0", today))).code).toBe("FORBIDDEN");
    expect((await refusal(updateStartupStep(null, t.trialId, "JP", "ETHICS", step(), "0", today))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(addStartupCountry(jcogRep, t.trialId, { country: "DE" }))).code).toBe("FORBIDDEN");
    expect(await written(t.trialId, t.proposalId)).toEqual(before);
  });
});

describe("what a step may hold", () => {
  it("refuses a stale edit: the database settles two people saving the same version", async () => {
    const t = await trial();
    await updateStartupStep(nciRep, t.trialId, "US", "CONTRACTS", step(), "0", today);
    const results = await Promise.allSettled([
      updateStartupStep(nciRep, t.trialId, "US", "CONTRACTS", step({ state: "NOT_STARTED" }), "1", today),
      updateStartupStep(chair, t.trialId, "US", "CONTRACTS", step({ state: "NOT_APPLICABLE" }), "1", today),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/still in the form/) });
    // A second first save of a step that has no row yet is stale too.
    await updateStartupStep(nciRep, t.trialId, "US", "SPONSOR", step(), "0", today);
    expect((await refusal(updateStartupStep(chair, t.trialId, "US", "SPONSOR", step(), "0", today))).code).toBe("CONFLICT");
    expect(await db.startupStepRecord.count({ where: { step: { trialId: t.trialId, step: "CONTRACTS" } } })).toBe(2);
  });

  it("refuses bad input on its field, and writes nothing", async () => {
    const t = await trial();
    const before = await written(t.trialId, t.proposalId);
    const fields = async (raw: Record<string, string>) =>
      (await refusal(updateStartupStep(nciRep, t.trialId, "JP", "CONTRACTS", step(raw), "0", today))).fields;
    expect(await fields({ state: "BLOCKED", blockedSince: "2026-11-01" })).toEqual({ blockedReason: expect.stringMatching(/what blocks/) });
    expect(await fields({ state: "DONE", actualDate: "2027-01-01" })).toEqual({ actualDate: expect.stringMatching(/future/) });
    expect(await fields({ state: "DONE", actualDate: "2025-12-01" })).toEqual({
      actualDate: expect.stringMatching(/before the trial's approval \(2026-01-10\)/),
    });
    expect(await fields({ state: "SOMETIMES" })).toEqual({ state: expect.any(String) });
    expect(await fields({ ownerOrganizationId: "no-such-organization" })).toEqual({ ownerOrganizationId: expect.any(String) });
    expect((await refusal(updateStartupStep(nciRep, t.trialId, "DE", "CONTRACTS", step(), "0", today))).code).toBe("NOT_FOUND");
    expect((await refusal(updateStartupStep(nciRep, t.trialId, "JP", "LUNCH", step(), "0", today))).code).toBe("NOT_FOUND");
    expect((await refusal(updateStartupStep(nciRep, t.trialId, "JP", "CONTRACTS", step(), "x", today))).code).toBe("INVALID");
    expect(await written(t.trialId, t.proposalId)).toEqual(before);
  });

  it("a blocked step says since when and why on the trial's matrix; unblocking clears both", async () => {
    const t = await trial();
    const blocked = step({ state: "BLOCKED", blockedSince: "2026-03-03", blockedReason: "Insurance certificate for Japan" });
    await updateStartupStep(jcogRep, t.trialId, "JP", "CONTRACTS", blocked, "0", today);
    const view = await getStartup(jcogRep, t.trialId, today);
    expect(view.countries.map((c) => c.country)).toEqual(
      ["France", "Japan", "United States"].map((n) => ({ France: "FR", Japan: "JP", "United States": "US" })[n]),
    );
    expect(view.anchor).toMatchObject({ from: "vote", precision: "DAY" });
    expect(view.blocked).toHaveLength(1);
    const cell = view.blocked[0]!;
    expect(cell).toMatchObject({ country: "JP", step: "CONTRACTS", canUpdate: true, timing: { days: 326, target: 270, pastTarget: true } });
    // JCOG's representative updates Japan's steps, not France's.
    expect(view.countries.find((c) => c.country === "FR")!.cells.every((c) => !c.canUpdate)).toBe(true);
    const cleared = await updateStartupStep(jcogRep, t.trialId, "JP", "CONTRACTS", step({ blockedReason: "kept?" }), "1", today);
    expect(cleared).toMatchObject({ state: "IN_PROGRESS", blockedSince: null, blockedReason: null });
  });

  it("a keeper adds a country: its steps, not started, owned by the lead organization; twice is refused on the field", async () => {
    const t = await trial();
    expect(await addStartupCountry(chair, t.trialId, { country: "Germany" })).toBe("DE");
    const rows = await db.startupStep.findMany({ where: { trialId: t.trialId, country: "DE" } });
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.state === "NOT_STARTED" && r.ownerOrganizationId === nciRep.organizationId)).toBe(true);
    expect((await refusal(addStartupCountry(chair, t.trialId, { country: "DE" }))).fields).toEqual({
      country: expect.stringMatching(/already/),
    });
    expect((await refusal(addStartupCountry(chair, t.trialId, { country: "Atlantis" }))).fields).toEqual({ country: expect.any(String) });
  });
});

describe("the seeded start-up of the real trials", () => {
  it("InPACT counts from its funding in 2013: UK ethics approval on 17 October 2016, about 1,203 days, past its target", async () => {
    const inpact = await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-inpact" } });
    const view = await getStartup(secretariat, inpact.id, today);
    expect(view.anchor).toMatchObject({ from: "funding", precision: "YEAR" });
    const gb = view.countries.find((c) => c.country === "GB")!;
    const ethics = gb.cells.find((c) => c.step === "ETHICS")!;
    expect(ethics).toMatchObject({
      label: "Ethics (REC, HRA approval)",
      row: { state: "DONE", illustrative: false },
      timing: { days: 1203, approximate: true, pastTarget: true },
    });
    expect(gb.cells.find((c) => c.step === "REGULATOR")!.row).toMatchObject({ illustrative: true });
    expect(view.illustrative).toBe(true);
  });

  it("the portfolio counts days per step by country, leaving illustrative steps out", async () => {
    const { countries } = await portfolioStartup({ proposalId: { in: ["irci-inpact", "irci-ballad"] } }, today);
    const gb = countries.find((c) => c.country === "GB")!;
    expect(gb.steps.ETHICS).toMatchObject({ median: 1203, done: 1, pastTarget: 1, approximate: true });
    // UK regulator approval is illustrative in the seed: not counted.
    expect(gb.steps.REGULATOR).toMatchObject({ median: null, done: 0 });
    expect(countries.find((c) => c.country === "FR")).toBeUndefined();
  });

  it("reseeding never changes what a keeper recorded", async () => {
    const ballad = await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-ballad" } });
    const fr = await db.startupStep.findUniqueOrThrow({
      where: { trialId_country_step: { trialId: ballad.id, country: "FR", step: "CONTRACTS" } },
    });
    expect(fr).toMatchObject({ state: "BLOCKED", illustrative: true });
    await updateStartupStep(secretariat, ballad.id, "FR", "CONTRACTS", step(), String(fr.version), today);
    await seedDatabase(db, { demo: true });
    expect(await db.startupStep.findUniqueOrThrow({ where: { id: fr.id } })).toMatchObject({
      state: "IN_PROGRESS",
      illustrative: false,
      source: "",
    });
  });
});

describe("the start-up targets", () => {
  const form = (overrides: Record<string, string> = {}) => ({
    ...Object.fromEntries(Object.entries(DEFAULT_STARTUP_TARGETS.steps).map(([k, v]) => [k, String(v)])),
    phase12Activation: "210",
    ...overrides,
  });
  it("the secretariat changes them with a reason, audited with the old value", async () => {
    const before = await readStartupTargets();
    await setStartupTargets(secretariat, form({ FIRST_SITE: "320" }), "Integration test");
    expect((await readStartupTargets()).steps.FIRST_SITE).toBe(320);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: "startupTargets", reason: "Integration test" } });
    expect(event.data).toMatchObject({ from: { steps: { FIRST_SITE: before.steps.FIRST_SITE } }, to: { steps: { FIRST_SITE: 320 } } });
    await setStartupTargets(secretariat, form(), "Integration test: back to the defaults");
  });
  it("refuses others, and targets that do not add up, on their field", async () => {
    expect((await refusal(setStartupTargets(nciRep, form(), "No"))).code).toBe("FORBIDDEN");
    expect((await refusal(setStartupTargets(secretariat, form({ phase12Activation: "x" }), "Typo"))).fields).toEqual({
      phase12Activation: expect.stringMatching(/whole number of days/),
    });
    const refused = await refusal(setStartupTargets(secretariat, form({ ETHICS: "400", FIRST_PATIENT: "200" }), ""));
    expect(Object.keys(refused.fields!).sort()).toEqual(["ETHICS", "FIRST_PATIENT", "FIRST_SITE", "reason"]);
  });
});
