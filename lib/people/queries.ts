import "server-only";
// What the people pages read: an organization's people for those who manage them, everyone for
// the secretariat, and the dashboard's count of what waits for a decision.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertAllowed } from "@/lib/authz/rules";
import { assertCan } from "@/lib/authz/session";
import { actsForOrganization, type Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import { pageArgs, toPage } from "@/lib/pagination";
import { requireKey } from "@/lib/validation";
import { ZPeopleFilter } from "./schema";

export const PEOPLE_PER_PAGE = 50;
/** Open invitations and pending requests shown at once (each expires or is decided in days). */
const QUEUE_TAKE = 100;

const person = {
  id: true,
  name: true,
  email: true,
  active: true,
  secretariat: true,
  deactivatedAt: true,
  deactivationReason: true,
} as const;

/** An organization's people, open invitations and access requests: for its representative, deputies and the secretariat. */
export async function organizationPeople(actor: Actor | null, slug: unknown, page = 1) {
  assertCan(actor, "people.manage");
  const key = requireKey(slug, "organization");
  const org = await db.organization.findUnique({ where: { slug: key }, select: { id: true, slug: true, shortName: true, name: true } });
  if (!org) throw new AppError("NOT_FOUND", "No such organization.");
  assertAllowed(actor, "people.manage", { organizationId: org.id });
  const now = new Date();
  const [members, total, invitations, requests] = await Promise.all([
    db.membership.findMany({
      where: { organizationId: org.id },
      // Active people first, then by name (the badges say who acts for the organization).
      orderBy: [{ user: { active: "desc" } }, { user: { name: "asc" } }, { userId: "asc" }],
      ...pageArgs(page, PEOPLE_PER_PAGE),
      select: { role: true, user: { select: person } },
    }),
    db.membership.count({ where: { organizationId: org.id } }),
    db.invitation.findMany({
      where: { organizationId: org.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      take: QUEUE_TAKE,
      select: { id: true, email: true, role: true, secretariat: true, expiresAt: true, invitedBy: { select: { name: true } } },
    }),
    db.accessRequest.findMany({
      where: { organizationId: org.id, status: "PENDING" },
      orderBy: { createdAt: "asc" },
      take: QUEUE_TAKE,
      select: { id: true, email: true, name: true, provider: true, createdAt: true },
    }),
  ]);
  return { org, members: toPage(members, total, page, PEOPLE_PER_PAGE), invitations, requests };
}

/** Everyone in the portal, for the secretariat: searchable by name or address, filtered by organization and status. */
export async function allPeople(actor: Actor | null, rawFilter: unknown, page = 1) {
  assertCan(actor, "people.view");
  const filter = ZPeopleFilter.parse(rawFilter ?? {});
  const where: Prisma.UserWhereInput = {
    ...(filter.q
      ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }] }
      : {}),
    ...(filter.org === "none" ? { membership: null } : filter.org ? { membership: { organization: { slug: filter.org } } } : {}),
    ...(filter.status ? { active: filter.status === "active" } : {}),
  };
  const now = new Date();
  const [people, total, organizations, invitations, waiting] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      ...pageArgs(page, PEOPLE_PER_PAGE),
      select: { ...person, membership: { select: { role: true, organization: { select: { slug: true, shortName: true } } } } },
    }),
    db.user.count({ where }),
    db.organization.findMany({ orderBy: { shortName: "asc" }, select: { id: true, slug: true, shortName: true, name: true } }),
    db.invitation.findMany({
      where: { organizationId: null, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      take: QUEUE_TAKE,
      select: { id: true, email: true, role: true, secretariat: true, expiresAt: true, invitedBy: { select: { name: true } } },
    }),
    db.accessRequest.groupBy({ by: ["organizationId"], where: { status: "PENDING" }, _count: { _all: true } }),
  ]);
  const requests = organizations
    .map((o) => ({ ...o, pending: waiting.find((w) => w.organizationId === o.id)?._count._all ?? 0 }))
    .filter((o) => o.pending > 0);
  return { filter, people: toPage(people, total, page, PEOPLE_PER_PAGE), organizations, invitations, requests };
}

/**
 * For the dashboard: pending access requests and open invitations of the actor's organization (all
 * organizations for the secretariat), in one statement. Null for someone who manages no one.
 */
export async function peopleWaiting(actor: Actor | null): Promise<{ requests: number; invitations: number; href: string } | null> {
  if (!actor || !(actor.secretariat || actsForOrganization(actor))) return null;
  const org = actor.secretariat ? null : actor.organizationId;
  const [row] = await db.$queryRaw<{ requests: number; invitations: number; slug: string | null }[]>`
    SELECT (SELECT count(*) FROM "AccessRequest" WHERE "status" = 'PENDING' AND (${org}::text IS NULL OR "organizationId" = ${org}))::int AS "requests",
           (SELECT count(*) FROM "Invitation" WHERE "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now()
              AND (${org}::text IS NULL OR "organizationId" = ${org}))::int AS "invitations",
           (SELECT "slug" FROM "Organization" WHERE "id" = ${actor.organizationId}) AS "slug"`;
  const href = actor.secretariat || !row?.slug ? "/admin/people" : `/organizations/${row.slug}/people`;
  return { requests: row?.requests ?? 0, invitations: row?.invitations ?? 0, href };
}
