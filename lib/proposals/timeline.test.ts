import { describe, expect, it } from "vitest";
import { describeEvent } from "./timeline";

const event = (action: string, data: unknown) => ({ action, data, organizationId: null });

describe("a group's changes in its activity feed", () => {
  it("names the statuses in words", () => {
    expect(describeEvent(event("group.status_changed", { from: "PROPOSED", to: "ACTIVE" }), [])).toBe(
      "Group status changed: Proposed → Active",
    );
    expect(describeEvent(event("group.status_changed", {}), [])).toBe("Group status changed");
  });
  it("gives the corrected incidence", () => {
    expect(describeEvent(event("group.incidence_corrected", { after: { incidencePer100k: 0.15, incidenceSource: "x" } }), [])).toBe(
      "Incidence corrected to 0.15 per 100,000 a year",
    );
    expect(describeEvent(event("group.incidence_corrected", { after: { incidencePer100k: null } }), [])).toBe(
      "Incidence corrected: not known",
    );
  });
});

describe("feasibility in a proposal's timeline", () => {
  it("says which organization changed which site", () => {
    const orgs = [{ id: "o1", shortName: "JCOG" }];
    const at = (action: string) => describeEvent({ action, data: { name: "Site A" }, organizationId: "o1" }, orgs);
    expect(at("feasibility.site_added")).toBe("JCOG added the site Site A (feasibility)");
    expect(at("feasibility.site_edited")).toBe("JCOG changed the site Site A (feasibility)");
    expect(at("feasibility.site_removed")).toBe("JCOG removed the site Site A (feasibility)");
  });
});
