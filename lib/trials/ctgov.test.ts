import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseStudy, parseStudyJson } from "./ctgov";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../../tests/fixtures/ctgov", name), "utf8");

describe("ClinicalTrials.gov study import", () => {
  it("maps a full study, keeping partial dates as given and taking countries from the locations", () => {
    const result = parseStudyJson(fixture("full-study.json"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.study).toMatchObject({
      nctId: "NCT00000001",
      briefTitle: "Fixture study written from the API v2 description",
      acronym: "FIXTURE",
      overallStatus: "RECRUITING",
      phases: ["PHASE2", "PHASE3"],
      startDate: "2021-03",
      primaryCompletionDate: "2027",
      targetAccrual: 240,
      leadSponsor: "Fixture Sponsor",
      conditions: ["Rare Fixture Carcinoma"],
    });
    expect(result.study.actualAccrual).toBeUndefined();
    expect(result.study.countries).toEqual(["US", "BE", "JP", "KR", "AU"]);
    expect(result.study.sites).toHaveLength(6);
    expect(result.study.sites[4]).toEqual({ facility: "Site not named", city: "Sydney", country: "AU", status: null });
    expect(result.study.registryIds).toEqual([
      { registry: "NCT", value: "NCT00000001" },
      { registry: "EudraCT", value: "2020-000001-11" },
      { registry: "ISRCTN", value: "ISRCTN00000001" },
    ]);
  });

  it("leaves out what a minimal study does not say", () => {
    const result = parseStudyJson(fixture("minimal-study.json"));
    expect(result).toEqual({
      ok: true,
      study: { nctId: "NCT00000002", registryIds: [{ registry: "NCT", value: "NCT00000002" }], countries: [], sites: [], conditions: [] },
    });
  });

  it("reads an actual enrollment as accrual, not target", () => {
    const result = parseStudyJson(fixture("completed-actual-enrollment.json"));
    expect(result).toMatchObject({ ok: true, study: { overallStatus: "COMPLETED", actualAccrual: 91, startDate: "2013" } });
    if (result.ok) expect(result.study.targetAccrual).toBeUndefined();
    // Dated by the record's last update, not by the day it is imported.
    if (result.ok) expect(result.study.actualAccrualAsOf).toBe("2020-08-14");
  });

  it("dates an actual enrollment by the month the status was verified when the record has no update date, and ignores an odd date", () => {
    const study = JSON.parse(fixture("completed-actual-enrollment.json")) as { protocolSection: { statusModule: Record<string, unknown> } };
    delete study.protocolSection.statusModule.lastUpdatePostDateStruct;
    const verified = parseStudy(study);
    expect(verified.ok && verified.study.actualAccrualAsOf).toBe("2020-08");
    study.protocolSection.statusModule.statusVerifiedDate = "August 2020";
    const odd = parseStudy(study);
    expect(odd.ok).toBe(true);
    expect(odd.ok && odd.study.actualAccrualAsOf).toBeUndefined();
  });

  it.each([
    ["not JSON", "{ protocolSection: ", /This is not JSON/],
    ["an array", "[]", /Expected one study/],
    ["a search result", '{ "studies": [] }', /search result: paste a single study/],
    ["foreign JSON", '{ "resourceType": "ResearchStudy" }', /no protocolSection/],
    ["no NCT number", '{ "protocolSection": { "identificationModule": {} } }', /protocolSection.identificationModule.nctId is missing/],
    ["a malformed NCT number", '{ "protocolSection": { "identificationModule": { "nctId": "NCT123" } } }', /nctId: expected an NCT number/],
    [
      "an unknown status",
      '{ "protocolSection": { "identificationModule": { "nctId": "NCT00000004" }, "statusModule": { "overallStatus": "MAYBE" } } }',
      /statusModule.overallStatus/,
    ],
    [
      "a malformed date",
      '{ "protocolSection": { "identificationModule": { "nctId": "NCT00000004" }, "statusModule": { "startDateStruct": { "date": "March 2021" } } } }',
      /startDateStruct.date: expected a date as yyyy, yyyy-MM or yyyy-MM-dd/,
    ],
    [
      "phases that are not a list",
      '{ "protocolSection": { "identificationModule": { "nctId": "NCT00000004" }, "designModule": { "phases": "PHASE2" } } }',
      /designModule.phases/,
    ],
    [
      "a negative enrollment",
      '{ "protocolSection": { "identificationModule": { "nctId": "NCT00000004" }, "designModule": { "enrollmentInfo": { "count": -3 } } } }',
      /enrollmentInfo.count/,
    ],
  ])("refuses %s with a message that says what is wrong", (_name, text, message) => {
    const result = parseStudyJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(" ")).toMatch(message);
  });

  it("accepts an already parsed object", () => {
    expect(parseStudy(JSON.parse(fixture("minimal-study.json"))).ok).toBe(true);
  });
});

describe("country names", () => {
  it("maps the registry's names to ISO codes", async () => {
    const { countryCode } = await import("./countries");
    expect(countryCode("United Kingdom")).toBe("GB");
    expect(countryCode("United States")).toBe("US");
    expect(countryCode("Korea, Republic of")).toBe("KR");
    expect(countryCode("JP")).toBe("JP");
    expect(countryCode("Atlantis")).toBeUndefined();
  });
});
