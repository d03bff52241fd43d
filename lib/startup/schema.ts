// What the start-up forms send, checked field by field. Pure.
import { z } from "zod";
import { formId, isRealDay, plainText } from "@/lib/validation";
import { STARTUP_STATES, STARTUP_STEPS } from "./steps";

export const BLOCKED_REASON_MAX = 500;

/** A whole day as a date input sends it (yyyy-MM-dd), or nothing. */
const optionalDay = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
  z
    .string({ message: "Write the date as yyyy-MM-dd." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Write the date as yyyy-MM-dd.")
    .refine((t) => {
      const [y, m, d] = t.split("-").map(Number);
      return y! >= 1990 && isRealDay(y!, m!, d!);
    }, "That day does not exist, or is before 1990: check the date.")
    .transform((t) => new Date(`${t}T00:00:00Z`))
    .nullable(),
);

export const ZStartupStepUpdate = z.object({
  state: z.enum(STARTUP_STATES, { message: "Choose a state from the list." }),
  plannedDate: optionalDay,
  actualDate: optionalDay,
  blockedSince: optionalDay,
  blockedReason: plainText(BLOCKED_REASON_MAX).transform((t) => (t === "" ? null : t)),
  ownerOrganizationId: z.preprocess((v) => (v === "" ? null : v), formId("Choose an organization from the list.").nullable()),
});
export type StartupStepUpdate = z.infer<typeof ZStartupStepUpdate>;

export const ZStartupStep = z.enum(STARTUP_STEPS);

/** The version the form was loaded with (0: the step has no row yet). */
export const ZStepVersion = z.coerce.number().int().min(0).max(2_147_483_647);

/** Each step's rule of consistency, checked after the fields parse: a message per field, or none. */
export function stepProblems(input: StartupStepUpdate, today: Date, approvalStart: Date | null): Record<string, string> {
  const problems: Record<string, string> = {};
  // Today where it is latest (UTC+14): the date someone in Sydney or Auckland types is not refused as future.
  const ahead = new Date(today.getTime() + 14 * 3600_000);
  const todayEnd = new Date(Date.UTC(ahead.getUTCFullYear(), ahead.getUTCMonth(), ahead.getUTCDate()));
  if (input.state === "BLOCKED") {
    if (!input.blockedReason || input.blockedReason.length < 3)
      problems.blockedReason = "Say what blocks this step (at least a few words), so others know what to chase.";
    if (!input.blockedSince) problems.blockedSince = "Say since when it has been blocked.";
    else if (input.blockedSince > todayEnd) problems.blockedSince = "A step cannot be blocked since a day that has not come.";
  }
  if (input.state === "DONE" && !input.actualDate) problems.actualDate = "Give the date it was done.";
  if (input.actualDate) {
    if (input.state !== "DONE") problems.actualDate = "An actual date says the step is done: choose Done, or clear the date.";
    else if (input.actualDate > todayEnd) problems.actualDate = "An actual date cannot be in the future: use the planned date.";
    else if (approvalStart && input.actualDate < approvalStart)
      problems.actualDate = `It cannot be done before the trial's approval (${approvalStart.toISOString().slice(0, 10)}).`;
  }
  return problems;
}
