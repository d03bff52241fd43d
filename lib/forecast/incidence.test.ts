import { describe, expect, it } from "vitest";
import { catchmentOf, checkIncidence } from "./incidence";

const org = (slug: string, country: string) => ({ slug, country, shortName: slug.toUpperCase() });

describe("pledges against the incidence", () => {
  it("counts the new patients a year in the pledging organizations' countries", () => {
    // 0.5 per 100,000 in the US (340.1 million) and Japan (123.8 million): 2,319.5 a year.
    const check = checkIncidence({
      incidencePer100k: 0.5,
      pledges: [
        { organization: org("nci", "US"), patientsPerYear: 20 },
        { organization: org("jcog", "JP"), patientsPerYear: 10 },
      ],
    })!;
    expect(check.availablePerYear).toBeCloseTo(2319.5, 6);
    expect(check.pledgedPerYear).toBe(30);
    expect(check.exceeds).toBe(false);
  });

  it("flags pledges that claim more patients than arise", () => {
    // 0.01 per 100,000 in Australia: 2.7 new patients a year, 5 pledged.
    const check = checkIncidence({ incidencePer100k: 0.01, pledges: [{ organization: org("cosa", "AU"), patientsPerYear: 5 }] })!;
    expect(check.availablePerYear).toBeCloseTo(2.72, 6);
    expect(check.exceeds).toBe(true);
  });

  it("counts a country once when two of its organizations pledge, and France once within the EU", () => {
    const uk = checkIncidence({
      incidencePer100k: 1,
      pledges: [
        { organization: org("nihr", "GB"), patientsPerYear: 5 },
        { organization: org("cruk", "GB"), patientsPerYear: 5 },
      ],
    })!;
    expect(uk.availablePerYear).toBeCloseTo(693, 6);
    expect(uk.pledgedPerYear).toBe(10);
    const europe = checkIncidence({
      incidencePer100k: 1,
      pledges: [
        { organization: org("eortc", "BE"), patientsPerYear: 5 },
        { organization: org("inca", "FR"), patientsPerYear: 5 },
      ],
    })!;
    expect(europe.catchments).toEqual(["EU27"]);
    expect(europe.availablePerYear).toBeCloseTo(4492, 6);
  });

  it("leaves out organizations whose population it does not know, and says so", () => {
    const check = checkIncidence({
      incidencePer100k: 1,
      pledges: [
        { organization: org("nci", "US"), patientsPerYear: 5 },
        { organization: org("new", "NZ"), patientsPerYear: 50 },
      ],
    })!;
    expect(check.unknown).toEqual(["NEW"]);
    expect(check.pledgedPerYear).toBe(5);
    expect(catchmentOf(org("new", "NZ"))).toBeNull();
  });

  it("has nothing to say without an incidence or a pledge", () => {
    expect(checkIncidence({ incidencePer100k: null, pledges: [{ organization: org("nci", "US"), patientsPerYear: 5 }] })).toBeNull();
    expect(checkIncidence({ incidencePer100k: 1, pledges: [{ organization: org("nci", "US"), patientsPerYear: 0 }] })).toBeNull();
  });
});
