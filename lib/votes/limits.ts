// Lengths of what people write about a vote, in characters: the schemas refuse more, the forms
// count while typing. Plain numbers, so the browser gets them without zod.
export const BALLOT_RATIONALE_MAX = 5000;
export const CLOSE_REASON_MAX = 2000;
/** Document versions a vote may be on (as many as the proposal page lists documents). */
export const MAX_VOTE_DOCUMENTS = 50;
