import { describe, expect, it } from "vitest";
import { contentDisposition, extensionOf, sanitizeFileName } from "./file-name";
import { FILE_NAME_MAX } from "./kinds";

describe("file names are made safe to store and to name in a download", () => {
  it.each([
    ["Protocol v2.pdf", "Protocol v2.pdf"],
    ["../../etc/passwd", "passwd"],
    ["..\\..\\Windows\\system32\\cmd.exe", "cmd.exe"],
    ["C:\\Users\\jane\\Consent form.docx", "Consent form.docx"],
    ["report\u0000.pdf", "report.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["  spaced   out  name.pdf  ", "spaced out name.pdf"],
    [".htaccess", "htaccess"],
    ["..", "document"],
    ["", "document"],
    ['a<b>c:d|e?f*g".pdf', "a_b_c_d_e_f_g_.pdf"],
    ["trailing dots...", "trailing dots"],
    ["Café Protocolo.pdf", "Café Protocolo.pdf"],
  ])("%j becomes %j", (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
  });

  it("cuts a very long name to the limit and keeps its extension", () => {
    const safe = sanitizeFileName(`${"x".repeat(5000)}.pdf`);
    expect(safe.length).toBe(FILE_NAME_MAX);
    expect(safe.endsWith(".pdf")).toBe(true);
  });

  it("never cuts a character in half", () => {
    const safe = sanitizeFileName(`${"😀".repeat(300)}.docx`);
    expect(Array.from(safe).length).toBeLessThanOrEqual(FILE_NAME_MAX);
    expect(safe).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])/u);
    expect(safe.endsWith(".docx")).toBe(true);
  });

  it("reads the extension in lower case", () => {
    expect(extensionOf("Minutes.PDF")).toBe("pdf");
    expect(extensionOf("README")).toBe("");
  });

  it("names the file in the header without letting quotes or new lines through", () => {
    expect(contentDisposition("attachment", 'a"b.pdf')).toBe(`attachment; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`);
    expect(contentDisposition("inline", "Protocole é.pdf")).toBe(
      `inline; filename="Protocole _.pdf"; filename*=UTF-8''Protocole%20%C3%A9.pdf`,
    );
  });
});
