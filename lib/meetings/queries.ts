import "server-only";
import { referenceOrganizations } from "@/lib/organizations/reference";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import type { Office } from "./planner";
import { requireKey } from "@/lib/validation";

/** The group and the offices of its members' organizations (every member organization's while it has no members yet). */
export async function meetingOffices(
  actor: Actor | null,
  slug: string,
): Promise<{ group: { slug: string; name: string }; offices: Office[] }> {
  slug = requireKey(slug, "expert group");
  assertCan(actor, "group.view");
  const group = await db.expertGroup.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      members: {
        select: {
          user: {
            select: { membership: { select: { organization: { select: { shortName: true, timeZone: true, workingDays: true } } } } },
          },
        },
      },
    },
  });
  if (!group) throw new AppError("NOT_FOUND", "No such expert group.");
  const byName = new Map<string, Office>();
  for (const m of group.members) {
    const org = m.user.membership?.organization;
    if (org) byName.set(org.shortName, { organization: org.shortName, timeZone: org.timeZone, workingDays: org.workingDays });
  }
  if (byName.size === 0) {
    for (const o of await referenceOrganizations()) {
      byName.set(o.shortName, { organization: o.shortName, timeZone: o.timeZone, workingDays: o.workingDays });
    }
  }
  return {
    group: { slug: group.slug, name: group.name },
    offices: [...byName.values()].sort((a, b) => a.organization.localeCompare(b.organization)),
  };
}
