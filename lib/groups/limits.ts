// Lengths of what is typed about an expert group, in characters: the schemas refuse more, the forms
// count while typing. Plain numbers, so the browser gets them without zod.
export const GROUP_TEXT_MAX = {
  cancer: 200,
  description: 2000,
  incidenceSource: 500,
  /** Why the incidence or the status changes. */
  reason: 1000,
} as const;
