import "server-only";
import { referenceOrganizations } from "@/lib/organizations/reference";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { requireKey } from "@/lib/validation";

export const ACTIVITY_SHOWN = 30;

const select = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  organizationId: true,
  data: true,
  actor: { select: { name: true } },
} as const;

/**
 * What happened lately, from the audit trail, limited to what anyone signed in may know: sign-ins,
 * people management and settings stay in the secretariat's audit log.
 */
const HIDDEN = [
  "auth.signed_in",
  "auth.signed_out",
  "person.added",
  "person.deactivated",
  "setting.changed",
  "email.settings_changed",
  "email.unsubscribed",
];

/** The proposal titles and organization names a feed's lines need, in two queries. */
async function names(events: { entityType: string; entityId: string | null }[]) {
  const ids = [...new Set(events.filter((e) => e.entityType === "proposal" && e.entityId).map((e) => e.entityId!))];
  const [proposals, organizations] = await Promise.all([
    db.proposal.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
    referenceOrganizations(),
  ]);
  return { titles: new Map(proposals.map((r) => [r.id, r.title])), organizations };
}

export async function groupActivity(actor: Actor | null, slug: string) {
  slug = requireKey(slug, "expert group");
  assertCan(actor, "group.view");
  const group = await db.expertGroup.findUnique({ where: { slug }, select: { id: true } });
  if (!group) throw new AppError("NOT_FOUND", "No such expert group.");
  const events = await db.auditEvent.findMany({
    where: {
      action: { notIn: HIDDEN },
      OR: [
        { entityType: "group", entityId: group.id },
        { groupId: group.id },
        {
          entityType: "proposal",
          entityId: {
            in: (await db.proposal.findMany({ where: { groupId: group.id }, select: { id: true }, take: 1000 })).map((p) => p.id),
          },
        },
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: ACTIVITY_SHOWN,
    select,
  });
  return { events, ...(await names(events)) };
}

export async function organizationActivity(actor: Actor | null, slug: string) {
  slug = requireKey(slug, "organization");
  assertCan(actor, "organization.view");
  const org = await db.organization.findUnique({ where: { slug }, select: { id: true } });
  if (!org) throw new AppError("NOT_FOUND", "No such organization.");
  const events = await db.auditEvent.findMany({
    where: {
      action: { notIn: HIDDEN },
      OR: [{ organizationId: org.id }, { actor: { membership: { organizationId: org.id } } }],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: ACTIVITY_SHOWN,
    select,
  });
  return { events, ...(await names(events)) };
}
