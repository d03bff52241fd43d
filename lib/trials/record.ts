import "server-only";
// What every write to a trial record shares: the lock that serializes them, the cumulative accrual check, the audit.
import type { Prisma } from "@/lib/prisma-client";
import { audit } from "@/lib/audit/record";
import { endOfPartialDate } from "./progress";

/** Serializes accrual reports of one trial, so the cumulative check sees every earlier report. */
export async function lockTrial(tx: Prisma.TransactionClient, trialId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Trial" WHERE "id" = ${trialId} FOR UPDATE`;
}

/** A report and its scope: overall, one organization, one country, or one component study. */
export interface AccrualScope {
  date: string;
  total: number;
  organizationId: string | null;
  country: string | null;
  componentStudyId?: string | null;
}

/** Far above the target: more likely a typo (1000 for 100) than a trial that overshot. */
export const IMPLAUSIBLE_SHARE_OF_TARGET = 1.5;

/**
 * Why a report looks wrong, or null when it does not. Accrual is cumulative: a report below an
 * earlier one, or above a later one, of the same scope (overall, one organization, country or study)
 * is a drop; a total far above the target is likely a typo. Either may still be right (patients
 * withdrawn, a target raised), so the person is asked to confirm instead of being refused.
 * Partial dates count as of their end. The report being corrected is left out.
 */
export async function accrualDoubt(
  tx: Prisma.TransactionClient,
  trialId: string,
  report: AccrualScope,
  options: { target: number | null; correcting?: string } = { target: null },
): Promise<string | null> {
  if (options.target && report.total > options.target * IMPLAUSIBLE_SHARE_OF_TARGET) {
    return `${report.total} patients is far above the target of ${options.target}.`;
  }
  return cumulativeConflict(tx, trialId, report, options.correcting);
}

/** A report below an earlier one, or above a later one, of the same scope: why, or null. */
export async function cumulativeConflict(
  tx: Prisma.TransactionClient,
  trialId: string,
  report: AccrualScope,
  correcting?: string,
): Promise<string | null> {
  const others = await tx.accrualUpdate.findMany({
    where: {
      trialId,
      organizationId: report.organizationId,
      country: report.country,
      componentStudyId: report.componentStudyId ?? null,
      date: { not: null },
      ...(correcting ? { id: { not: correcting } } : {}),
    },
    select: { date: true, total: true },
    orderBy: { createdAt: "asc" },
    take: 1000,
  });
  const when = endOfPartialDate(report.date).getTime();
  for (const o of others) {
    const at = endOfPartialDate(o.date!).getTime();
    if (at <= when && o.total > report.total)
      return `Accrual is cumulative, and ${o.total} patients were reported on ${o.date}: ${report.total} would be a drop.`;
    if (at > when && o.total < report.total)
      return `Accrual is cumulative, and only ${o.total} patients were reported later, on ${o.date}.`;
  }
  return null;
}

export function trialAudit(
  tx: Prisma.TransactionClient,
  actorId: string,
  proposalId: string,
  action: string,
  data?: Prisma.InputJsonValue,
  reason?: string,
) {
  return audit(tx, { actorId, action, entityType: "proposal", entityId: proposalId, data, reason });
}
