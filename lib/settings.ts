import "server-only";
import { shared } from "@/lib/shared-cache";
import { z } from "zod";
import { plainText } from "@/lib/validation";
import { db } from "@/lib/db";
import { SETTING_REASON_MAX } from "@/lib/settings-limits";
import { audit } from "@/lib/audit/record";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { ValidationError } from "@/lib/errors";
import { DEFAULT_OPTIMISM_DISCOUNT } from "@/lib/forecast/model";
import { AT_RISK_PROBABILITY } from "@/lib/forecast/monitor";
import { DEFAULT_WARN_YEARS } from "@/lib/forecast/pledges";

const RARE_THRESHOLD = "rareIncidenceThreshold";
/** IRCI's rare-cancer threshold, cases per 100,000 people a year, until the secretariat sets another. */
export const DEFAULT_RARE_THRESHOLD = 6;

/** The threshold as stored: what a decision (opening a vote) reads, inside its transaction. */
export async function readRareThreshold(client: Pick<typeof db, "setting"> = db): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: RARE_THRESHOLD } });
  const parsed = z.number().positive().safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_RARE_THRESHOLD;
}

/**
 * For showing: read on every proposal page, so shared for a minute and dropped when changed here
 * (by audit(): a change audited against a setting drops every "setting:" entry, other changes none).
 */
export function getRareThreshold(): Promise<number> {
  return shared("setting:rare-threshold", 60_000, () => readRareThreshold());
}

export const ZThreshold = z.coerce
  .number({ message: "Enter a number, such as 6." })
  .positive("The threshold must be above 0.")
  .max(100, "A threshold above 100 per 100,000 would count common cancers as rare.");

/** Why a setting changes: kept in the audit trail. */
export const ZSettingReason = plainText(SETTING_REASON_MAX);

export async function setRareThreshold(actor: Actor | null, raw: unknown, reason: string) {
  assertCan(actor, "settings.manage");
  const parsed = ZThreshold.safeParse(raw);
  if (!parsed.success) throw new ValidationError({ threshold: parsed.error.issues[0]?.message ?? "Enter a number, such as 6." });
  const why = ZSettingReason.safeParse(reason);
  if (!why.success) throw new ValidationError({ reason: why.error.issues[0]!.message });
  if (!why.data) throw new ValidationError({ reason: "Say why the threshold changes: it changes which proposals are eligible." });
  await db.$transaction(async (tx) => {
    // Serialize changes, so each audit event's "from" is the value it really replaced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${RARE_THRESHOLD}))`;
    const current = await tx.setting.findUnique({ where: { key: RARE_THRESHOLD } });
    const previous = z.number().positive().safeParse(current?.value).data ?? DEFAULT_RARE_THRESHOLD;
    await tx.setting.upsert({
      where: { key: RARE_THRESHOLD },
      create: { key: RARE_THRESHOLD, value: parsed.data, updatedById: actor.userId },
      update: { value: parsed.data, updatedById: actor.userId },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "setting.changed",
      entityType: "setting",
      entityId: RARE_THRESHOLD,
      reason: why.data,
      data: { from: previous, to: parsed.data },
    });
  });
  return parsed.data;
}

const FORECAST = "accrualForecast";

/** What the accrual forecast assumes, until the secretariat sets otherwise (each default's source in its module). */
export interface ForecastSettings {
  /** The share of pledged patients the forecast expects (Lasagna's law): DEFAULT_OPTIMISM_DISCOUNT. */
  discount: number;
  /** Beyond this many years to the target the criteria checklist warns: DEFAULT_WARN_YEARS. */
  warnYears: number;
  /** A running trial is at risk below this chance of reaching its target by its planned end: AT_RISK_PROBABILITY. */
  atRiskProbability: number;
}

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = {
  discount: DEFAULT_OPTIMISM_DISCOUNT,
  warnYears: DEFAULT_WARN_YEARS,
  atRiskProbability: AT_RISK_PROBABILITY,
};

const ZStoredForecast = z.object({
  discount: z.number().gt(0).max(1),
  warnYears: z.number().positive().max(30),
  atRiskProbability: z.number().gt(0).lt(1),
});

/** The forecast settings as stored, or the defaults; a malformed row never breaks a page. */
export async function readForecastSettings(client: Pick<typeof db, "setting"> = db): Promise<ForecastSettings> {
  const row = await client.setting.findUnique({ where: { key: FORECAST } });
  return ZStoredForecast.safeParse(row?.value).data ?? DEFAULT_FORECAST_SETTINGS;
}

/** For showing: read by every proposal and trial page, so shared for a minute and dropped when changed. */
export function getForecastSettings(): Promise<ForecastSettings> {
  return shared("setting:forecast", 60_000, () => readForecastSettings());
}

/** A number as people type it in a form: decimal digits with an optional fraction, nothing else ("0x10", "1e3" are refused). */
const typedNumber = (message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ message })
      .regex(/^\d{1,6}(\.\d{1,3})?$/, message)
      .transform(Number),
  );

const capitalized = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
const wholePercent = (label: string, min: number, max: number, example: string) =>
  typedNumber(`Enter ${label} as a percentage, such as ${example}.`).pipe(
    z
      .number()
      .int(`Enter ${label} as a whole percentage, such as ${example}.`)
      .min(min, `${capitalized(label)} must be at least ${min}%.`)
      .max(max, `${capitalized(label)} must be at most ${max}%.`),
  );

/** The settings form, in the units people think in: percentages and years. */
export const ZForecastSettingsForm = z.object({
  discount: wholePercent("the share of pledges expected", 10, 100, "50"),
  warnYears: typedNumber("Enter a number of years, such as 5.").pipe(
    z
      .number()
      .min(1, "Warn after at least 1 year.")
      .max(20, "Warn after at most 20 years: beyond that every forecast is a warning already."),
  ),
  atRisk: wholePercent("the at-risk threshold", 5, 50, "20"),
});

export async function setForecastSettings(actor: Actor | null, raw: Record<string, unknown>, reason: string): Promise<ForecastSettings> {
  assertCan(actor, "settings.manage");
  const parsed = ZForecastSettingsForm.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    throw new ValidationError(fields);
  }
  const why = ZSettingReason.safeParse(reason);
  if (!why.success) throw new ValidationError({ reason: why.error.issues[0]!.message });
  if (!why.data)
    throw new ValidationError({ reason: "Say why the forecast's assumptions change: every forecast and at-risk flag changes with them." });
  const next: ForecastSettings = {
    discount: parsed.data.discount / 100,
    warnYears: parsed.data.warnYears,
    atRiskProbability: parsed.data.atRisk / 100,
  };
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${FORECAST}))`;
    const previous = await readForecastSettings(tx);
    await tx.setting.upsert({
      where: { key: FORECAST },
      create: { key: FORECAST, value: { ...next }, updatedById: actor.userId },
      update: { value: { ...next }, updatedById: actor.userId },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "setting.changed",
      entityType: "setting",
      entityId: FORECAST,
      reason: why.data,
      data: { from: { ...previous }, to: { ...next } },
    });
  });
  return next;
}
