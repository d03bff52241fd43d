// Word-level comparison of two revisions, for the side-by-side view. Pure.
import { diffWords } from "diff";
import { CONTENT_FIELDS, type ProposalContent } from "./schema";

export interface Segment {
  text: string;
  kind: "same" | "removed" | "added";
}

export interface FieldDiff {
  field: keyof ProposalContent;
  changed: boolean;
  /** The older text with removed words marked. */
  before: Segment[];
  /** The newer text with added words marked. */
  after: Segment[];
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

export function diffRevisions(older: Record<string, unknown>, newer: Record<string, unknown>): FieldDiff[] {
  return CONTENT_FIELDS.map((field) => {
    const a = asText(older[field]);
    const b = asText(newer[field]);
    const parts = diffWords(a, b);
    return {
      field,
      changed: a !== b,
      before: parts.filter((p) => !p.added).map((p) => ({ text: p.value, kind: p.removed ? "removed" : "same" })),
      after: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, kind: p.added ? "added" : "same" })),
    };
  });
}
