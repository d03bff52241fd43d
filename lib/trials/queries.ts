import "server-only";
// The trial record as its page shows it, and registry links.
import { referenceOrganizations } from "@/lib/organizations/reference";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { REGISTRIES, type Registry } from "./registry";
import { requireKey } from "@/lib/validation";
import { allowed } from "@/lib/authz/rules";

export function registryLink(registry: string, value: string): string | null {
  return registry in REGISTRIES ? REGISTRIES[registry as Registry].url(value) : null;
}

export async function getTrial(actor: Actor | null, proposalId: string) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      title: true,
      status: true,
      leadOrganizationId: true,
      authors: { select: { userId: true } },
      group: { select: { name: true, members: { where: { role: "CHAIR" }, select: { userId: true } } } },
      interests: {
        where: { level: { in: ["LEAD", "PARTICIPATE"] } },
        orderBy: { level: "asc" },
        select: { level: true, organization: { select: { shortName: true, country: true } } },
      },
      trial: {
        include: {
          registryIds: { orderBy: { registry: "asc" } },
          accrual: {
            orderBy: [{ date: "asc" }, { createdAt: "asc" }],
            take: 500,
            include: { organization: { select: { shortName: true } } },
          },
          sites: {
            orderBy: [{ country: "asc" }, { facility: "asc" }],
            take: 500,
            include: { organization: { select: { shortName: true } } },
          },
          milestones: true,
        },
      },
    },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  const canManage = allowed(actor, "trial.keep", {
    authorIds: proposal.authors.map((a) => a.userId),
    leadOrganizationId: proposal.leadOrganizationId,
    chairIds: proposal.group.members.map((m) => m.userId),
  });
  const organizations = await referenceOrganizations();
  return { proposal, trial: proposal.trial, canManage, organizations };
}
