import { describe, expect, it } from "vitest";
import { rowsAdded, SCALES } from "./generate";

describe("the benchmark's scales", () => {
  it("makes 1000x ten times 100x in every table", () => {
    const hundred = rowsAdded(SCALES[100]);
    const thousand = rowsAdded(SCALES[1000]);
    for (const [table, rows] of Object.entries(hundred)) {
      expect(thousand[table as keyof typeof thousand] / rows, table).toBeCloseTo(10, 2);
    }
    expect(thousand.proposals).toBe(99_800);
    expect(thousand.comments).toBe(1_996_000);
  });

  it("counts each status's proposals as the statements give them out (i mod 20)", () => {
    // 1 … 45: remainders 1 … 19 twice and 0 twice, then 1 … 5 once more.
    const rows = rowsAdded({ groups: 3, people: 5, proposals: 45 });
    expect(rows.interests).toBe((45 - 11) * 8); // drafts: 20, 40 (remainder 0) and 1-3, 21-23, 41-43
    expect(rows.votes).toBe(20); // remainders 9 … 18, twice
    expect(rows.trials).toBe(14); // remainders 11 … 17, twice
    expect(rows.ballots).toBe(20 * 8 - 2); // NCI has not voted on the two open votes
    expect(rowsAdded(SCALES[1]).proposals).toBe(0);
  });
});
