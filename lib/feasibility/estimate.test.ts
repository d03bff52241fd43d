import { describe, expect, it } from "vitest";
import { formatPatients, pledgeFromSites, sitePatientsPerYear } from "./estimate";

const site = (seen: number, eligible: number, consent: number, competing = 0) => ({
  patientsSeenPerYear: seen,
  eligibleShare: eligible,
  consentShare: consent,
  competingTrials: competing,
});

describe("a site's expected patients a year", () => {
  it.each([
    [site(20, 50, 80), 8],
    [site(20, 50, 80, 1), 4], // shared evenly with one competing trial
    [site(20, 50, 80, 3), 2],
    [site(12, 40, 70), 3.4], // 3.36, kept to one decimal
    [site(3, 30, 50), 0.5], // 0.45: a rare cancer's small site still counts
    [site(0, 100, 100), 0],
    [site(50, 0, 90), 0],
    [site(10, 100, 100), 10],
  ])("%o expects %d", (s, expected) => {
    expect(sitePatientsPerYear(s)).toBe(expected);
  });
});

describe("an organization's pledge from its sites", () => {
  it("is the sum over its sites, from the unrounded figures, to one decimal and as a whole number", () => {
    // 3.36 + 0.45 + 4 = 7.81
    expect(pledgeFromSites([site(12, 40, 70), site(3, 30, 50), site(20, 50, 80, 1)])).toEqual({
      sites: 3,
      patientsPerYear: 7.8,
      wholePatients: 8,
    });
  });

  it("is nothing without sites", () => {
    expect(pledgeFromSites([])).toEqual({ sites: 0, patientsPerYear: 0, wholePatients: 0 });
  });

  it("writes patients a year as people read them", () => {
    expect([3.36, 12, 0.45, 1234.5].map(formatPatients)).toEqual(["3.4", "12", "0.5", "1,234.5"]);
  });
});
