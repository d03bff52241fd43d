import "server-only";
// The feasibility sites of a proposal and their history, for anyone who may view the proposal.
// Bounded: the sites in one query, the latest changes in another, the names of who made them in a third.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { requireKey } from "@/lib/validation";
import { sitePatientsPerYear } from "./estimate";
import { shared } from "@/lib/shared-cache";
import { PROPOSAL_CACHE_TTL_MS, proposalCacheKey } from "@/lib/proposals/page-cache";

/** More sites than any organization opens for one trial: the page reads at most this many. */
export const SITES_READ = 500;
/** The latest changes shown under the sites. */
export const SITE_CHANGES_SHOWN = 100;

const figures = {
  id: true,
  organizationId: true,
  name: true,
  city: true,
  country: true,
  patientsSeenPerYear: true,
  eligibleShare: true,
  consentShare: true,
  competingTrials: true,
  monthsToActivation: true,
  capabilities: true,
  note: true,
} as const;

/** The same for everyone who may view the proposal: read once for all of them (lib/proposals/page-cache.ts). */
export async function listFeasibility(actor: Actor | null, proposalId: string) {
  const id = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  return shared(proposalCacheKey(id, "feasibility"), PROPOSAL_CACHE_TTL_MS, () => readFeasibility(id));
}

async function readFeasibility(proposalId: string) {
  const [sites, changes] = await Promise.all([
    db.feasibilitySite.findMany({
      where: { proposalId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: SITES_READ,
      select: { ...figures, version: true, updatedAt: true },
    }),
    db.feasibilitySiteRecord.findMany({
      where: { proposalId },
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      take: SITE_CHANGES_SHOWN + 1,
      select: { ...figures, siteId: true, change: true, version: true, recordedAt: true, recordedById: true },
    }),
  ]);
  if (sites.length === 0 && changes.length === 0) {
    const exists = await db.proposal.count({ where: { id: proposalId } });
    if (!exists) throw new AppError("NOT_FOUND", "No such proposal.");
  }
  const people = [...new Set(changes.flatMap((c) => (c.recordedById ? [c.recordedById] : [])))];
  const names = new Map(
    (people.length ? await db.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } }) : []).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return {
    sites: sites.map((s) => ({ ...s, expectedPerYear: sitePatientsPerYear(s) })),
    changes: changes.slice(0, SITE_CHANGES_SHOWN).map(({ recordedById, ...c }) => ({
      ...c,
      by: recordedById ? (names.get(recordedById) ?? "A former member") : null,
      expectedPerYear: sitePatientsPerYear(c),
    })),
    earlier: changes.length > SITE_CHANGES_SHOWN,
  };
}

export type Feasibility = Awaited<ReturnType<typeof readFeasibility>>;
export type FeasibilitySiteView = Feasibility["sites"][number];
