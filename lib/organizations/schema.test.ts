import { describe, expect, it } from "vitest";
import { ZNewOrganization, ianaTimeZone, organizationSlug } from "./schema";

describe("a new member organization", () => {
  it("gets its address from its short name", () => {
    expect(organizationSlug("INCa")).toBe("inca");
    expect(organizationSlug("AIEOP-BFM")).toBe("aieop-bfm");
    expect(organizationSlug("Ünicancer ")).toBe("unicancer");
    expect(organizationSlug("GEIS & Co.")).toBe("geis-co");
  });

  it("takes IANA zones of places, by their own name, and nothing else", () => {
    expect(ianaTimeZone("America/Toronto")).toBe("America/Toronto");
    expect(ianaTimeZone("asia/tokyo")).toBe("Asia/Tokyo");
    expect(ianaTimeZone("UTC")).toBe("UTC");
    expect(ianaTimeZone("+05:30")).toBeNull();
    expect(ianaTimeZone("Mars/Olympus")).toBeNull();
    expect(ianaTimeZone("")).toBeNull();
  });

  it("reads the country as a code or a name, and says on each field what is wrong", () => {
    expect(
      ZNewOrganization.parse({
        name: " Korean Cancer Study Group ",
        shortName: "KCSG",
        country: "South Korea",
        timeZone: "Asia/Seoul",
        workingDays: ["5", "1", "2", "3", "4", "1"],
      }),
    ).toEqual({
      name: "Korean Cancer Study Group",
      shortName: "KCSG",
      country: "KR",
      timeZone: "Asia/Seoul",
      workingDays: [1, 2, 3, 4, 5],
    });
    const bad = ZNewOrganization.safeParse({ name: "X", shortName: "-x", country: "Narnia", timeZone: "Nowhere", workingDays: ["Fri"] });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(fields).toEqual({
      name: "Enter the organization's full name.",
      shortName: "Use letters, digits, spaces and . & ' - only, starting with a letter or digit.",
      country: "Choose the country of the organization's office from the list.",
      timeZone: '"Nowhere" is not a time zone the portal knows: choose one from the list, such as America/Toronto.',
      workingDays: "Choose working days from the list.",
    });
    expect(
      ZNewOrganization.safeParse({ name: "Group", shortName: "AB", country: "", timeZone: "", workingDays: [] }).error?.issues.map(
        (i) => i.message,
      ),
    ).toEqual([
      "Choose the country of the organization's office from the list.",
      "Choose the time zone of the organization's office.",
      "Choose at least one day its office works.",
    ]);
  });
});
