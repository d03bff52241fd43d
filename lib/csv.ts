// CSV as spreadsheets read it (RFC 4180), whatever their locale: every cell quoted (so a ";" or ","
// inside a cell never splits it, in the French, Belgian or German Excel that splits on ";" too),
// cells a spreadsheet would run as a formula defused, and a UTF-8 byte order mark first so that Excel
// shows accents and Japanese as written.

export const CSV_BOM = "\uFEFF";

function cell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  // =, +, - and @ start a formula, also after spaces; a leading tab or return can hide one.
  if (/^[\s]*[=+\-@]/.test(text) || /^[\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(cell).join(",")}\r\n`;
}

/** A whole file in one string (small exports and tests); large ones are streamed line by line. */
export function toCsv(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return CSV_BOM;
  const columns = Object.keys(rows[0]!);
  return CSV_BOM + csvLine(columns) + rows.map((row) => csvLine(columns.map((c) => row[c]))).join("");
}
