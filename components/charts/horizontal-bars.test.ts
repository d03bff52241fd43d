import { describe, expect, it } from "vitest";
import { axisStep } from "./HorizontalBars";

describe("the bar chart's axis", () => {
  it("steps by 1, 2 or 5 times a power of ten, about four steps to the largest value", () => {
    expect(axisStep(8, 4)).toBe(2);
    expect(axisStep(38, 4)).toBe(10);
    expect(axisStep(115, 4)).toBe(50);
    expect(axisStep(2000, 4)).toBe(500);
  });

  it("counts in whole numbers, even for the smallest charts", () => {
    expect(axisStep(1, 4)).toBe(1);
    expect(axisStep(3, 4)).toBe(1);
    expect(axisStep(0, 4)).toBe(1);
  });
});
