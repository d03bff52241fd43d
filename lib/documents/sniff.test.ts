import { describe, expect, it } from "vitest";
import { minimalPdf } from "./pdf";
import { sniffFile } from "./sniff";
import { fileResponseHeaders } from "./serve";

/** A ZIP archive of stored (uncompressed) entries: local headers, the central directory, its end record. */
function zipOf(entries: { name: string; data: string }[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = encoder.encode(entry.data);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const header = new Uint8Array(46 + name.length);
    const c = new DataView(header.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    header.set(name, 46);
    parts.push(local, data);
    central.push(header);
    offset += local.length + data.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, size, true);
  e.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}

const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
const docx = zipOf([
  { name: "[Content_Types].xml", data: "<Types/>" },
  { name: "word/document.xml", data: "<w:document/>" },
]);
const xlsx = zipOf([
  { name: "[Content_Types].xml", data: "<Types/>" },
  { name: "xl/workbook.xml", data: "<workbook/>" },
]);
const odt = zipOf([
  { name: "mimetype", data: "application/vnd.oasis.opendocument.text" },
  { name: "content.xml", data: "<office:document-content/>" },
]);
const ods = zipOf([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }]);
const text = (s: string) => new TextEncoder().encode(s);
const blob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);

describe("the type of an upload is read from its bytes", () => {
  it.each([
    ["protocol.pdf", minimalPdf(["Protocol"]), "application/pdf"],
    ["consent.doc", ole, "application/msword"],
    ["budget.xls", ole, "application/vnd.ms-excel"],
    ["synopsis.docx", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["sites.xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["minutes.odt", odt, "application/vnd.oasis.opendocument.text"],
    ["sites.ods", ods, "application/vnd.oasis.opendocument.spreadsheet"],
    ["sites.csv", text("\ufeffsite,country\nLeeds,GB\nOsaka,JP\n"), "text/csv"],
    ["UPPER.PDF", minimalPdf(["Upper case"]), "application/pdf"],
  ])("accepts %s", async (name, bytes, type) => {
    const result = await sniffFile(name, blob(bytes));
    expect(result).toEqual({ ok: true, type: expect.objectContaining({ contentType: type }) });
  });

  it.each([
    ["an HTML page renamed .pdf", "protocol.pdf", text("<!doctype html><script>alert(1)</script>"), /not a PDF/],
    ["a Windows program renamed .pdf", "protocol.pdf", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), /not a PDF/],
    ["a PDF renamed .docx", "protocol.docx", minimalPdf(["x"]), /not a Word document/],
    ["a spreadsheet renamed .docx", "protocol.docx", xlsx, /not a Word document/],
    ["a plain ZIP renamed .xlsx", "sites.xlsx", zipOf([{ name: "evil.js", data: "alert(1)" }]), /not an Excel workbook/],
    ["a text document renamed .ods", "sites.ods", odt, /not an OpenDocument spreadsheet/],
    ["markup renamed .csv", "sites.csv", text("<svg onload=alert(1)>"), /not a CSV table/],
    ["binary renamed .csv", "sites.csv", new Uint8Array([0x41, 0x00, 0x42]), /not a CSV table/],
    ["Latin-1 text renamed .csv", "sites.csv", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), /not a CSV table/],
    ["an HTML file", "page.html", text("<html></html>"), /not \.html/],
    ["an SVG image", "logo.svg", text("<svg/>"), /not \.svg/],
    ["a program", "setup.exe", new Uint8Array([0x4d, 0x5a]), /not \.exe/],
    ["a file without extension", "protocol", minimalPdf(["x"]), /can be uploaded\.$/],
    ["an empty file", "empty.pdf", new Uint8Array(0), /empty/],
  ])("refuses %s", async (_what, name, bytes, message) => {
    const result = await sniffFile(name, blob(bytes));
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });

  it("reads the ZIP directory at the end of a large file", async () => {
    const padding = "x".repeat(200_000);
    const large = zipOf([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "docProps/thumbnail.jpeg", data: padding },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect((await sniffFile("large.docx", blob(large))).ok).toBe(true);
  });
});

describe("a stored file is served so that nothing in it runs", () => {
  const version = { fileName: "Protocol v2.pdf", contentType: "application/pdf", size: 1234, sha256: "a".repeat(64) };
  it("serves a download as an attachment in a sandbox", () => {
    const h = fileResponseHeaders(version, false);
    expect(h["content-disposition"]).toMatch(/^attachment;/);
    expect(h["content-security-policy"]).toContain("sandbox");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
  });
  it("serves a PDF preview inline, frameable by the portal only, loading nothing", () => {
    const h = fileResponseHeaders(version, true);
    expect(h["content-disposition"]).toMatch(/^inline;/);
    expect(h["content-security-policy"]).toBe("default-src 'none'; object-src 'self'; frame-ancestors 'self'");
    expect(h["x-frame-options"]).toBe("SAMEORIGIN");
    expect(h["content-type"]).toBe("application/pdf");
  });
  it("never serves anything but a PDF inline, and an unchecked type only as bytes", () => {
    expect(fileResponseHeaders({ ...version, contentType: "text/csv" }, true)["content-disposition"]).toMatch(/^attachment;/);
    const html = fileResponseHeaders({ ...version, contentType: "text/html" }, true);
    expect(html["content-type"]).toBe("application/octet-stream");
    expect(html["content-disposition"]).toMatch(/^attachment;/);
  });
});
