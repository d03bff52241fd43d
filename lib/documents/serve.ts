// How a stored file is served: the headers, pure so the policy is tested as data.
import { contentDisposition } from "./file-name";
import { SERVED_TYPES } from "./sniff";

/**
 * A download is an attachment in a sandbox that runs nothing; a PDF asked for as a preview is inline,
 * may be framed by the portal's own pages only, and loads nothing from anywhere. A type the portal
 * did not check at upload (none should exist) is served as bytes to save, never to show.
 */
export function fileResponseHeaders(
  version: { fileName: string; contentType: string; size: number; sha256: string },
  preview: boolean,
): Record<string, string> {
  const known = SERVED_TYPES.has(version.contentType);
  const inline = preview && known && version.contentType === "application/pdf";
  return {
    "content-type": known ? version.contentType : "application/octet-stream",
    "content-length": String(version.size),
    "content-disposition": contentDisposition(inline ? "inline" : "attachment", version.fileName),
    "x-content-type-options": "nosniff",
    // Browsers' PDF viewers refuse to run in a CSP sandbox, so the inline PDF is confined otherwise:
    // it may load nothing, and only this site's pages may frame it.
    "content-security-policy": inline
      ? "default-src 'none'; object-src 'self'; frame-ancestors 'self'"
      : "default-src 'none'; frame-ancestors 'none'; sandbox",
    "x-frame-options": inline ? "SAMEORIGIN" : "DENY",
    "cross-origin-resource-policy": "same-origin",
    "referrer-policy": "no-referrer",
    // Members' documents: never kept by a browser or a proxy.
    "cache-control": "private, no-store",
    etag: `"${version.sha256}"`,
  };
}
