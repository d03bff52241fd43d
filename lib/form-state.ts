import "server-only";
import { AppError, DatabaseUnavailableError, ValidationError } from "@/lib/errors";
import { log } from "@/lib/runtime/log";

/** What a form shows after the server answered: a message, field messages, and the values typed. */
export interface FormState {
  ok: boolean;
  /** Why it was refused, for programs (the authorization tests); people read the message. */
  code?: AppError["code"] | "ERROR";
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
}

/** A text field of a submitted form ("" when absent). */
export function formString(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

/** Expected refusals become messages; anything else is logged and shown with a reference, never a stack. */
export function failure(error: unknown, formData?: FormData): FormState {
  const values = formData ? formValues(formData) : undefined;
  if (error instanceof ValidationError) return { ok: false, code: "INVALID", message: error.message, fields: error.fields, values };
  if (error instanceof DatabaseUnavailableError) {
    // Not the person's doing, and support will hear of it: one line with the reference.
    const cause = error.cause instanceof Error ? error.cause.message.split("\n").pop() : undefined;
    log.child({ area: "forms" }).warn({ digest: error.digest, cause }, "a form's action could not reach the database");
  }
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, values };
  const reference = crypto.randomUUID().slice(0, 8);
  log.child({ area: "forms" }).error({ reference, err: error }, `a form's action failed (reference ${reference})`);
  return {
    ok: false,
    code: "ERROR",
    message: `Something went wrong on our side (reference ${reference}). Nothing was saved; please try again.`,
    values,
  };
}

/**
 * A form action's usual shape: do the work, answer with its message (or a whole state), and turn
 * any refusal into the form's state with the typed values kept. Revalidate inside `work`, after
 * the write: a failure there is reported like any other.
 */
export async function formAction(formData: FormData, work: () => Promise<string | FormState>): Promise<FormState> {
  try {
    const done = await work();
    return typeof done === "string" ? { ok: true, message: done } : done;
  } catch (error) {
    return failure(error, formData);
  }
}

/**
 * For actions that go elsewhere on success (redirect() must run outside a try): the work's result,
 * or the state to answer the form with.
 */
export async function attempt<T>(
  formData: FormData,
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; state: FormState }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, state: failure(error, formData) };
  }
}
