import "server-only";
// What every write to a trial record shares: the lock that serializes them, the cumulative accrual check, the audit.
import type { Prisma } from "@/lib/prisma-client";
import { audit } from "@/lib/audit/record";
import { endOfPartialDate } from "./progress";

/** Serializes accrual reports of one trial, so the cumulative check sees every earlier report. */
export async function lockTrial(tx: Prisma.TransactionClient, trialId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Trial" WHERE "id" = ${trialId} FOR UPDATE`;
}

/**
 * Accrual is cumulative: a report may not be below an earlier one nor above a later one of the
 * same scope (overall, one organization or one country). Partial dates count as of their end.
 */
export async function accrualProblem(
  tx: Prisma.TransactionClient,
  trialId: string,
  report: { date: string; total: number; organizationId: string | null; country: string | null },
): Promise<string | null> {
  const others = await tx.accrualUpdate.findMany({
    where: { trialId, organizationId: report.organizationId, country: report.country, date: { not: null } },
    select: { date: true, total: true },
    take: 1000,
  });
  const when = endOfPartialDate(report.date).getTime();
  for (const o of others) {
    const at = endOfPartialDate(o.date!).getTime();
    if (at <= when && o.total > report.total)
      return `Accrual is cumulative: ${o.total} patients were reported on ${o.date}, so a later total cannot be ${report.total}.`;
    if (at > when && o.total < report.total)
      return `Accrual is cumulative: ${o.total} patients were reported on ${o.date}, so an earlier total cannot be ${report.total}.`;
  }
  return null;
}

export function trialAudit(
  tx: Prisma.TransactionClient,
  actorId: string,
  proposalId: string,
  action: string,
  data?: Prisma.InputJsonValue,
) {
  return audit(tx, { actorId, action, entityType: "proposal", entityId: proposalId, data });
}
