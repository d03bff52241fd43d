// How long each text of a proposal may be, in characters: the schema refuses more, and the forms
// show the count while typing. Plain numbers, so the browser gets them without zod.
export const PROPOSAL_TEXT_MAX = {
  title: 300,
  population: 2000,
  intervention: 2000,
  comparator: 2000,
  primaryOutcome: 2000,
  rationale: 20_000,
  primaryEndpoint: 2000,
  noOtherForum: 5000,
} as const;

/** An organization's note with its interest. */
export const INTEREST_NOTE_MAX = 2000;

/** Why a proposal moves on or back (returned, withdrawn). */
export const TRANSITION_REASON_MAX = 2000;
