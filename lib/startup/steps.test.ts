import { describe, expect, it } from "vitest";
import {
  DEFAULT_STARTUP_TARGETS,
  STARTUP_STEPS,
  blockedSentence,
  countsAt,
  dateWords,
  defaultOwner,
  median,
  startupAnchor,
  stepLabel,
  stepTiming,
  targetDays,
} from "./steps";
import { ZStartupStepUpdate, stepProblems } from "./schema";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("the regulator and ethics steps are named as each country names them", () => {
  it.each([
    ["FR", "REGULATOR", "EU CTIS part I"],
    ["BE", "ETHICS", "EU CTIS part II (national, ethics)"],
    ["GB", "REGULATOR", "MHRA"],
    ["US", "REGULATOR", "FDA (IND)"],
    ["CA", "REGULATOR", "Health Canada (CTA)"],
    ["JP", "REGULATOR", "PMDA / jRCT"],
    ["JP", "ETHICS", "Certified review board"],
    ["AU", "REGULATOR", "TGA (CTN or CTA)"],
    ["KR", "REGULATOR", "Regulator"],
    ["JP", "FUNDING", "Funding"],
  ] as const)("%s %s: %s", (country, step, label) => {
    expect(stepLabel(step, country)).toBe(label);
  });
});

describe("partial dates of the public record count as their middle", () => {
  it("counts a year from 2 July and a month from its 16th day, a whole day as itself", () => {
    expect(countsAt(day("2013-01-01"), "YEAR").toISOString().slice(0, 10)).toBe("2013-07-02");
    expect(countsAt(day("2016-10-01"), "MONTH").toISOString().slice(0, 10)).toBe("2016-10-16");
    expect(countsAt(day("2016-10-17"), "DAY").toISOString().slice(0, 10)).toBe("2016-10-17");
  });
  it("says dates as precisely as they are known", () => {
    expect(dateWords(day("2024-03-03"))).toBe("3 Mar 2024");
    expect(dateWords(day("2015-08-01"), "MONTH")).toBe("Aug 2015");
    expect(dateWords(day("2013-01-01"), "YEAR")).toBe("2013");
  });
});

describe("a blocked step says since when and why, in words", () => {
  it("counts the days it has been blocked", () => {
    expect(blockedSentence(day("2024-03-03"), "insurance certificate for Japan", day("2024-12-02"))).toBe(
      "Blocked since 3 Mar 2024 (274 days): insurance certificate for Japan",
    );
    expect(blockedSentence(day("2024-12-01"), "CTA", day("2024-12-02"))).toBe("Blocked since 1 Dec 2024 (1 day): CTA");
  });
});

describe("where start-up counts from", () => {
  it("prefers the protocol's approval, then the vote, then the first funding", () => {
    const funding = [
      { date: day("2014-01-01"), precision: "YEAR" as const },
      { date: day("2013-01-01"), precision: "YEAR" as const },
    ];
    expect(startupAnchor({ protocolApproved: "2015-03", votePassedAt: day("2014-05-05"), funding })).toMatchObject({
      from: "protocol",
      precision: "MONTH",
    });
    expect(startupAnchor({ protocolApproved: null, votePassedAt: new Date("2014-05-05T17:00:00Z"), funding })).toEqual({
      date: day("2014-05-05"),
      precision: "DAY",
      from: "vote",
    });
    expect(startupAnchor({ protocolApproved: null, votePassedAt: null, funding })).toEqual({
      date: day("2013-01-01"),
      precision: "YEAR",
      from: "funding",
    });
    expect(startupAnchor({ protocolApproved: null, votePassedAt: null, funding: [] })).toBeNull();
  });
});

describe("targets and days", () => {
  const anchor = { date: day("2013-01-01"), precision: "YEAR" as const, from: "funding" as const };
  it("defaults add up to NCI's activation targets: 300 days for phase 3, 210 for phase 1-2", () => {
    expect(targetDays(DEFAULT_STARTUP_TARGETS, "FIRST_SITE", ["PHASE3"])).toBe(300);
    expect(targetDays(DEFAULT_STARTUP_TARGETS, "FIRST_SITE", ["PHASE2"])).toBe(210);
    for (const step of STARTUP_STEPS.filter((s) => s !== "FIRST_PATIENT"))
      expect(DEFAULT_STARTUP_TARGETS.steps[step]).toBeLessThanOrEqual(DEFAULT_STARTUP_TARGETS.steps.FIRST_SITE);
    expect(targetDays(DEFAULT_STARTUP_TARGETS, "ETHICS", ["PHASE1", "PHASE2"])).toBe(147);
  });
  it("counts a done step to its date, about when partial, and flags it past its target", () => {
    // InPACT: funded 2013, UK ethics approval 17 October 2016.
    const ethics = stepTiming({ state: "DONE", actualDate: day("2016-10-17"), actualPrecision: "DAY" }, anchor, 210, day("2026-12-02"));
    expect(ethics).toEqual({ days: 1203, approximate: true, target: 210, pastTarget: true });
  });
  it("counts an open step to today, and nothing without an anchor or when not applicable", () => {
    const vote = { date: day("2026-01-01"), precision: "DAY" as const, from: "vote" as const };
    expect(stepTiming({ state: "BLOCKED", actualDate: null, actualPrecision: "DAY" }, vote, 270, day("2026-12-02"))).toEqual({
      days: 335,
      approximate: false,
      target: 270,
      pastTarget: true,
    });
    expect(stepTiming({ state: "IN_PROGRESS", actualDate: null, actualPrecision: "DAY" }, vote, 400, day("2026-12-02")).pastTarget).toBe(
      false,
    );
    expect(stepTiming({ state: "NOT_APPLICABLE", actualDate: null, actualPrecision: "DAY" }, vote, 1, day("2026-12-02")).days).toBeNull();
    expect(stepTiming({ state: "IN_PROGRESS", actualDate: null, actualPrecision: "DAY" }, null, 1, day("2026-12-02")).days).toBeNull();
  });
  it("takes the median of an even count as the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(3);
  });
});

describe("who owns a country's steps unless told", () => {
  const participants = [
    { organizationId: "nihr", country: "GB", lead: false },
    { organizationId: "cruk", country: "GB", lead: true },
    { organizationId: "jcog", country: "JP", lead: false },
  ];
  it("an organization of that country taking part, the lead first, else the lead organization", () => {
    expect(defaultOwner("GB", participants, "cruk")).toBe("cruk");
    expect(defaultOwner("JP", participants, "cruk")).toBe("jcog");
    expect(defaultOwner("FR", participants, "cruk")).toBe("cruk");
    expect(defaultOwner("FR", [], null)).toBeNull();
  });
});

describe("a step's form is checked field by field", () => {
  const today = day("2026-12-02");
  const parse = (raw: Record<string, string>) =>
    ZStartupStepUpdate.parse({
      state: "IN_PROGRESS",
      plannedDate: "",
      actualDate: "",
      blockedSince: "",
      blockedReason: "",
      ownerOrganizationId: "",
      ...raw,
    });
  it("refuses a block without a reason or a date, or since a day to come", () => {
    expect(stepProblems(parse({ state: "BLOCKED" }), today, null)).toEqual({
      blockedReason: expect.stringMatching(/what blocks/),
      blockedSince: expect.stringMatching(/since when/),
    });
    expect(stepProblems(parse({ state: "BLOCKED", blockedSince: "2026-12-03", blockedReason: "CTA" }), today, null)).toEqual({
      blockedSince: expect.stringMatching(/not come/),
    });
    expect(stepProblems(parse({ state: "BLOCKED", blockedSince: "2026-12-02", blockedReason: "Insurance" }), today, null)).toEqual({});
  });
  it("refuses an actual date in the future, before approval, or on a step not done; and a done step without one", () => {
    expect(stepProblems(parse({ state: "DONE", actualDate: "2026-12-03" }), today, null).actualDate).toMatch(/future/);
    expect(stepProblems(parse({ state: "DONE", actualDate: "2025-12-31" }), today, day("2026-01-01")).actualDate).toMatch(
      /before the trial's approval \(2026-01-01\)/,
    );
    expect(stepProblems(parse({ state: "IN_PROGRESS", actualDate: "2026-01-05" }), today, null).actualDate).toMatch(/choose Done/);
    expect(stepProblems(parse({ state: "DONE" }), today, null).actualDate).toMatch(/date it was done/);
    expect(stepProblems(parse({ state: "DONE", actualDate: "2026-12-02" }), today, day("2026-01-01"))).toEqual({});
  });
  it("lets the date of the time zones ahead of UTC count as today", () => {
    const noonUtc = new Date("2026-12-02T12:00:00Z"); // already 3 December in Auckland
    expect(stepProblems(parse({ state: "DONE", actualDate: "2026-12-03" }), noonUtc, null)).toEqual({});
    expect(stepProblems(parse({ state: "DONE", actualDate: "2026-12-04" }), noonUtc, null).actualDate).toMatch(/future/);
  });
  it("refuses dates that do not exist", () => {
    const result = ZStartupStepUpdate.safeParse({
      state: "DONE",
      plannedDate: "2026-02-29",
      actualDate: "31/12/2026",
      blockedSince: "",
      blockedReason: "",
      ownerOrganizationId: "",
    });
    expect(result.success).toBe(false);
    expect([...new Set(result.error!.issues.map((i) => i.path[0]))].sort()).toEqual(["actualDate", "plannedDate"]);
  });
});
