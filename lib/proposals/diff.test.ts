import { describe, expect, it } from "vitest";
import { diffRevisions } from "./diff";

const base = {
  title: "Adjuvant therapy in thymoma",
  population: "Adults",
  intervention: "",
  comparator: "",
  primaryOutcome: "",
  rationale: "",
  phase: null,
  randomised: null,
  sampleSize: null,
  primaryEndpoint: "",
  noOtherForum: "",
};

describe("diffRevisions", () => {
  it("marks the words removed on the left and added on the right, field by field", () => {
    const diff = diffRevisions(base, { ...base, title: "Adjuvant chemotherapy in thymoma", sampleSize: 120 });
    const title = diff.find((d) => d.field === "title")!;
    expect(title.changed).toBe(true);
    expect(title.before.filter((s) => s.kind === "removed").map((s) => s.text.trim())).toEqual(["therapy"]);
    expect(title.after.filter((s) => s.kind === "added").map((s) => s.text.trim())).toEqual(["chemotherapy"]);
    expect(title.after.map((s) => s.text).join("")).toBe("Adjuvant chemotherapy in thymoma");
    expect(diff.find((d) => d.field === "sampleSize")!.after).toEqual([{ text: "120", kind: "added" }]);
    expect(diff.find((d) => d.field === "population")!.changed).toBe(false);
  });

  it("shows phases and yes/no as a person reads them", () => {
    const diff = diffRevisions(base, { ...base, phase: "PHASE3", randomised: true });
    expect(diff.find((d) => d.field === "phase")!.after).toEqual([{ text: "Phase 3", kind: "added" }]);
    expect(diff.find((d) => d.field === "randomised")!.after).toEqual([{ text: "Yes", kind: "added" }]);
  });
});
