import { z } from "zod";
import { OVERALL_STATUSES, PHASES } from "./ctgov";
import { MILESTONES } from "./progress";

export const PartialDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "Write the date as yyyy, yyyy-MM or yyyy-MM-dd.");
const optionalDate = z.preprocess((v) => (v === "" || v === undefined ? null : v), PartialDate.nullable());
const optionalInt = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z.coerce.number({ message: `${label} must be a whole number.` }).int(`${label} must be a whole number.`).min(0, `${label} cannot be negative.`).max(1_000_000, `${label} is implausibly large.`).nullable(),
  );

export const ZTrialDetails = z.object({
  overallStatus: z.enum(OVERALL_STATUSES as [string, ...string[]], { message: "Choose a status from ClinicalTrials.gov's list." }),
  phases: z.array(z.enum(PHASES as [string, ...string[]], { message: "Choose phases from the list." })).max(2, "At most two phases."),
  targetAccrual: optionalInt("Target accrual"),
  startDate: optionalDate,
  primaryCompletionDate: optionalDate,
  leadSponsor: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(300).nullable()),
});

export const ZAccrual = z.object({
  date: PartialDate,
  total: z.coerce.number({ message: "Enter the number of patients enrolled so far." }).int("Enter a whole number of patients.").min(0, "A count cannot be negative.").max(1_000_000),
  organizationId: z.preprocess((v) => (v === "" ? null : v), z.string().nullable()),
  country: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(80).nullable()),
  source: z.string().trim().max(500),
});

export const ZMilestone = z.object({
  kind: z.enum(MILESTONES),
  planned: optionalDate,
  actual: optionalDate,
});

export const ZSite = z.object({
  country: z.string().trim().min(2, "Name the country.").max(80),
  facility: z.string().trim().max(300),
  city: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(120).nullable()),
  organizationId: z.preprocess((v) => (v === "" ? null : v), z.string().nullable()),
});
