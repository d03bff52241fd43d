// What a file is, read from its bytes, not from its name or the type the browser claimed. Only the
// types below are accepted, and each must agree with the file's extension: an HTML page or a program
// renamed .pdf is refused. What is stored and served is the type found here, never one sent to us.
import { extensionOf } from "./file-name";

export interface AcceptedType {
  extension: string;
  contentType: string;
  /** What it is, with its article: "a PDF", "an Excel workbook". */
  label: string;
}

export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  { extension: "pdf", contentType: "application/pdf", label: "a PDF" },
  { extension: "doc", contentType: "application/msword", label: "a Word document" },
  { extension: "docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "a Word document" },
  { extension: "xls", contentType: "application/vnd.ms-excel", label: "an Excel workbook" },
  { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "an Excel workbook" },
  { extension: "csv", contentType: "text/csv", label: "a CSV table" },
  { extension: "odt", contentType: "application/vnd.oasis.opendocument.text", label: "an OpenDocument text" },
  { extension: "ods", contentType: "application/vnd.oasis.opendocument.spreadsheet", label: "an OpenDocument spreadsheet" },
];

export const ACCEPTED_EXTENSIONS = ACCEPTED_TYPES.map((t) => `.${t.extension}`);
export const ACCEPTED_SUMMARY = "PDF, Word (.doc, .docx), spreadsheets (.xls, .xlsx, .csv) and OpenDocument (.odt, .ods)";

/** The content types the portal stores and serves: nothing a browser would run. */
export const SERVED_TYPES = new Set(ACCEPTED_TYPES.map((t) => t.contentType));

export type Sniffed = { ok: true; type: AcceptedType } | { ok: false; message: string };

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ODF_MIME: Record<string, string> = {
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
async function read(file: Blob, from: number, to: number) {
  return new Uint8Array(await file.slice(Math.max(0, from), Math.min(file.size, to)).arrayBuffer());
}

/**
 * The names in a ZIP archive's central directory (at its end: the end record, then the directory
 * it points at). Null when the archive is not readable as one. At most 4 MB of directory is read.
 */
async function zipEntryNames(file: Blob): Promise<string[] | null> {
  const tail = await read(file, file.size - 65_557, file.size);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const entries = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (size > 4 * 1024 * 1024 || offset + size > file.size) return null;
  const dir = await read(file, offset, offset + size);
  const d = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const names: string[] = [];
  let at = 0;
  for (let n = 0; n < entries && at + 46 <= dir.length; n++) {
    if (d.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = d.getUint16(at + 28, true);
    const extraLength = d.getUint16(at + 30, true);
    const commentLength = d.getUint16(at + 32, true);
    names.push(new TextDecoder().decode(dir.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** A CSV file: UTF-8 text (a byte-order mark allowed) without NUL bytes, and not markup. */
async function looksLikeCsv(file: Blob): Promise<boolean> {
  const head = await read(file, 0, 65_536);
  if (head.includes(0)) return false;
  try {
    // `stream` lets the sample end inside a character; anything else that is not UTF-8 is refused.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: file.size > head.length });
    return !/^\s*</.test(text.replace(/^\ufeff/, ""));
  } catch {
    return false;
  }
}

/** What the file is, given its (sanitised) name: one of ACCEPTED_TYPES, or why not. */
export async function sniffFile(fileName: string, file: Blob): Promise<Sniffed> {
  const extension = extensionOf(fileName);
  const type = ACCEPTED_TYPES.find((t) => t.extension === extension);
  if (!type) {
    return { ok: false, message: `Only ${ACCEPTED_SUMMARY} files can be uploaded${extension ? `, not .${extension}` : ""}.` };
  }
  if (file.size === 0) return { ok: false, message: "The file is empty." };
  const head = await read(file, 0, 1024);
  const mismatch: Sniffed = {
    ok: false,
    message: `This file is not ${type.label} though its name ends in .${extension}. Only ${ACCEPTED_SUMMARY} files can be uploaded.`,
  };
  switch (extension) {
    case "pdf":
      return startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d]) ? { ok: true, type } : mismatch; // "%PDF-"
    case "doc":
    case "xls":
      return startsWith(head, OLE2) ? { ok: true, type } : mismatch;
    case "docx":
    case "xlsx": {
      if (!startsWith(head, ZIP)) return mismatch;
      const names = await zipEntryNames(file);
      const part = extension === "docx" ? "word/" : "xl/";
      return names?.includes("[Content_Types].xml") && names.some((n) => n.startsWith(part)) ? { ok: true, type } : mismatch;
    }
    case "odt":
    case "ods":
      // The OpenDocument package's first entry is "mimetype", stored uncompressed: its content follows.
      return startsWith(head, ZIP) &&
        ascii(head, 30, 38) === "mimetype" &&
        ascii(head, 38, 38 + ODF_MIME[extension]!.length) === ODF_MIME[extension]
        ? { ok: true, type }
        : mismatch;
    default:
      return (await looksLikeCsv(file)) ? { ok: true, type } : mismatch;
  }
}
