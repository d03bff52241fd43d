import "server-only";
// The public trial list (no sign-in): approved, underway and completed trials, public fields only,
// searched and filtered from the address, a bounded page at a time.
import { PUBLIC_SEARCH_MAX } from "./limits";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/prisma-client";
import { referenceOrganizations } from "@/lib/organizations/reference";
import { pageArgs, toPage } from "@/lib/pagination";
import { PUBLIC_STATUSES } from "@/lib/proposals/workflow";
import { shared } from "@/lib/shared-cache";
import { OVERALL_STATUSES, PHASES } from "@/lib/trials/ctgov";
import { withoutControlCharacters } from "@/lib/validation";

export const PUBLIC_TRIALS_PER_PAGE = 30;
/** Countries offered in the filter, at most (there are fewer than 250 in the world). */
const COUNTRIES_OFFERED = 250;

const text = (max: number) =>
  z
    .string()
    .transform((v) => withoutControlCharacters(v).trim().slice(0, max) || undefined)
    .optional()
    .catch(undefined);
const oneOf = (values: readonly string[]) =>
  z
    .string()
    .transform((v) => (values.includes(v) ? v : undefined))
    .optional()
    .catch(undefined);

/** The search and filters as the address gives them: anything unknown or malformed is ignored, never an error. */
export const ZPublicFilters = z.object({
  q: text(PUBLIC_SEARCH_MAX),
  status: oneOf(OVERALL_STATUSES),
  phase: oneOf(PHASES),
  country: z
    .string()
    .transform((v) => (/^[A-Za-z]{2}$/.test(v.trim()) ? v.trim().toUpperCase() : undefined))
    .optional()
    .catch(undefined),
  organization: z
    .string()
    .transform((v) => (/^[a-z0-9-]{1,60}$/.test(v) ? v : undefined))
    .optional()
    .catch(undefined),
});
export type PublicFilters = z.infer<typeof ZPublicFilters>;

const PUBLISHED: Prisma.ProposalWhereInput = { status: { in: [...PUBLIC_STATUSES] }, demo: false };

function publicWhere(f: PublicFilters): Prisma.ProposalWhereInput {
  const trial: Prisma.TrialWhereInput = {
    ...(f.status ? { overallStatus: f.status } : {}),
    ...(f.phase ? { phases: { has: f.phase } } : {}),
    ...(f.country ? { sites: { some: { country: f.country } } } : {}),
  };
  return {
    ...PUBLISHED,
    ...(Object.keys(trial).length > 0 ? { trial: trial } : {}),
    ...(f.organization ? { leadOrganization: { slug: f.organization } } : {}),
    ...(f.q
      ? {
          // Title (which carries the acronym), the rare cancer it treats, or a registry id such as an NCT number.
          OR: [
            { title: { contains: f.q, mode: "insensitive" } },
            { group: { cancer: { contains: f.q, mode: "insensitive" } } },
            { trial: { registryIds: { some: { value: { contains: f.q, mode: "insensitive" } } } } },
          ],
        }
      : {}),
  };
}

/**
 * A page of the public portfolio. A page past the last shows the last. The first page without a
 * search or filter, which every visitor sees, is shared for a minute.
 */
export async function publicPortfolio(page = 1, filters: PublicFilters = {}) {
  const f = ZPublicFilters.parse(filters);
  const filtered = Object.values(f).some((v) => v !== undefined);
  const load = async () => {
    const where = publicWhere(f);
    const total = await db.proposal.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / PUBLIC_TRIALS_PER_PAGE));
    const shown = Math.min(Math.max(1, page), pageCount);
    const items = total === 0 ? [] : await publicTrials(where, shown);
    return toPage(items, total, shown, PUBLIC_TRIALS_PER_PAGE);
  };
  return page === 1 && !filtered ? shared("data:public-portfolio", 60_000, load) : load();
}

function publicTrials(where: Prisma.ProposalWhereInput, page: number) {
  return db.proposal.findMany({
    where,
    orderBy: [{ status: "asc" }, { title: "asc" }, { id: "asc" }],
    ...pageArgs(page, PUBLIC_TRIALS_PER_PAGE),
    // Only what IRCI publishes: never authors, interests, votes, notes or anyone's name.
    select: {
      id: true,
      title: true,
      status: true,
      group: { select: { cancer: true } },
      leadOrganization: { select: { shortName: true } },
      trial: {
        select: {
          overallStatus: true,
          phases: true,
          registryIds: { select: { registry: true, value: true, componentStudyId: true }, orderBy: { registry: "asc" } },
          // The national studies under a trial's umbrella: what the registries publish about them.
          componentStudies: {
            select: { id: true, name: true, shortName: true, sponsor: true, countries: true, overallStatus: true },
            orderBy: [{ startDate: "asc" }, { name: "asc" }],
            take: 20,
          },
          sites: { select: { country: true }, distinct: ["country"], orderBy: { country: "asc" } },
        },
      },
    },
  });
}

/** What the filters offer: countries and lead organizations of published trials, ClinicalTrials.gov's statuses and phases. */
export function publicFilterChoices() {
  return shared("data:public-filter-choices", 60_000, async () => {
    const [countries, organizations] = await Promise.all([
      db.trialSite.findMany({
        where: { trial: { proposal: PUBLISHED } },
        distinct: ["country"],
        orderBy: { country: "asc" },
        take: COUNTRIES_OFFERED,
        select: { country: true },
      }),
      referenceOrganizations(),
    ]);
    return {
      countries: countries.map((c) => c.country).filter((c) => /^[A-Z]{2}$/.test(c)),
      // Only what the public page names an organization by.
      organizations: organizations.map((o) => ({ slug: o.slug, shortName: o.shortName })),
      statuses: OVERALL_STATUSES,
      phases: PHASES,
    };
  });
}
