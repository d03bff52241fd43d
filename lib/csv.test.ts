import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(toCsv([{ a: 'say "hi", then', b: "line\nbreak", c: "=HYPERLINK(1)", d: 7, e: null }])).toBe(
      'a,b,c,d,e\r\n"say ""hi"", then","line\nbreak",\'=HYPERLINK(1),7,\r\n',
    );
  });
  it("is empty for no rows", () => {
    expect(toCsv([])).toBe("");
  });
});
