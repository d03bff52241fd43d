// A file name as people send it, made safe to store and to name in a download: no folders
// (../../etc/passwd is "passwd"), no control or direction-changing characters, none of the characters
// Windows refuses, no leading dots, and at most FILE_NAME_MAX characters with the extension kept. Pure.
import { FILE_NAME_MAX } from "./kinds";

// C0 and C1 controls (NUL among them), and the bidirectional overrides and isolates that make
// "invoice‮fdp.exe" read as "invoiceexe.pdf".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /[<>:"|?*]/g;

export function sanitizeFileName(raw: string): string {
  // Only the last part of a path, whichever separator the sender's system used.
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = base.replace(UNSAFE, "").replace(RESERVED, "_").replace(/\s+/g, " ").trim();
  // "..", ".env", trailing dots and spaces: nothing hidden, nothing Windows would rename.
  name = name.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (!name) return "document";
  const chars = Array.from(name);
  if (chars.length <= FILE_NAME_MAX) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : "";
  const stem = Array.from(extension ? name.slice(0, dot) : name).slice(0, FILE_NAME_MAX - extension.length);
  return stem.join("").trimEnd() + extension;
}

/** The extension, lower case, without the dot ("" when there is none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/**
 * A Content-Disposition header naming the file: an ASCII fallback for old clients and the exact
 * name in RFC 5987 encoding. Quotes and backslashes never reach the quoted form.
 */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_") || "document";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
