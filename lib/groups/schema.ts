// What people type about an expert group, checked the same way when it is convened and when its
// incidence or status changes later. Pure (zod only).
import { z } from "zod";
import { plainText } from "@/lib/validation";
import { GROUP_STATUSES } from "./status";
import { GROUP_TEXT_MAX as MAX } from "./limits";

/** Cases per 100,000 a year, or empty for "not known". */
export const incidencePer100k = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : v),
  z.coerce
    .number({ message: "Enter the incidence as a number, such as 0.8." })
    .min(0, "Incidence cannot be negative.")
    .max(1000, "Incidence is at most 1,000 per 100,000 a year.")
    .nullable(),
);

export const incidenceSource = plainText(MAX.incidenceSource);

export const ZCreateGroup = z.object({
  cancer: plainText(MAX.cancer).pipe(z.string().min(3, "Name the rare cancer.")),
  incidencePer100k,
  incidenceSource,
  description: plainText(MAX.description),
});

export const ZCorrectIncidence = z.object({
  incidencePer100k,
  incidenceSource,
  reason: plainText(MAX.reason).pipe(z.string().min(1, "Say why the figure changes: a newer registry report, a mistake corrected.")),
});

export const ZChangeGroupStatus = z.object({
  status: z.enum(GROUP_STATUSES, { message: "Choose the group's new status." }),
  reason: plainText(MAX.reason).pipe(z.string().min(1, "Say why: the group's page and the audit log show it.")),
});
