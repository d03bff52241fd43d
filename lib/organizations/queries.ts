import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { pageArgs, toPage } from "@/lib/pagination";
import { requireKey } from "@/lib/validation";

export async function listOrganizations(actor: Actor | null) {
  assertCan(actor, "organization.list");
  return db.organization.findMany({
    orderBy: { shortName: "asc" },
    select: {
      id: true,
      slug: true,
      shortName: true,
      name: true,
      country: true,
      timeZone: true,
      workingDays: true,
      founding: true,
      _count: { select: { memberships: true } },
      memberships: {
        where: { role: "REPRESENTATIVE", user: { active: true } },
        select: { user: { select: { id: true, name: true } } },
        orderBy: { user: { name: "asc" } },
        take: 5,
      },
    },
  });
}

export const MEMBERS_PER_PAGE = 50;

export async function getOrganization(actor: Actor | null, slug: string, page = 1) {
  slug = requireKey(slug, "organization");
  assertCan(actor, "organization.view");
  const org = await db.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, shortName: true, name: true, country: true, timeZone: true, founding: true },
  });
  if (!org) throw new AppError("NOT_FOUND", "No such organization.");
  const where = { organizationId: org.id, user: { active: true } };
  const [members, total] = await Promise.all([
    db.membership.findMany({
      where,
      orderBy: [{ role: "desc" }, { user: { name: "asc" } }],
      ...pageArgs(page, MEMBERS_PER_PAGE),
      select: {
        role: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            groupRoles: {
              select: { role: true, group: { select: { slug: true, name: true } } },
              orderBy: { group: { name: "asc" } },
              take: 10,
            },
          },
        },
      },
    }),
    db.membership.count({ where }),
  ]);
  return { org, members: toPage(members, total, page, MEMBERS_PER_PAGE) };
}
