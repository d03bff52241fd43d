import { describe, expect, it } from "vitest";
import { limitAnnouncement, limitBand, limitCounter, submittedLength } from "./text-limit";

describe("the length shown while typing", () => {
  it("counts what the server checks: trimmed, each line break as the two characters a browser sends", () => {
    expect(submittedLength("  abc  ")).toBe(3);
    expect(submittedLength("a\nb")).toBe(4);
    expect(submittedLength("a\r\nb\n")).toBe(4);
    expect(submittedLength("")).toBe(0);
  });

  it.each([
    [0, 2000, "quiet", ""],
    [1599, 2000, "quiet", ""],
    [1600, 2000, "near", "1,600 / 2,000"],
    [1999, 2000, "near", "1,999 / 2,000"],
    [2000, 2000, "at", "2,000 / 2,000: the limit"],
    [2001, 2000, "over", "2,001 / 2,000: 1 character over the limit"],
    [2042, 2000, "over", "2,042 / 2,000: 42 characters over the limit"],
    [12_000, 10_000, "over", "12,000 / 10,000: 2,000 characters over the limit"],
  ] as const)("%i of %i is %s: %j", (length, max, band, text) => {
    expect(limitBand(length, max)).toBe(band);
    expect(limitCounter(length, max)).toBe(text);
  });

  it("tells a screen reader only what changed band, in words", () => {
    expect(limitAnnouncement("quiet", 500)).toBe("");
    expect(limitAnnouncement("near", 2000)).toBe("Nearing the limit of 2,000 characters.");
    expect(limitAnnouncement("at", 500)).toBe("The limit of 500 characters is reached.");
    expect(limitAnnouncement("over", 10_000)).toBe("Over the limit of 10,000 characters: shorten the text before saving.");
  });
});
