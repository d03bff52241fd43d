// What documents are and how large they may be: plain data, shared by the server and the forms.
import type { DocumentKind, DocumentScope } from "@/lib/generated/prisma/enums";

export const DOCUMENT_KINDS = [
  "PROTOCOL_SYNOPSIS",
  "FULL_PROTOCOL",
  "CONSENT_TEMPLATE",
  "AGREEMENT",
  "MINUTES",
  "OTHER",
] as const satisfies readonly DocumentKind[];

export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = {
  PROTOCOL_SYNOPSIS: "Protocol synopsis",
  FULL_PROTOCOL: "Full protocol",
  CONSENT_TEMPLATE: "Informed consent template",
  AGREEMENT: "Agreement",
  MINUTES: "Minutes",
  OTHER: "Other",
};

/** Where a document belongs: the proposal page, the trial page, or one component study of the trial. */
export const DOCUMENT_SCOPES = ["PROPOSAL", "TRIAL", "STUDY"] as const satisfies readonly DocumentScope[];

/** 50 MB: a full protocol with its appendices fits; the server refuses a byte more. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** What the multipart body may add around the file (the other fields and the part headers). */
export const MAX_UPLOAD_OVERHEAD_BYTES = 64 * 1024;
export const DOCUMENT_TITLE_MAX = 200;
export const CHANGE_NOTE_MAX = 2000;
/** A stored file name's length, the extension kept. */
export const FILE_NAME_MAX = 120;
/** Documents shown on a page, newest first (the proposal's documents are few; the cap keeps a page bounded). */
export const DOCUMENTS_SHOWN = 50;
/** Versions listed under a document (each is downloadable; a document rarely has more). */
export const VERSIONS_SHOWN = 50;

/** "12.4 MB", "830 kB", "512 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
