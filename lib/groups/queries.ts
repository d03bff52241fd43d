import "server-only";
import { db } from "@/lib/db";
import { shared } from "@/lib/shared-cache";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import type { GroupStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/prisma-client";
import { pageArgs, toPage } from "@/lib/pagination";
import { requireKey } from "@/lib/validation";
import { allowed } from "@/lib/authz/rules";
import { isGroupStatus } from "./status";

/** Filters list the expert groups while they are this few; beyond, people type part of a name. */
export const GROUPS_LISTED = 60;

/** A group filter's value: a slug chosen from the list, or part of a name typed in. */
export function groupMatching(value: string): Prisma.ExpertGroupWhereInput {
  return { OR: [{ slug: value }, { name: { contains: value, mode: "insensitive" } }] };
}

export const GROUPS_PER_PAGE = 20;

/** The status changes a group's page lists, newest first: the audit log keeps them all. */
export const STATUS_HISTORY_SHOWN = 10;

/** The statuses an audit event of a status change records (null where the record says otherwise). */
function statusChangeOf(data: unknown): { from: GroupStatus | null; to: GroupStatus | null } {
  const d = (data ?? {}) as Record<string, unknown>;
  const status = (v: unknown) => (typeof v === "string" && isGroupStatus(v) ? v : null);
  return { from: status(d.from), to: status(d.to) };
}

const personWithOrg = {
  select: {
    id: true,
    name: true,
    membership: { select: { organization: { select: { slug: true, shortName: true } } } },
  },
} as const;

export async function listGroups(actor: Actor | null, options: { page?: number; status?: GroupStatus } = {}) {
  assertCan(actor, "group.list");
  const page = options.page ?? 1;
  const where = options.status ? { status: options.status } : {};
  const [groups, total] = await Promise.all([
    db.expertGroup.findMany({
      where,
      orderBy: [{ status: "asc" }, { name: "asc" }],
      ...pageArgs(page, GROUPS_PER_PAGE),
      select: {
        id: true,
        slug: true,
        name: true,
        cancer: true,
        status: true,
        incidencePer100k: true,
        incidenceIsDemo: true,
        _count: { select: { members: true } },
        members: { where: { role: "CHAIR" }, select: { user: personWithOrg }, take: 4 },
      },
    }),
    db.expertGroup.count({ where }),
  ]);
  return toPage(groups, total, page, GROUPS_PER_PAGE);
}

export async function getGroup(actor: Actor | null, slug: string) {
  slug = requireKey(slug, "expert group");
  assertCan(actor, "group.view");
  const group = await db.expertGroup.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      cancer: true,
      description: true,
      status: true,
      incidencePer100k: true,
      incidenceSource: true,
      incidenceIsDemo: true,
      createdAt: true,
      members: {
        where: { user: { active: true } },
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        // A group is a committee: a few dozen people. The cap keeps one page bounded regardless.
        take: 500,
        select: { role: true, user: personWithOrg },
      },
      proposals: {
        orderBy: { updatedAt: "desc" },
        take: 20,
        select: { id: true, title: true, status: true },
      },
      _count: { select: { proposals: true } },
    },
  });
  if (!group) throw new AppError("NOT_FOUND", "No such expert group.");
  const chairsThisGroup = group.members.some((m) => m.role === "CHAIR" && m.user.id === actor.userId);
  const statusHistory = await db.auditEvent.findMany({
    where: { entityType: "group", entityId: group.id, action: "group.status_changed" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: STATUS_HISTORY_SHOWN,
    select: { id: true, at: true, reason: true, data: true, actor: { select: { name: true } } },
  });
  return {
    ...group,
    statusHistory: statusHistory.map(({ data, ...e }) => ({ ...e, ...statusChangeOf(data) })),
    canManage: allowed(actor, "group.manage", { chairsThisGroup }),
    canChangeStatus: allowed(actor, "group.status", {}),
    canCorrectIncidence: allowed(actor, "group.incidence", { chairsThisGroup }),
  };
}

/** May this person convene a new expert group? (The secretariat, and whoever chairs one already.) */
export async function mayConveneGroup(actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  const chairsAnyGroup = (await db.groupMember.count({ where: { userId: actor.userId, role: "CHAIR" } })) > 0;
  return allowed(actor, "group.create", { chairsAnyGroup });
}

/**
 * The groups a filter offers to choose from while they are few enough to list (GROUPS_LISTED).
 * The same for everyone who may list groups: shared until the next audited change (convening or
 * renaming a group is one) or for a minute, like the other figures of the list pages.
 */
export async function groupChoices(actor: Actor | null) {
  assertCan(actor, "group.list");
  return shared("data:group-choices", 60_000, () =>
    db.expertGroup.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true }, take: GROUPS_LISTED + 1 }),
  );
}
