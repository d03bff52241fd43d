import "server-only";
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { can, type Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/retry";
import { invalidateSharedOnCommit } from "@/lib/shared-cache";
import { REFERENCE_ORGANIZATIONS_KEY } from "./reference";
import { ZNewOrganization, organizationSlug } from "./schema";

/**
 * Admits a member organization: from then on it has a column in every interest matrix, a ballot in
 * every vote (and moves the default quorum), an office in the meeting planner and a column in the
 * proposals export. Secretariat only; audited in the same transaction. The database's unique keys
 * on the short name and its address decide a clash, also between two admissions at the same time.
 */
export async function addOrganization(actor: Actor | null, raw: unknown) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  if (!can(actor, "organization.add")) throw new AppError("FORBIDDEN", "Only the secretariat can add a member organization.");
  const parsed = ZNewOrganization.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  const slug = organizationSlug(input.shortName);
  try {
    const organization = await db.$transaction(async (tx) => {
      const created = await tx.organization.create({
        data: {
          slug,
          shortName: input.shortName,
          name: input.name,
          country: input.country,
          timeZone: input.timeZone,
          workingDays: input.workingDays,
        },
        select: { id: true, slug: true, shortName: true, name: true, country: true, timeZone: true, workingDays: true },
      });
      await audit(tx, {
        actorId: actor.userId,
        action: "organization.added",
        entityType: "organization",
        entityId: created.id,
        organizationId: created.id,
        data: {
          shortName: created.shortName,
          name: created.name,
          country: created.country,
          timeZone: created.timeZone,
          workingDays: created.workingDays,
        },
      });
      // Every instance's list of members, once this commits (in the same statement as the audit's).
      await invalidateSharedOnCommit(tx, REFERENCE_ORGANIZATIONS_KEY);
      return created;
    });
    return organization;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.organization.findFirst({
      where: { OR: [{ shortName: input.shortName }, { slug }] },
      select: { shortName: true, name: true },
    });
    throw new ValidationError({
      shortName: existing
        ? `${existing.shortName} (${existing.name}) already uses this short name${existing.shortName === input.shortName ? "" : " or one that differs only in capitals or punctuation"}. Choose another.`
        : "Another member organization already uses this short name. Choose another.",
    });
  }
}
