import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Turns a data function's expected refusals into the page's response (404, 403, sign-in). */
export async function pageData<T>(load: Promise<T>, path: string): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "FORBIDDEN") forbidden();
      if (error.code === "UNAUTHENTICATED") redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    }
    throw error;
  }
}
