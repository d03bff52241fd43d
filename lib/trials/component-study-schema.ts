// What a keeper types for a component study, checked at the boundary. Pure (the form and the server share it).
import { z } from "zod";
import { formId, PartialDate, plainText } from "@/lib/validation";
import { OVERALL_STATUSES } from "./ctgov";

export const STUDY_TEXT_MAX = { name: 200, shortName: 40, sponsor: 300, countries: 400, source: 500 } as const;

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" || v === undefined ? null : v), schema.nullable());

export const ZComponentStudy = z.object({
  name: plainText(STUDY_TEXT_MAX.name).pipe(z.string().min(2, "Name the study (for example, J-BALLAD).")),
  shortName: optional(plainText(STUDY_TEXT_MAX.shortName)),
  sponsor: optional(plainText(STUDY_TEXT_MAX.sponsor)),
  leadOrganizationId: optional(formId("Choose an organization from the list.")),
  /** Countries as typed, comma-separated names or codes: turned into ISO codes by the server. */
  countries: plainText(STUDY_TEXT_MAX.countries),
  targetAccrual: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z.coerce
      .number({ message: "Target accrual must be a whole number of patients." })
      .int("Target accrual must be a whole number of patients.")
      .min(1, "Target accrual must be at least 1 patient (leave it empty when not known).")
      .max(1_000_000, "Target accrual is implausibly large.")
      .nullable(),
  ),
  overallStatus: z.enum(OVERALL_STATUSES as [string, ...string[]], { message: "Choose a status from ClinicalTrials.gov's list." }),
  startDate: optional(PartialDate),
  plannedAccrualEnd: optional(PartialDate),
  source: plainText(STUDY_TEXT_MAX.source),
});
export type ComponentStudyInput = z.infer<typeof ZComponentStudy>;
/** The study form's fields, in the schema's order (the action reads them; the bad-input suite fills them). */
export const STUDY_FIELDS = Object.keys(ZComponentStudy.shape) as (keyof ComponentStudyInput)[];

/** Editing is guarded by the version the form was opened at. */
export const ZStudyVersion = z.coerce.number({ message: "Reload the page and try again." }).int().min(1).max(2_147_483_647);
