import { invalidateSharedOnCommit } from "@/lib/shared-cache";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  organizationId?: string | null;
  groupId?: string | null;
  reason?: string | null;
  data?: Prisma.InputJsonValue;
}

/**
 * Writes the audit event of a change, inside the transaction that makes the change. Every change
 * is audited, so this is also where the figures shared between requests are declared stale: on
 * every instance, once the transaction commits (lib/shared-cache.ts; one statement at its end,
 * however many events it records).
 */
export async function audit(tx: Tx, entry: AuditEntry) {
  const event = await tx.auditEvent.create({ data: entry });
  await invalidateSharedOnCommit(tx, "data:");
  return event;
}
