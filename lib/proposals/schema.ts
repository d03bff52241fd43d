// Input schemas for proposals, shared by the server (authoritative) and the editor's messages.
import { z } from "zod";
import { formId, plainText } from "@/lib/validation";
import { PHASES, PHASE_LABEL } from "./phases";
import { INTEREST_NOTE_MAX, PROPOSAL_TEXT_MAX as MAX, TRANSITION_REASON_MAX } from "./limits";

const text = plainText;
const optionalInt = (label: string, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : v),
    z.coerce
      .number({ message: `${label} must be a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(0, `${label} cannot be negative.`)
      .max(max, `${label} is implausibly large.`)
      .nullable(),
  );

export { PHASES, PHASE_LABEL };

/** The text of a proposal: what every save writes and every revision keeps. */
export const ZProposalContent = z.object({
  title: text(MAX.title).min(5, "Give the proposal a title of at least 5 characters."),
  population: text(MAX.population),
  intervention: text(MAX.intervention),
  comparator: text(MAX.comparator),
  primaryOutcome: text(MAX.primaryOutcome),
  rationale: text(MAX.rationale),
  phase: z.preprocess((v) => (v === "" ? null : v), z.enum(PHASES, { message: "Choose a phase from the list." }).nullable()),
  randomised: z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v === "true" || v === true), z.boolean().nullable()),
  sampleSize: optionalInt("Planned sample size", 100_000),
  plannedAccrualMonths: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : v),
    z.coerce
      .number({ message: "Give the planned accrual period in whole months, such as 48." })
      .int("Give the planned accrual period in whole months, such as 48.")
      .min(1, "The planned accrual period is at least 1 month.")
      .max(240, "A planned accrual period above 20 years is implausible: give it in months, such as 48.")
      .nullable(),
  ),
  primaryEndpoint: text(MAX.primaryEndpoint),
  noOtherForum: text(MAX.noOtherForum),
});
export type ProposalContent = z.infer<typeof ZProposalContent>;
export const CONTENT_FIELDS = Object.keys(ZProposalContent.shape) as (keyof ProposalContent)[];

export const ZCreateProposal = z.object({
  groupId: formId("Choose the expert group."),
  leadOrganizationId: formId("Choose the lead organization."),
  title: ZProposalContent.shape.title,
});

export const ZSaveProposal = ZProposalContent.extend({
  version: z.coerce.number().int().min(1),
});

export const ZRecordInterest = z.object({
  level: z.enum(["LEAD", "PARTICIPATE", "INTERESTED", "DECLINED"], { message: "Choose lead, participate, interested or declined." }),
  expectedSites: optionalInt("Expected sites", 10_000),
  expectedPatientsPerYear: optionalInt("Expected patients per year", 100_000),
  note: text(INTEREST_NOTE_MAX),
});

export const ZTransition = z.object({
  event: z.string().min(1).max(64),
  reason: text(TRANSITION_REASON_MAX).optional(),
  version: z.coerce.number().int().min(1),
});
