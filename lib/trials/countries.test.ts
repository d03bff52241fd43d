import countries from "i18n-iso-countries";
import { describe, expect, it } from "vitest";
import { countryCode } from "./countries";
import { countryName } from "@/lib/time";

// Countries as ClinicalTrials.gov writes them in study locations, with the code each must get.
const REGISTRY_COUNTRIES: [string, string][] = [
  ["United States", "US"],
  ["Canada", "CA"],
  ["United Kingdom", "GB"],
  ["Germany", "DE"],
  ["France", "FR"],
  ["Netherlands", "NL"],
  ["Belgium", "BE"],
  ["Italy", "IT"],
  ["Spain", "ES"],
  ["Switzerland", "CH"],
  ["Austria", "AT"],
  ["Czechia", "CZ"],
  ["Czech Republic", "CZ"],
  ["Poland", "PL"],
  ["Russian Federation", "RU"],
  ["Serbia", "RS"],
  ["Turkey", "TR"],
  ["Türkiye", "TR"],
  ["Japan", "JP"],
  ["Korea, Republic of", "KR"],
  ["Korea, Democratic People's Republic of", "KP"],
  ["China", "CN"],
  ["Taiwan", "TW"],
  ["Hong Kong", "HK"],
  ["Vietnam", "VN"],
  ["Viet Nam", "VN"],
  ["Myanmar", "MM"],
  ["Iran, Islamic Republic of", "IR"],
  ["Yemen", "YE"],
  ["Zimbabwe", "ZW"],
  ["Benin", "BJ"],
  ["Curaçao", "CW"],
  ["Vanuatu", "VU"],
  ["Australia", "AU"],
  ["New Zealand", "NZ"],
  ["Brazil", "BR"],
  ["Mexico", "MX"],
  ["Puerto Rico", "PR"],
  ["North Macedonia", "MK"],
  ["Macedonia, The Former Yugoslav Republic of", "MK"],
  ["Moldova, Republic of", "MD"],
  ["Congo, The Democratic Republic of the", "CD"],
  ["Côte D'Ivoire", "CI"],
  ["Tanzania", "TZ"],
  ["Syrian Arab Republic", "SY"],
  ["Lao People's Democratic Republic", "LA"],
  ["Palestinian Territory, occupied", "PS"],
  ["Libyan Arab Jamahiriya", "LY"],
  ["Brunei Darussalam", "BN"],
  ["Réunion", "RE"],
  ["Bolivia", "BO"],
  ["Venezuela", "VE"],
];

describe("country names to ISO 3166-1 codes", () => {
  it.each(REGISTRY_COUNTRIES)("%s is %s", (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it("never answers with a withdrawn code (Germany was once DD, Vietnam VD, Serbia CS)", () => {
    const current = new Set(Object.keys(countries.getAlpha2Codes()));
    for (const [name] of REGISTRY_COUNTRIES) expect(current.has(countryCode(name)!)).toBe(true);
    for (const withdrawn of ["DD", "VD", "CS", "YU", "BU", "AN", "NH", "YD", "RH", "SU", "ZR", "TP"])
      expect(countryCode(withdrawn)).toBeUndefined();
  });

  it("reads every current country's English name back to its code", () => {
    for (const code of Object.keys(countries.getAlpha2Codes())) expect(countryCode(countryName(code))).toBe(code);
  });

  it("takes codes in any case, the abbreviation UK, and refuses what is no country", () => {
    expect(countryCode("de")).toBe("DE");
    expect(countryCode(" JP ")).toBe("JP");
    expect(countryCode("UK")).toBe("GB");
    expect(countryCode("Narnia")).toBeUndefined();
    expect(countryCode("ZZ")).toBeUndefined();
    expect(countryCode("")).toBeUndefined();
  });
});
