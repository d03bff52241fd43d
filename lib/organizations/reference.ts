import "server-only";
import { db } from "@/lib/db";
import { shared } from "@/lib/shared-cache";

/**
 * IRCI's member organizations, as reference data: a few rows that nearly every page names and
 * that change only when the secretariat admits a member (which drops this on every instance when
 * the admission commits, see lib/shared-cache.ts). Not a permission check: callers have made theirs.
 */
export const REFERENCE_ORGANIZATIONS_KEY = "ref:organizations";

export function referenceOrganizations() {
  return shared(REFERENCE_ORGANIZATIONS_KEY, 60_000, () =>
    db.organization.findMany({
      orderBy: { shortName: "asc" },
      select: { id: true, slug: true, shortName: true, name: true, country: true, timeZone: true, workingDays: true },
    }),
  );
}
