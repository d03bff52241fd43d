import { describe, expect, it } from "vitest";
import { GROUP_STATUS_CHANGES, GROUP_STATUSES, mayChangeStatus, statusChangeLabel } from "./status";

describe("an expert group's status changes", () => {
  it.each([
    ["PROPOSED", "ACTIVE", true, "Activate"],
    ["PROPOSED", "CLOSED", true, "Close"],
    ["PROPOSED", "DORMANT", false, "Make dormant"],
    ["ACTIVE", "DORMANT", true, "Make dormant"],
    ["ACTIVE", "CLOSED", true, "Close"],
    ["DORMANT", "ACTIVE", true, "Reactivate"],
    ["DORMANT", "CLOSED", true, "Close"],
    ["CLOSED", "ACTIVE", true, "Reopen as active"],
    ["CLOSED", "DORMANT", false, "Make dormant"],
  ] as const)("%s to %s: %s (%s)", (from, to, may, label) => {
    expect(mayChangeStatus(from, to)).toBe(may);
    expect(statusChangeLabel(from, to)).toBe(label);
  });

  it("never goes back to proposed, nor stays where it is", () => {
    for (const from of GROUP_STATUSES) {
      expect(GROUP_STATUS_CHANGES[from]).not.toContain("PROPOSED");
      expect(GROUP_STATUS_CHANGES[from]).not.toContain(from);
      expect(GROUP_STATUS_CHANGES[from].length).toBeGreaterThan(0);
    }
  });
});
