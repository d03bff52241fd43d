import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The development mailbox exists only where mail is captured: never in production. */
export function devMailboxEnabled(): boolean {
  return config().captureMail;
}

export async function listDevMail(limit = 50) {
  if (!devMailboxEnabled()) throw new AppError("NOT_FOUND", "There is no development mailbox here.");
  return db.devMail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
