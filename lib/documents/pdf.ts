// A small, valid PDF made in code: one A4 page of text lines in Helvetica, with a correct
// cross-reference table. For demo documents (the seed) and tests; no file from elsewhere. Pure.

/** Text as a PDF string literal: backslashes and parentheses escaped, anything outside ASCII dropped. */
function pdfString(text: string): string {
  return `(${text.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A one-page PDF showing `lines` (the first as a heading). */
export function minimalPdf(lines: string[]): Uint8Array<ArrayBuffer> {
  const content = [
    "BT",
    "/F1 16 Tf",
    "56 780 Td",
    "20 TL",
    ...lines.flatMap((line, n) => [n === 1 ? "/F1 11 Tf" : "", `${pdfString(line)} Tj`, "T*"].filter(Boolean)),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, n) => {
    offsets.push(body.length);
    body += `${n + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
