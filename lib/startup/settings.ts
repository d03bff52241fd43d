import "server-only";
// The start-up targets the secretariat sets: days from approval each step should be done by, as
// lib/settings.ts keeps the portal's other settings (one row, audited with the old value and the reason).
import { z } from "zod";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { ValidationError } from "@/lib/errors";
import { ZSettingReason } from "@/lib/settings";
import { shared } from "@/lib/shared-cache";
import { DEFAULT_STARTUP_TARGETS, STARTUP_STEPS, stepName, type StartupTargets } from "./steps";

const KEY = "startupTargets";
/** Beyond this a target is a typing slip: ten years. */
export const MAX_TARGET_DAYS = 3650;

const days = z.number().int().min(1).max(MAX_TARGET_DAYS);
const ZStored = z.object({
  steps: z.object(Object.fromEntries(STARTUP_STEPS.map((s) => [s, days])) as Record<(typeof STARTUP_STEPS)[number], typeof days>),
  phase12Activation: days,
});

/** The targets as stored, or the defaults; a malformed row never breaks a page. */
export async function readStartupTargets(client: Pick<typeof db, "setting"> = db): Promise<StartupTargets> {
  const row = await client.setting.findUnique({ where: { key: KEY } });
  return (ZStored.safeParse(row?.value).data as StartupTargets | undefined) ?? DEFAULT_STARTUP_TARGETS;
}

/** For showing: read by the trial page and the portfolio, shared for a minute and dropped when changed. */
export function getStartupTargets(): Promise<StartupTargets> {
  return shared("data:setting:startup-targets", 60_000, () => readStartupTargets());
}

const typedDays = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ message: `Enter ${label} as a whole number of days, such as 300.` })
      .regex(/^\d{1,6}$/, `Enter ${label} as a whole number of days, such as 300.`)
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least 1 day.`)
          .max(MAX_TARGET_DAYS, `At most ${MAX_TARGET_DAYS} days (ten years).`),
      ),
  );

/** The form's fields: one per step (named by the step), and the phase 1-2 activation target. */
export const ZStartupTargetsForm = z.object({
  ...(Object.fromEntries(STARTUP_STEPS.map((s) => [s, typedDays(`the target for ${stepName(s).toLowerCase()}`)])) as Record<
    (typeof STARTUP_STEPS)[number],
    ReturnType<typeof typedDays>
  >),
  phase12Activation: typedDays("the phase 1-2 activation target"),
});

export async function setStartupTargets(actor: Actor | null, raw: Record<string, unknown>, reason: string): Promise<StartupTargets> {
  assertCan(actor, "settings.manage");
  const parsed = ZStartupTargetsForm.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    throw new ValidationError(fields);
  }
  const { phase12Activation, ...steps } = parsed.data;
  // The targets are days from approval: a step before activation cannot be due after it, nor the first patient before it.
  const fields: Record<string, string> = {};
  // Each broken relation is said on both of its fields.
  for (const s of STARTUP_STEPS) {
    if (s !== "FIRST_SITE" && s !== "FIRST_PATIENT" && steps[s] > steps.FIRST_SITE) {
      fields[s] = `Due after the first site's activation (${steps.FIRST_SITE} days): a step before activation must be done by then.`;
      fields.FIRST_SITE ??= `Sooner than ${stepName(s).toLowerCase()} (${steps[s]} days), which must be done before activation.`;
    }
  }
  if (steps.FIRST_PATIENT < steps.FIRST_SITE) {
    fields.FIRST_PATIENT = `The first patient comes after the first site is activated (${steps.FIRST_SITE} days).`;
    fields.FIRST_SITE ??= `Later than the first patient (${steps.FIRST_PATIENT} days), who comes after activation.`;
  }
  if (phase12Activation > steps.FIRST_SITE) {
    fields.phase12Activation = `Phase 1-2 trials are given less time than phase 3 (${steps.FIRST_SITE} days), not more.`;
    fields.FIRST_SITE ??= `Sooner than the phase 1-2 activation target (${phase12Activation} days): phase 3 is given more time.`;
  }
  const why = ZSettingReason.safeParse(reason);
  if (!why.success) fields.reason = why.error.issues[0]!.message;
  else if (!why.data) fields.reason = "Say why the targets change: every past-target flag changes with them.";
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const next: StartupTargets = { steps, phase12Activation };
  await db.$transaction(async (tx) => {
    // Serialize changes, so each audit event's "from" is the value it really replaced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${KEY}))`;
    const previous = await readStartupTargets(tx);
    const value = { steps: { ...next.steps }, phase12Activation };
    await tx.setting.upsert({
      where: { key: KEY },
      create: { key: KEY, value, updatedById: actor.userId },
      update: { value, updatedById: actor.userId },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "setting.changed",
      entityType: "setting",
      entityId: KEY,
      reason: why.data!,
      data: { from: { steps: { ...previous.steps }, phase12Activation: previous.phase12Activation }, to: value },
    });
  });
  return next;
}
