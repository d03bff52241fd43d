// The address of an expert group (/groups/<slug>), from its cancer's name. Pure.
import { createHash } from "node:crypto";

/** Paths under /groups/ that are pages of their own, never a group's address. */
const RESERVED = new Set(["new"]);

export function groupSlug(cancer: string): string {
  const base = cancer
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "") // the accents NFD split off: é is e
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .replace(/-$/, "");
  // A name in another script (Japanese, Greek…) leaves nothing in a-z: a short stable digest instead.
  if (!base) return `group-${createHash("sha256").update(cancer.trim().normalize("NFC")).digest("hex").slice(0, 10)}`;
  return RESERVED.has(base) ? `${base}-group` : base;
}
