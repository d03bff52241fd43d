import "server-only";
import { requireKey } from "@/lib/validation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";

export const THREAD_TYPES = ["proposal", "group"] as const;
export type ThreadType = (typeof THREAD_TYPES)[number];

/**
 * Whoever may see the proposal or the group may read and write its discussion, and be suggested
 * for a mention in it; nobody else.
 */
export async function assertThread(
  actor: Actor | null,
  type: ThreadType,
  id: string,
): Promise<{ title: string; link: string; reader: Actor }> {
  // The type arrives from a form: only the two kinds of discussion exist.
  if (!(THREAD_TYPES as readonly string[]).includes(type)) throw new AppError("NOT_FOUND", "No such discussion.");
  id = requireKey(id, type === "proposal" ? "proposal" : "expert group");
  if (type === "proposal") {
    assertCan(actor, "proposal.view");
    const p = await db.proposal.findUnique({ where: { id }, select: { title: true } });
    if (!p) throw new AppError("NOT_FOUND", "No such proposal.");
    return { title: p.title, link: `/proposals/${id}`, reader: actor };
  }
  assertCan(actor, "group.view");
  const g = await db.expertGroup.findUnique({ where: { id }, select: { name: true, slug: true } });
  if (!g) throw new AppError("NOT_FOUND", "No such expert group.");
  return { title: g.name, link: `/groups/${g.slug}`, reader: actor };
}
