import { describe, expect, it } from "vitest";
import { checkRegistryId, detectRegistry } from "./registry";

describe("registry ids", () => {
  it.each([
    ["NCT", "NCT01533207", "NCT01533207"],
    ["NCT", " nct 0153 3207 ", "NCT01533207"],
    ["ISRCTN", "ISRCTN13580965", "ISRCTN13580965"],
    ["EudraCT", "2012-002852-17", "2012-002852-17"],
    ["EUCT", "2023-501234-12-00", "2023-501234-12-00"],
    ["EUCT", " 2024-513765-21-00 ", "2024-513765-21-00"],
    ["UMIN", "umin000027280", "UMIN000027280"],
    ["jRCT", "jRCT2031200001", "jRCT2031200001"],
    ["jRCT", "JRCTs031180001", "jRCTs031180001"],
    ["ACTRN", "ACTRN12616000061437", "ACTRN12616000061437"],
  ])("%s accepts %j as %s", (registry, raw, value) => {
    expect(checkRegistryId(registry, raw)).toMatchObject({ ok: true, value });
  });

  it.each([
    ["NCT", "NCT0153320"], // 7 digits
    ["NCT", "NCT015332077"], // 9 digits
    ["NCT", "01533207"],
    ["ISRCTN", "ISRCTN1358096"],
    ["EudraCT", "2012-02852-17"],
    ["EudraCT", "2012/002852/17"],
    ["EUCT", "2023-401234-12-00"], // an EU CT number's second part starts with 5
    ["EUCT", "2023-501234-12"], // EudraCT's shape, not an EU CT number
    ["EUCT", "2023-5012345-12-00"],
    ["UMIN", "UMIN00002728"],
    ["jRCT", "jRCT203120000"],
    ["ACTRN", "ACTRN1261600006143"],
    ["ACTRN", "ACTRN12616000061437X"],
  ])("%s refuses %j, saying what it should look like", (registry, raw) => {
    const check = checkRegistryId(registry, raw);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/it looks like/);
  });

  it("refuses an unknown registry", () => {
    expect(checkRegistryId("WHO", "X")).toMatchObject({ ok: false, field: "registry", message: /Choose one of the registries/ });
    // A long paste is not quoted back into the message.
    const long = checkRegistryId("NCT", "x".repeat(5000));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.message.length).toBeLessThan(100);
  });

  it("links each id to its registry", () => {
    expect(checkRegistryId("NCT", "NCT01533207")).toMatchObject({ url: "https://clinicaltrials.gov/study/NCT01533207" });
    expect(checkRegistryId("ISRCTN", "ISRCTN13580965")).toMatchObject({ url: "https://www.isrctn.com/ISRCTN13580965" });
    expect(checkRegistryId("ACTRN", "ACTRN12616000061437")).toMatchObject({ url: "https://www.anzctr.org.au/ACTRN12616000061437.aspx" });
    // A refusal names the registry as people do, and shows the format.
    expect(checkRegistryId("EUCT", "2023-5012")).toEqual({
      ok: false,
      field: "value",
      message: '"2023-5012" is not a EU CT id: it looks like 2023-501234-12-00.',
    });
    // The registry's current site (the National Institute of Public Health's address is its former one).
    expect(checkRegistryId("jRCT", "jrct2031200001")).toMatchObject({ url: "https://jrct.mhlw.go.jp/latest-detail/jRCT2031200001" });
    expect(checkRegistryId("EUCT", "2023-501234-12-00")).toMatchObject({
      url: "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=2023-501234-12-00",
    });
  });

  it("recognizes ids by their shape", () => {
    expect(detectRegistry("2013-001949-13")).toEqual({ registry: "EudraCT", value: "2013-001949-13" });
    expect(detectRegistry("UMIN000027280")).toEqual({ registry: "UMIN", value: "UMIN000027280" });
    expect(detectRegistry("2023-501234-12-00")).toEqual({ registry: "EUCT", value: "2023-501234-12-00" });
    expect(detectRegistry("JCOG1502C")).toBeNull();
  });
});
