import { describe, expect, it } from "vitest";
import { CSV_BOM, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes every cell, doubles quotes, keeps line breaks and defuses formulas", () => {
    expect(toCsv([{ a: 'say "hi", then', b: "line\nbreak", c: "=HYPERLINK(1)", d: 7, e: null }])).toBe(
      `${CSV_BOM}"a","b","c","d","e"\r\n"say ""hi"", then","line\nbreak","'=HYPERLINK(1)","7",""\r\n`,
    );
  });

  it("keeps a cell with ';' whole for spreadsheets that split on ';' (the bypass the review found)", () => {
    const csv = toCsv([{ note: 'x;=HYPERLINK("http://evil.example")' }]);
    expect(csv).toContain(`"x;=HYPERLINK(""http://evil.example"")"`);
    // Split the way a ';'-locale spreadsheet does, outside quotes: one cell, never a formula.
    const line = csv.split("\r\n")[1]!;
    const cells = line.match(/("([^"]|"")*"|[^;]+)/g)!;
    expect(cells).toHaveLength(1);
  });

  it.each(["=1+1", "+1", "-1+2", "@SUM(A1)", " =1+1", "\t=1", "\r=1"])("defuses %j", (text) => {
    const cell = toCsv([{ a: text }]).split("\r\n")[1]!;
    expect(cell.startsWith(`"'`)).toBe(true);
  });

  it("starts with a UTF-8 byte order mark so spreadsheets read accents and Japanese", () => {
    const csv = toCsv([{ name: "Institut national du cancer", jp: "日本臨床腫瘍研究グループ" }]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("is only the mark for no rows", () => {
    expect(toCsv([])).toBe(CSV_BOM);
  });
});
