// Lengths of what is typed into a decision, in characters: the schemas refuse more, the forms count
// while typing. Plain numbers, so the browser gets them without zod.
export const DECISION_TEXT_MAX = {
  title: 200,
  options: 4000,
  rationale: 4000,
  /** Why a trial's status ends it early (the trial form). */
  closeReason: 1000,
  /** The register's search. */
  search: 100,
} as const;

export const DECISIONS_PER_PAGE = 20;
/** The printable minutes and the CSV export: at most this many decisions (the register's whole history fits many times over). */
export const MINUTES_MAX = 500;
