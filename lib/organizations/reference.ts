import "server-only";
import { db } from "@/lib/db";
import { shared } from "@/lib/shared-cache";

/**
 * IRCI's member organizations, as reference data: eight rows that nearly every page names and
 * that change only when the secretariat admits a member. Shared by all requests for a minute.
 * Not a permission check: callers have made theirs.
 */
export function referenceOrganizations() {
  return shared("ref:organizations", 60_000, () =>
    db.organization.findMany({
      orderBy: { shortName: "asc" },
      select: { id: true, slug: true, shortName: true, name: true, country: true, timeZone: true },
    }),
  );
}
