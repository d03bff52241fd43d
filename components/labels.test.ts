import { describe, expect, it } from "vitest";
import { vocabularyLabel } from "./labels";

describe("the registry's vocabulary as words", () => {
  it.each([
    ["ACTIVE_NOT_RECRUITING", "Active not recruiting"],
    ["NOT_YET_RECRUITING", "Not yet recruiting"],
    ["PHASE2", "Phase 2"],
    ["EARLY_PHASE1", "Early phase 1"],
    ["NA", "Not applicable"],
  ])("%s reads %s", (code, words) => {
    expect(vocabularyLabel(code)).toBe(words);
  });
});
