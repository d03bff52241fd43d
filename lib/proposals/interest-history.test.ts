import { describe, expect, it } from "vitest";
import { INTEREST_CHANGES_SHOWN, interestHistories, type InterestRecordRow } from "./interest-history";

const row = (id: string, organizationId: string, level: InterestRecordRow["level"], minute: number): InterestRecordRow => ({
  id,
  organizationId,
  level,
  expectedSites: null,
  expectedPatientsPerYear: null,
  note: "",
  recordedAt: new Date(Date.UTC(2026, 11, 2, 10, minute)),
  recordedBy: "Riley Placebo",
});

describe("interest history as changes", () => {
  it("tells each organization's changes newest first, from the level before to the level recorded", () => {
    const histories = interestHistories([
      row("a", "nci", "INTERESTED", 1),
      row("c", "nci", "LEAD", 3),
      row("b", "nci", "PARTICIPATE", 2),
      row("d", "eortc", "DECLINED", 5),
    ]);
    expect(histories.get("nci")).toEqual({
      changes: [
        expect.objectContaining({ id: "c", from: "PARTICIPATE", to: "LEAD" }),
        expect.objectContaining({ id: "b", from: "INTERESTED", to: "PARTICIPATE" }),
        expect.objectContaining({ id: "a", from: null, to: "INTERESTED" }),
      ],
      earlier: false,
    });
    expect(histories.get("eortc")?.changes).toEqual([expect.objectContaining({ from: null, to: "DECLINED" })]);
    expect(histories.has("cruk")).toBe(false);
  });

  it("shows a bounded number, the oldest shown still saying what it changed from", () => {
    const rows = Array.from({ length: INTEREST_CHANGES_SHOWN + 1 }, (_, i) =>
      row(`r${String(i).padStart(2, "0")}`, "nci", i % 2 ? "PARTICIPATE" : "INTERESTED", i),
    );
    const history = interestHistories(rows).get("nci")!;
    expect(history.changes).toHaveLength(INTEREST_CHANGES_SHOWN);
    expect(history.earlier).toBe(true);
    expect(history.changes.at(-1)).toMatchObject({ id: "r01", from: "INTERESTED", to: "PARTICIPATE" });
  });
});
