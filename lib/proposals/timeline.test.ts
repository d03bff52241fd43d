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
