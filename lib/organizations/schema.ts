// What the secretariat types to admit a member organization, and the rules it must meet. Pure:
// the countries are i18n-iso-countries' current ISO codes, the zones the IANA database's, the
// working days ISO weekdays (1 Monday … 7 Sunday), as the meeting planner reads them.
import { z } from "zod";
import { countryCode } from "@/lib/trials/countries";
import { plainText } from "@/lib/validation";
import { ORGANIZATION_TEXT_MAX } from "./limits";
import { isTimeZone } from "@/lib/wall-time";

/** A short name as people write one: letters, digits, and the punctuation real ones use (INCa, CCTG, AIEOP-BFM). */
const SHORT_NAME = /^[\p{Script=Latin}0-9][\p{Script=Latin}0-9 .&'-]*$/u;

/** The address of an organization (/organizations/<slug>), from its short name: "INCa" is "inca". */
export function organizationSlug(shortName: string): string {
  return shortName
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The zone's own IANA name ("asia/tokyo" is "Asia/Tokyo"), or null when it is not an IANA zone of a place. */
export function ianaTimeZone(value: string): string | null {
  if (!isTimeZone(value)) return null;
  const resolved = new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  // An office is somewhere: "Europe/Paris" follows its clocks; a fixed offset such as "+01:00" does not.
  return resolved === "UTC" || /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(resolved) ? resolved : null;
}

export const ZNewOrganization = z.object({
  name: plainText(ORGANIZATION_TEXT_MAX.name).pipe(z.string().min(3, "Enter the organization's full name.")),
  shortName: plainText(ORGANIZATION_TEXT_MAX.shortName)
    .pipe(z.string().min(2, "Enter a short name of at least two characters, such as CCTG."))
    .refine((s) => SHORT_NAME.test(s) && organizationSlug(s) !== "", {
      message: "Use letters, digits, spaces and . & ' - only, starting with a letter or digit.",
    }),
  country: z
    .string({ message: "Choose the country of the organization's office." })
    .max(100, "Choose the country of the organization's office.")
    .transform((value, ctx) => {
      const code = value.trim() === "" ? undefined : countryCode(value);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "Choose the country of the organization's office from the list." });
        return z.NEVER;
      }
      return code;
    }),
  timeZone: z
    .string({ message: "Choose the time zone of the organization's office." })
    .max(ORGANIZATION_TEXT_MAX.timeZone, "Choose a time zone from the list, such as America/Toronto.")
    .transform((value, ctx) => {
      const zone = value.trim() === "" ? null : ianaTimeZone(value.trim());
      if (!zone) {
        ctx.addIssue({
          code: "custom",
          message:
            value.trim() === ""
              ? "Choose the time zone of the organization's office."
              : `"${value.trim().slice(0, 64)}" is not a time zone the portal knows: choose one from the list, such as America/Toronto.`,
        });
        return z.NEVER;
      }
      return zone;
    }),
  workingDays: z
    .array(z.string({ message: "Choose working days from the list." }), { message: "Choose the days its office works." })
    .max(7, "Choose working days from the list.")
    .transform((days, ctx) => {
      const numbers = days.map((d) => (/^[1-7]$/.test(d) ? Number(d) : NaN));
      if (numbers.some(Number.isNaN)) {
        ctx.addIssue({ code: "custom", message: "Choose working days from the list." });
        return z.NEVER;
      }
      if (numbers.length === 0) {
        ctx.addIssue({ code: "custom", message: "Choose at least one day its office works." });
        return z.NEVER;
      }
      return [...new Set(numbers)].sort((a, b) => a - b);
    }),
});
export type NewOrganization = z.infer<typeof ZNewOrganization>;
