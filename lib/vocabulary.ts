// ClinicalTrials.gov's vocabulary as people read it. Pure, so pages, exports and previews share it.

/** ACTIVE_NOT_RECRUITING, PHASE2 as words: "Active not recruiting", "Phase 2". */
export function vocabularyLabel(value: string): string {
  // The registry's phase "NA": a study without phases (devices, behavioural studies).
  if (value === "NA") return "Not applicable";
  return (value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ")).replace(/([a-z])(\d)/g, "$1 $2");
}
