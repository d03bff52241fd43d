import "server-only";
// The trial record as its page shows it, and registry links.
import { referenceOrganizations } from "@/lib/organizations/reference";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { REGISTRIES, type Registry } from "./registry";
import { requireKey } from "@/lib/validation";
import { allowed } from "@/lib/authz/rules";
import { authorizeProposal } from "./access";
import { monitorOfTrial } from "./monitoring";
import { getForecastSettings } from "@/lib/settings";

export function registryLink(registry: string, value: string): string | null {
  return registry in REGISTRIES ? REGISTRIES[registry as Registry].url(value) : null;
}

/** A trial with at most this many sites lists them all; a larger one shows counts by country and a search. */
export const SITES_LISTED_IN_FULL = 30;
/** Sites shown for one country or one search, at most. */
export const SITES_PER_VIEW = 100;

export interface SiteView {
  /** Sites whose name or city contains this text. */
  query?: string;
  /** Sites in this country (ISO code). */
  country?: string;
}

export async function getTrial(actor: Actor | null, proposalId: string, view: SiteView = {}) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      title: true,
      status: true,
      leadOrganizationId: true,
      authors: { select: { userId: true } },
      group: { select: { name: true, members: { where: { role: "CHAIR" }, select: { userId: true } } } },
      interests: {
        where: { level: { in: ["LEAD", "PARTICIPATE"] } },
        orderBy: { level: "asc" },
        select: {
          level: true,
          organizationId: true,
          expectedPatientsPerYear: true,
          organization: { select: { shortName: true, country: true } },
        },
      },
      trial: {
        include: {
          registryIds: { orderBy: { registry: "asc" } },
          accrual: {
            orderBy: [{ date: "asc" }, { createdAt: "asc" }],
            take: 500,
            include: { organization: { select: { shortName: true } } },
          },
          milestones: true,
          imports: {
            orderBy: { appliedAt: "desc" },
            take: 10,
            select: { id: true, nctId: true, appliedAt: true, addedSiteIds: true, undoneAt: true },
          },
        },
      },
    },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  const context = {
    authorIds: proposal.authors.map((a) => a.userId),
    leadOrganizationId: proposal.leadOrganizationId,
    chairIds: proposal.group.members.map((m) => m.userId),
  };
  const canManage = allowed(actor, "trial.keep", context);
  const [organizations, settings] = await Promise.all([referenceOrganizations(), getForecastSettings()]);
  const sites = proposal.trial ? await trialSites(proposal.trial.id, view) : null;
  const participants = proposal.interests.map((i) => ({
    organizationId: i.organizationId,
    label: i.organization.shortName,
    patientsPerYear: i.expectedPatientsPerYear,
  }));
  // A representative or deputy of an organization taking part reports its accrual (the keepers report any).
  const own = participants.find((p) => p.organizationId === actor?.organizationId);
  const reportsForOwn =
    !canManage &&
    own !== undefined &&
    allowed(actor, "accrual.report", {
      ...context,
      participatingOrganizationIds: participants.map((p) => p.organizationId),
      forOrganizationId: own.organizationId,
    });
  const canReportFor = reportsForOwn ? { organizationId: own.organizationId, shortName: own.label } : null;
  const monitor = proposal.trial
    ? monitorOfTrial(proposal.trial, participants, { threshold: settings.atRiskProbability, discount: settings.discount })
    : null;
  const canUploadDocuments = allowed(actor, "document.upload", context);
  return { proposal, trial: proposal.trial, canManage, canReportFor, canUploadDocuments, organizations, sites, monitor };
}

/**
 * The trial's sites as its page shows them: all of them for a small trial; for a large one (an
 * imported record lists hundreds) the count in each country, and the sites of one country or of a
 * search, bounded.
 */
async function trialSites(trialId: string, view: SiteView) {
  const countries = await db.trialSite.groupBy({
    by: ["country"],
    where: { trialId },
    _count: { _all: true },
    orderBy: { country: "asc" },
  });
  const total = countries.reduce((sum, c) => sum + c._count._all, 0);
  const query = view.query?.trim().slice(0, 100) || undefined;
  const country = view.country && countries.some((c) => c.country === view.country) ? view.country : undefined;
  const inFull = total <= SITES_LISTED_IN_FULL;
  const filtered = inFull ? false : Boolean(query || country);
  const listed =
    inFull || filtered
      ? await db.trialSite.findMany({
          where: {
            trialId,
            ...(country && !inFull ? { country } : {}),
            ...(query && !inFull
              ? { OR: [{ facility: { contains: query, mode: "insensitive" } }, { city: { contains: query, mode: "insensitive" } }] }
              : {}),
          },
          orderBy: [{ country: "asc" }, { facility: "asc" }],
          take: SITES_PER_VIEW + 1,
          include: { organization: { select: { shortName: true } } },
        })
      : [];
  return {
    total,
    countries: countries.map((c) => ({ country: c.country, count: c._count._all })),
    inFull,
    query: inFull ? undefined : query,
    country: inFull ? undefined : country,
    listed: listed.slice(0, SITES_PER_VIEW),
    more: listed.length > SITES_PER_VIEW,
  };
}

/** One accrual report or site of a trial, for the page that corrects it: only for the record's keepers. */
export async function getTrialEntry(actor: Actor | null, proposalId: string, kind: "accrual" | "site", entryId: string) {
  proposalId = requireKey(proposalId, "proposal");
  entryId = requireKey(entryId, kind === "accrual" ? "accrual report" : "site");
  assertCan(actor, "proposal.view");
  const proposal = await authorizeProposal(actor, proposalId);
  const trialId = proposal.trial?.id;
  if (!trialId) throw new AppError("NOT_FOUND", "This proposal has no trial record.");
  const [accrual, site] = await Promise.all([
    kind === "accrual"
      ? db.accrualUpdate.findFirst({ where: { id: entryId, trialId }, include: { organization: { select: { shortName: true } } } })
      : null,
    kind === "site" ? db.trialSite.findFirst({ where: { id: entryId, trialId } }) : null,
  ]);
  if (!accrual && !site)
    throw new AppError("NOT_FOUND", kind === "accrual" ? "No such accrual report on this trial." : "No such site on this trial.");
  return { trialId, title: proposal.title, accrual, site, organizations: await referenceOrganizations() };
}
