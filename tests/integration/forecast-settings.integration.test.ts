// The accrual forecast's assumptions: the secretariat changes them with a reason, audited in the same
// transaction; everyone else is refused; bad values get field messages and change nothing. And a
// proposal's planned accrual period: saved with its revision, refused on its field when implausible.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { DEFAULT_FORECAST_SETTINGS, readForecastSettings, setForecastSettings } from "@/lib/settings";
import { createProposal, saveProposal } from "@/lib/proposals/mutations";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let secretariat: Actor;
let nciRep: Actor;
let chair: Actor;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  secretariat = await makePerson(db, { secretariat: true });
  nciRep = await actorFor(db, "riley.placebo@nci.irci.example");
  chair = await actorFor(db, "casey.cohort@nci.irci.example");
});
afterAll(() => db.$disconnect());

describe("the forecast settings", () => {
  it("start at the documented defaults", async () => {
    expect(await readForecastSettings()).toEqual({ discount: 0.5, warnYears: 5, atRiskProbability: 0.2 });
    expect(DEFAULT_FORECAST_SETTINGS).toEqual({ discount: 0.5, warnYears: 5, atRiskProbability: 0.2 });
  });

  it("are changed by the secretariat with a reason, in percentages and years, and audited with what they replaced", async () => {
    const before = await db.auditEvent.count({ where: { action: "setting.changed", entityId: "accrualForecast" } });
    await expect(
      setForecastSettings(secretariat, { discount: "70", warnYears: "6.5", atRisk: "25" }, "Our own pledges ran at 70%"),
    ).resolves.toEqual({
      discount: 0.7,
      warnYears: 6.5,
      atRiskProbability: 0.25,
    });
    expect(await readForecastSettings()).toEqual({ discount: 0.7, warnYears: 6.5, atRiskProbability: 0.25 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "setting.changed", entityId: "accrualForecast" },
      orderBy: { at: "desc" },
    });
    expect(event).toMatchObject({
      actorId: secretariat.userId,
      reason: "Our own pledges ran at 70%",
      data: {
        from: { discount: 0.5, warnYears: 5, atRiskProbability: 0.2 },
        to: { discount: 0.7, warnYears: 6.5, atRiskProbability: 0.25 },
      },
    });
    await setForecastSettings(secretariat, { discount: "50", warnYears: "5", atRisk: "20" }, "Back to the defaults");
    expect(await readForecastSettings()).toEqual(DEFAULT_FORECAST_SETTINGS);
    expect(await db.auditEvent.count({ where: { action: "setting.changed", entityId: "accrualForecast" } })).toBe(before + 2);
  });

  it("refuse a representative, a member and nobody signed in", async () => {
    const values = { discount: "60", warnYears: "5", atRisk: "20" };
    expect((await refusal(setForecastSettings(nciRep, values, "test"))).code).toBe("FORBIDDEN");
    expect((await refusal(setForecastSettings(chair, values, "test"))).code).toBe("FORBIDDEN");
    expect((await refusal(setForecastSettings(null, values, "test"))).code).toBe("UNAUTHENTICATED");
    expect(await readForecastSettings()).toEqual(DEFAULT_FORECAST_SETTINGS);
  });

  it("refuse bad values on their fields, and a change without a reason, changing nothing", async () => {
    const bad = await refusal(setForecastSettings(secretariat, { discount: "150", warnYears: "zero", atRisk: "2" }, "test"));
    expect(bad.code).toBe("INVALID");
    expect(bad.fields).toEqual({
      discount: "The share of pledges expected must be at most 100%.",
      warnYears: "Enter a number of years, such as 5.",
      atRisk: "The at-risk threshold must be at least 5%.",
    });
    expect((await refusal(setForecastSettings(secretariat, { discount: "12.5", warnYears: "5", atRisk: "20" }, "test"))).fields).toEqual({
      discount: "Enter the share of pledges expected as a whole percentage, such as 50.",
    });
    expect((await refusal(setForecastSettings(secretariat, { discount: "60", warnYears: "5", atRisk: "20" }, ""))).fields).toMatchObject({
      reason: expect.stringMatching(/Say why/),
    });
    expect(await readForecastSettings()).toEqual(DEFAULT_FORECAST_SETTINGS);
  });
});

describe("a proposal's planned accrual period", () => {
  it("is saved with the proposal and its revision, and an implausible one is refused on its field", async () => {
    const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "uterine-sarcoma" } });
    const p = await createProposal(chair, {
      groupId: group.id,
      leadOrganizationId: nciRep.organizationId,
      title: "Planned accrual (test)",
    });
    const content = {
      title: "Planned accrual (test)",
      population: "",
      intervention: "",
      comparator: "",
      primaryOutcome: "",
      rationale: "",
      phase: "",
      randomised: "",
      sampleSize: "200",
      plannedAccrualMonths: "48",
      primaryEndpoint: "",
      noOtherForum: "",
    };
    await saveProposal(chair, p.id, content, 1);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: p.id }, select: { plannedAccrualMonths: true } })).toEqual({
      plannedAccrualMonths: 48,
    });
    const revision = await db.proposalRevision.findUniqueOrThrow({ where: { proposalId_number: { proposalId: p.id, number: 2 } } });
    expect(revision.content).toMatchObject({ plannedAccrualMonths: 48 });
    for (const [value, message] of [
      ["0", "The planned accrual period is at least 1 month."],
      ["4.5", "Give the planned accrual period in whole months, such as 48."],
      ["four years", "Give the planned accrual period in whole months, such as 48."],
      ["600", "A planned accrual period above 20 years is implausible: give it in months, such as 48."],
    ]) {
      const error = await refusal(saveProposal(chair, p.id, { ...content, plannedAccrualMonths: value }, 2));
      expect(error.fields).toEqual({ plannedAccrualMonths: message });
    }
    await saveProposal(chair, p.id, { ...content, plannedAccrualMonths: "" }, 2);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).plannedAccrualMonths).toBeNull();
  });
});
