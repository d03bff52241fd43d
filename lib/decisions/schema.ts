// What the decision forms and the register's address may carry, checked at the boundary.
import { z } from "zod";
import { plainText, withoutControlCharacters } from "@/lib/validation";
import { DECISION_KINDS, MANUAL_KINDS } from "./labels";
import { DECISION_TEXT_MAX as MAX } from "./limits";

const required = (max: number, message: string) => plainText(max).pipe(z.string().min(1, message));

/**
 * The latest date on any office's calendar now (UTC+14, the earliest time zone): a chair in Sydney
 * records a decision taken this morning, their today, while it is still yesterday in UTC.
 */
export const latestToday = (now = Date.now()) => new Date(now + 14 * 3600_000).toISOString().slice(0, 10);

/** A day in yyyy-MM-dd that exists and has begun (today counts): a decision is recorded once taken. */
export const DecidedOn = z
  .string({ message: "Enter the date of the decision." })
  .trim()
  .min(1, "Enter the date of the decision.")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Write the date as yyyy-MM-dd.")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "That day does not exist.",
  )
  .refine((v) => v <= latestToday(), "A decision is recorded once it is taken: the date cannot be in the future.");

export const ZRecordDecision = z.object({
  /** "group:<id>" or "proposal:<id>": what the decision is about, from the form's list. */
  about: z
    .string({ message: "Choose what the decision is about." })
    .regex(/^(group|proposal):[A-Za-z0-9_-]{1,64}$/, "Choose what the decision is about."),
  kind: z.enum(MANUAL_KINDS, { message: "Choose the kind of decision." }),
  title: required(MAX.title, "Give the decision a title."),
  decidedOn: DecidedOn,
  options: plainText(MAX.options),
  rationale: required(MAX.rationale, "Say why it was decided: the rationale is what the register is for."),
  public: z.preprocess((v) => v === "yes" || v === "on" || v === true, z.boolean()),
});

export const ZEditDecision = z.object({
  options: plainText(MAX.options),
  rationale: required(MAX.rationale, "Say why it was decided: the rationale is what the register is for."),
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const ZCloseReason = required(MAX.closeReason, "Say why the trial ends early: the reason goes into the decision register.");

const oneOf = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .transform((v) => ((values as readonly string[]).includes(v) ? (v as T) : undefined))
    .optional()
    .catch(undefined);

/** The register's filters as the address gives them: anything unknown or malformed is ignored, never an error. */
export const ZDecisionFilters = z.object({
  kind: oneOf(DECISION_KINDS),
  group: z
    .string()
    .transform((v) => (/^[a-z0-9-]{1,80}$/.test(v) ? v : undefined))
    .optional()
    .catch(undefined),
  year: z
    .string()
    .transform((v) => (/^\d{4}$/.test(v) ? v : undefined))
    .optional()
    .catch(undefined),
  visibility: oneOf(["public", "members"] as const),
  q: z
    .string()
    .transform((v) => withoutControlCharacters(v).trim().slice(0, MAX.search) || undefined)
    .optional()
    .catch(undefined),
});
export type DecisionFilters = z.infer<typeof ZDecisionFilters>;
