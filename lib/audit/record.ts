import { invalidateSharedOnCommit } from "@/lib/shared-cache";
import { staleProposalEntries } from "@/lib/proposals/page-cache";
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
 * however many events it records). A proposal's page parts are dropped by what the event names
 * (lib/proposals/page-cache.ts): the parts it changed of its own proposal, or every proposal's.
 */
export async function audit(tx: Tx, entry: AuditEntry) {
  const event = await tx.auditEvent.create({ data: entry });
  await invalidateSharedOnCommit(tx, "data:");
  for (const prefix of staleProposalEntries(entry)) await invalidateSharedOnCommit(tx, prefix);
  // The settings every proposal page reads (lib/settings.ts) change only by a change audited as one.
  if (entry.entityType === "setting") await invalidateSharedOnCommit(tx, "setting:");
  return event;
}
