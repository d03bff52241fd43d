// What every text a person sends must be, wherever it is sent: bounded in length, free of the
// invisible control characters nobody types (PostgreSQL refuses NUL outright, which used to surface
// as a 500), and dates that exist. Pure; used by every domain's schemas.
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** NUL and the other C0 controls except tab and line breaks, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const CONTROL_MESSAGE = "Remove the invisible control characters (such as NUL) from this text.";

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** Text for a search or a filter, where refusing is not worth it: control characters become spaces. */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL.source, "g"), " ");
}

/** Text as typed into a field or a text area: trimmed, at most `max` characters, no control characters. */
export function plainText(max: number) {
  return z
    .string({ message: "Enter text here." })
    .trim()
    .max(max, `At most ${max.toLocaleString("en")} characters.`)
    .refine((text) => !hasControlCharacters(text), CONTROL_MESSAGE);
}

/** An id the server handed to the form (a hidden field or a choice from a list). */
export function formId(message: string) {
  return z
    .string({ message })
    .min(1, message)
    .max(64, message)
    .regex(/^[A-Za-z0-9_-]+$/, message);
}

/** True when yyyy-MM-dd names a day of the calendar (no 2025-02-31). */
export function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date as precise as it is known: yyyy, yyyy-MM or yyyy-MM-dd, each part real. */
export const PartialDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "Write the date as yyyy, yyyy-MM or yyyy-MM-dd.")
  .refine((text) => {
    const [y, m, d] = text.split("-").map(Number);
    return d === undefined || isRealDay(y!, m!, d);
  }, "That day does not exist: check the day of the month.");

/** The largest whole number a PostgreSQL integer column holds. */
export const MAX_INT4 = 2_147_483_647;

const KEY = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * An id or slug that came from the browser (a bound argument, a hidden field, a URL segment):
 * anything but a plain key (a NUL, an object, a Prisma filter such as { not: "" }) names nothing,
 * so it is refused as not found before it reaches a query.
 */
export function requireKey(value: unknown, what: string): string {
  if (typeof value === "string" && KEY.test(value)) return value;
  throw new AppError("NOT_FOUND", `No such ${what}.`);
}
