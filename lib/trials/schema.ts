import { z } from "zod";
import { formId, PartialDate, plainText } from "@/lib/validation";
import { OVERALL_STATUSES, PHASES } from "./ctgov";
import { MILESTONES } from "./progress";
import { TRIAL_TEXT_MAX as MAX } from "./limits";

export { PartialDate };
const optionalDate = z.preprocess((v) => (v === "" || v === undefined ? null : v), PartialDate.nullable());
const optionalInt = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z.coerce
      .number({ message: `${label} must be a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(0, `${label} cannot be negative.`)
      .max(1_000_000, `${label} is implausibly large.`)
      .nullable(),
  );

export const ZTrialDetails = z.object({
  overallStatus: z.enum(OVERALL_STATUSES as [string, ...string[]], { message: "Choose a status from ClinicalTrials.gov's list." }),
  phases: z.array(z.enum(PHASES as [string, ...string[]], { message: "Choose phases from the list." })).max(2, "At most two phases."),
  targetAccrual: optionalInt("Target accrual"),
  startDate: optionalDate,
  primaryCompletionDate: optionalDate,
  leadSponsor: z.preprocess((v) => (v === "" ? null : v), plainText(MAX.leadSponsor).nullable()),
});

/** "yes" from the checkbox a form shows once the server asked for confirmation. */
const confirmed = z.preprocess((v) => v === "yes" || v === true, z.boolean());

/** Why an entry of the record is corrected or retracted: kept in the audit trail. */
export const ZReason = plainText(MAX.reason).pipe(z.string().min(3, "Say why, for the record (at least a few words)."));

export const ZAccrual = z.object({
  date: PartialDate,
  total: z.coerce
    .number({ message: "Enter the number of patients enrolled so far." })
    .int("Enter a whole number of patients.")
    .min(0, "A count cannot be negative.")
    .max(1_000_000),
  organizationId: z.preprocess((v) => (v === "" ? null : v), formId("Choose an organization from the list.").nullable()),
  country: z.preprocess((v) => (v === "" ? null : v), plainText(MAX.country).nullable()),
  /** A component study's whole accrual (then neither an organization nor a country). */
  componentStudyId: z.preprocess((v) => (v === "" || v === undefined ? null : v), formId("Choose a study from the list.").nullable()),
  source: plainText(MAX.source),
  confirmed,
});

/** A correction keeps the report's scope: a report for another organization or country is another report. */
export const ZAccrualCorrection = z.object({
  date: PartialDate,
  total: ZAccrual.shape.total,
  source: plainText(MAX.source),
  reason: ZReason,
  confirmed,
});

export const ZMilestone = z.object({
  kind: z.enum(MILESTONES),
  planned: optionalDate,
  actual: optionalDate,
});

export const ZSite = z.object({
  country: plainText(MAX.country).pipe(z.string().min(2, "Name the country.")),
  facility: plainText(MAX.facility),
  city: z.preprocess((v) => (v === "" ? null : v), plainText(MAX.city).nullable()),
  organizationId: z.preprocess((v) => (v === "" ? null : v), formId("Choose an organization from the list.").nullable()),
});

export const ZSiteCorrection = ZSite.extend({ reason: ZReason });
