// A proposal's planned phase, as ClinicalTrials.gov names phases, and as people read it. Pure: the
// editor (a client component) reads it without loading the schemas' validation library.
export const PHASES = ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"] as const;
export const PHASE_LABEL: Record<(typeof PHASES)[number], string> = {
  EARLY_PHASE1: "Early phase 1",
  PHASE1: "Phase 1",
  PHASE2: "Phase 2",
  PHASE3: "Phase 3",
  PHASE4: "Phase 4",
  NA: "Not applicable",
};
