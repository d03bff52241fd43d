import { describe, expect, it } from "vitest";
import { checkEligibility, isEligible, type EligibilityInput } from "./eligibility";

const complete: EligibilityInput = {
  incidencePer100k: 0.8,
  threshold: 6,
  hypothesis: { population: "Adults", intervention: "Drug A", comparator: "Standard care", primaryOutcome: "Overall survival" },
  noOtherForum: "Needs three continents",
  interests: [
    { organization: "NCI", country: "US", level: "LEAD" },
    { organization: "EORTC", country: "BE", level: "PARTICIPATE" },
  ],
};

const failing = (input: EligibilityInput) =>
  checkEligibility(input)
    .filter((c) => !c.ok)
    .map((c) => c.id);

describe("IRCI eligibility", () => {
  it("a complete proposal meets every criterion", () => {
    expect(isEligible(checkEligibility(complete))).toBe(true);
  });

  it.each([
    [5.99, true],
    [6, false],
    [7.2, false],
  ])("incidence %s against a threshold of 6: rare is %s", (incidence, rare) => {
    expect(failing({ ...complete, incidencePer100k: incidence }).includes("rare")).toBe(!rare);
  });

  it("follows the threshold setting (early IRCI used 2)", () => {
    expect(failing({ ...complete, incidencePer100k: 1.9, threshold: 2 })).toEqual([]);
    expect(failing({ ...complete, incidencePer100k: 2.5, threshold: 2 })).toEqual(["rare"]);
  });

  it("an unrecorded incidence is not rare", () => {
    const rare = checkEligibility({ ...complete, incidencePer100k: null })[0]!;
    expect(rare).toMatchObject({ ok: false, detail: "The expert group has no incidence recorded." });
  });

  it("lists the missing parts of the hypothesis", () => {
    const h = checkEligibility({ ...complete, hypothesis: { ...complete.hypothesis, comparator: " ", primaryOutcome: "" } })[1]!;
    expect(h).toMatchObject({ ok: false, detail: "Missing: comparator, primary outcome." });
  });

  it("needs two organizations from two countries, exactly one leading", () => {
    const with_ = (interests: EligibilityInput["interests"]) => checkEligibility({ ...complete, interests })[2]!;
    expect(with_([{ organization: "NCI", country: "US", level: "LEAD" }]).detail).toMatch(
      /1 organization will lead or participate; at least 2/,
    );
    expect(
      with_([
        { organization: "NIHR", country: "GB", level: "LEAD" },
        { organization: "CRUK", country: "GB", level: "PARTICIPATE" },
      ]).detail,
    ).toMatch(/all in one country/);
    expect(
      with_([
        { organization: "NCI", country: "US", level: "PARTICIPATE" },
        { organization: "EORTC", country: "BE", level: "PARTICIPATE" },
      ]).detail,
    ).toMatch(/No organization leads/);
    expect(
      with_([
        { organization: "NCI", country: "US", level: "LEAD" },
        { organization: "EORTC", country: "BE", level: "LEAD" },
      ]).detail,
    ).toMatch(/2 organizations say they lead; exactly one must/);
    // Interested and declined organizations do not count as partners.
    expect(
      with_([
        { organization: "NCI", country: "US", level: "LEAD" },
        { organization: "JCOG", country: "JP", level: "INTERESTED" },
        { organization: "COSA", country: "AU", level: "DECLINED" },
      ]).ok,
    ).toBe(false);
  });

  it("needs the reason no other forum fits", () => {
    expect(failing({ ...complete, noOtherForum: "  " })).toEqual(["noOtherForum"]);
  });
});
