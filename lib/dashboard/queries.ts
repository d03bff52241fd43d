import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";

export async function dashboardFor(actor: Actor | null) {
  assertCan(actor, "dashboard.view");
  const [organization, myGroups, organizations, activeGroups, people] = await Promise.all([
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
  ]);
  return { organization, myGroups, counts: { organizations, activeGroups, people } };
}
