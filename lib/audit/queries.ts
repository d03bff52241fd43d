import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { pageArgs, toPage } from "@/lib/pagination";

export const EVENTS_PER_PAGE = 50;

export async function listAuditEvents(actor: Actor | null, page = 1) {
  assertCan(actor, "audit.view");
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      orderBy: [{ at: "desc" }, { id: "desc" }],
      ...pageArgs(page, EVENTS_PER_PAGE),
      select: {
        id: true,
        at: true,
        action: true,
        entityType: true,
        entityId: true,
        reason: true,
        actor: { select: { name: true, email: true } },
      },
    }),
    db.auditEvent.count(),
  ]);
  return toPage(events, total, page, EVENTS_PER_PAGE);
}
