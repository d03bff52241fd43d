import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";

export async function dashboardFor(actor: Actor | null) {
  assertCan(actor, "dashboard.view");
  const open = { status: { in: ["DRAFT", "SUBMITTED", "IN_REVIEW"] as ("DRAFT" | "SUBMITTED" | "IN_REVIEW")[] } };
  const [organization, myGroups, organizations, activeGroups, people, inProgress, awaitingInterest] = await Promise.all([
    actor.organizationId
      ? db.organization.findUnique({
          where: { id: actor.organizationId },
          select: {
            slug: true,
            shortName: true,
            name: true,
            timeZone: true,
            _count: { select: { memberships: true } },
            memberships: {
              where: { role: "REPRESENTATIVE" },
              select: { user: { select: { name: true } } },
              take: 5,
            },
          },
        })
      : null,
    db.groupMember.findMany({
      where: { userId: actor.userId },
      orderBy: { group: { name: "asc" } },
      take: 50,
      select: {
        role: true,
        group: { select: { slug: true, name: true, status: true, _count: { select: { members: true } } } },
      },
    }),
    db.organization.count(),
    db.expertGroup.count({ where: { status: "ACTIVE" } }),
    db.user.count({ where: { active: true } }),
    db.proposal.count({ where: { status: { in: ["DRAFT", "SUBMITTED", "IN_REVIEW", "VOTING", "APPROVED", "PLANNING"] } } }),
    // For a representative: proposals still open to interest where their organization has said nothing.
    actor.orgRole === "REPRESENTATIVE" && actor.organizationId
      ? db.proposal.count({ where: { ...open, interests: { none: { organizationId: actor.organizationId } } } })
      : Promise.resolve(null),
  ]);
  return { organization, myGroups, counts: { organizations, activeGroups, people, inProgress, awaitingInterest } };
}
