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

/** Writes the audit event of a change, inside the transaction that makes the change. */
export function audit(tx: Tx, entry: AuditEntry) {
  return tx.auditEvent.create({ data: entry });
}
