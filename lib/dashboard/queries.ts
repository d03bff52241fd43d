import "server-only";
import { db } from "@/lib/db";
import { shared } from "@/lib/shared-cache";
import { assertCan } from "@/lib/authz/session";
import { actsForOrganization, type Actor } from "@/lib/authz/policy";

export async function dashboardFor(actor: Actor | null) {
  assertCan(actor, "dashboard.view");
  const open = { status: { in: ["DRAFT", "SUBMITTED", "IN_REVIEW"] as ("DRAFT" | "SUBMITTED" | "IN_REVIEW")[] } };
  const [organization, myGroups, totals, awaitingInterest] = await Promise.all([
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
    portalTotals(),
    // For a representative: proposals still open to interest where their organization has said nothing.
    // The same for every representative of the organization: shared for a minute like the totals.
    actsForOrganization(actor) && actor.organizationId
      ? shared(`data:awaiting-interest:${actor.organizationId}`, 60_000, () =>
          db.proposal.count({ where: { ...open, interests: { none: { organizationId: actor.organizationId! } } } }),
        )
      : Promise.resolve(null),
  ]);
  return { organization, myGroups, counts: { ...totals, awaitingInterest } };
}

/** The portal's size, the same for everyone: one statement, shared for a minute. */
function portalTotals() {
  return shared("data:dashboard-totals", 60_000, async () => {
    const [row] = await db.$queryRaw<{ organizations: number; activeGroups: number; people: number; inProgress: number }[]>`
      SELECT (SELECT count(*) FROM "Organization")::int AS "organizations",
             (SELECT count(*) FROM "ExpertGroup" WHERE "status" = 'ACTIVE')::int AS "activeGroups",
             (SELECT count(*) FROM "User" WHERE "active")::int AS "people",
             (SELECT count(*) FROM "Proposal" WHERE "status" IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'VOTING', 'APPROVED', 'PLANNING'))::int AS "inProgress"`;
    return row!;
  });
}
