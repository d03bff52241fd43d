// Word-level comparison of two revisions, for the side-by-side view. Pure.
import { diffWords } from "diff";
import { CONTENT_FIELDS, PHASE_LABEL, type ProposalContent } from "./schema";

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

function asText(field: keyof ProposalContent, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (field === "phase") return PHASE_LABEL[value as keyof typeof PHASE_LABEL] ?? String(value);
  if (field === "randomised") return value ? "Yes" : "No";
  return typeof value === "string" ? value : String(value);
}

export function diffRevisions(older: Record<string, unknown>, newer: Record<string, unknown>): FieldDiff[] {
  return CONTENT_FIELDS.map((field) => {
    const a = asText(field, older[field]);
    const b = asText(field, newer[field]);
    const parts = diffWords(a, b);
    return {
      field,
      changed: a !== b,
      before: parts.filter((p) => !p.added).map((p) => ({ text: p.value, kind: p.removed ? "removed" : "same" })),
      after: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, kind: p.added ? "added" : "same" })),
    };
  });
}
