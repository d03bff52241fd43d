import { describe, expect, it } from "vitest";
import { integerQuantiles, quantileSorted, shareAtMost } from "./quantile";

describe("quantileSorted (type 7)", () => {
  it("interpolates between order statistics like R's quantile()", () => {
    const xs = [1, 2, 3, 4, 10];
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 0.5)).toBe(3);
    expect(quantileSorted(xs, 0.9)).toBeCloseTo(7.6, 12); // R: quantile(c(1,2,3,4,10), 0.9) = 7.6
    expect(quantileSorted(xs, 1)).toBe(10);
  });

  it("is infinite once interpolation reaches an infinite value", () => {
    expect(quantileSorted([1, 2, Infinity, Infinity], 0.5)).toBe(Infinity);
    expect(quantileSorted([1, 2, 3, Infinity], 0.5)).toBe(2.5);
  });

  it("refuses no values", () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });
});

describe("shareAtMost", () => {
  it("is the empirical CDF", () => {
    const xs = [1, 2, 2, 3, Infinity];
    expect(shareAtMost(xs, 0)).toBe(0);
    expect(shareAtMost(xs, 2)).toBe(0.6);
    expect(shareAtMost(xs, 1e9)).toBe(0.8);
  });
});

describe("integerQuantiles (inverse empirical CDF)", () => {
  it("gives the smallest value whose share reaches p", () => {
    const values = Int32Array.from([5, 1, 3, 3, 2, 4, 3, 3, 2, 1]); // sorted: 1 1 2 2 3 3 3 3 4 5
    expect(integerQuantiles(values, [0.1, 0.2, 0.21, 0.5, 0.9, 1])).toEqual([1, 1, 2, 3, 4, 5]);
  });

  it("agrees with sorting when the range is wide", () => {
    const values = [0, 1_000_000, 7, 3];
    expect(integerQuantiles(values, [0.25, 0.5, 0.75, 1])).toEqual([0, 3, 7, 1_000_000]);
  });
});
