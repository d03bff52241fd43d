import { invalidateShared } from "@/lib/shared-cache";
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
 * is audited, so this is also where this process drops the figures it shares between requests.
 */
export function audit(tx: Tx, entry: AuditEntry) {
  invalidateShared("data:");
  return tx.auditEvent.create({ data: entry });
}
