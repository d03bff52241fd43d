// Input schemas for feasibility sites, and the capability vocabulary with its labels. Pure.
import { z } from "zod";
import { plainText } from "@/lib/validation";

export const SITE_CAPABILITIES = ["CENTRAL_PATHOLOGY", "REQUIRED_IMAGING", "DRUG_IMPORT", "RESEARCH_STAFF", "BIOBANKING"] as const;
export type SiteCapability = (typeof SITE_CAPABILITIES)[number];

export const CAPABILITY_LABEL: Record<SiteCapability, string> = {
  CENTRAL_PATHOLOGY: "Central pathology review",
  REQUIRED_IMAGING: "Required imaging",
  DRUG_IMPORT: "Drug import possible",
  RESEARCH_STAFF: "Research nurse or data manager",
  BIOBANKING: "Biobanking",
};

export const SITE_TEXT_MAX = { name: 200, city: 100, country: 100, note: 2000 } as const;
/** Beyond these a figure is a typing slip, not a plan. */
export const SITE_LIMITS = { patientsSeenPerYear: 100_000, competingTrials: 100, monthsToActivation: 120 } as const;

const whole = (message: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ message })
      .regex(/^\d{1,9}$/, message)
      .transform(Number)
      .pipe(z.number().int().min(min, message).max(max, message)),
  );

const optionalText = (max: number) => plainText(max).transform((t) => (t === "" ? null : t));

/** A site as its form sends it. The organization is never in it: it comes from the session or the site. */
export const ZFeasibilitySite = z.object({
  name: plainText(SITE_TEXT_MAX.name).min(2, "Name the site (at least 2 characters)."),
  city: optionalText(SITE_TEXT_MAX.city),
  country: optionalText(SITE_TEXT_MAX.country),
  patientsSeenPerYear: whole(
    "Enter the patients with this cancer seen in the last 12 months as a whole number (0 or more).",
    0,
    SITE_LIMITS.patientsSeenPerYear,
  ),
  eligibleShare: whole("Enter the share eligible as a percentage from 0 to 100.", 0, 100),
  consentShare: whole("Enter the share consenting as a percentage from 0 to 100.", 0, 100),
  competingTrials: whole(
    `Enter the competing trials as a whole number from 0 to ${SITE_LIMITS.competingTrials}.`,
    0,
    SITE_LIMITS.competingTrials,
  ),
  monthsToActivation: whole(
    `Enter the months from approval to activation as a whole number from 0 to ${SITE_LIMITS.monthsToActivation}.`,
    0,
    SITE_LIMITS.monthsToActivation,
  ),
  capabilities: z
    .array(z.enum(SITE_CAPABILITIES, { message: "Choose capabilities from the list." }), { message: "Choose capabilities from the list." })
    .max(SITE_CAPABILITIES.length, "Choose capabilities from the list.")
    .transform((list) => SITE_CAPABILITIES.filter((c) => list.includes(c))),
  note: plainText(SITE_TEXT_MAX.note),
});
export type FeasibilitySiteInput = z.infer<typeof ZFeasibilitySite>;

/** The version the form was loaded with (a hidden field). */
export const ZVersion = z.coerce.number().int().min(1).max(2_147_483_647);

/** One site of a name per organization and proposal, whatever its case and spacing. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}
