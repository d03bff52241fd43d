// Lengths of what is typed into a trial's record, in characters: the schemas refuse more, the forms
// count while typing. Plain numbers, so the browser gets them without zod.
export const TRIAL_TEXT_MAX = {
  leadSponsor: 300,
  /** Why an entry is corrected or retracted. */
  reason: 500,
  country: 80,
  /** Where an accrual figure comes from. */
  source: 500,
  facility: 300,
  city: 120,
} as const;
