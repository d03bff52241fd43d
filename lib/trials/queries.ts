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
import { monitorOfTrial, type MonitoredTrial } from "./monitoring";
import { rollUp } from "./rollup";
import { studyMonitor, umbrellaMonitor, type MonitoredStudy } from "./study-monitors";
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
          // The one query the component studies add: only what their card shows.
          componentStudies: {
            orderBy: [{ startDate: "asc" }, { name: "asc" }],
            take: MAX_STUDIES_SHOWN,
            select: {
              id: true,
              name: true,
              shortName: true,
              sponsor: true,
              leadOrganizationId: true,
              leadOrganization: { select: { shortName: true } },
              countries: true,
              targetAccrual: true,
              overallStatus: true,
              startDate: true,
              plannedAccrualEnd: true,
              source: true,
              illustrative: true,
              version: true,
            },
          },
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
  const options = { threshold: settings.atRiskProbability, discount: settings.discount };
  const monitor = proposal.trial ? monitorOfTrial(proposal.trial, participants, options) : null;
  const studies = proposal.trial ? componentStudiesView(actor, proposal.trial, { ...context, participants }, options) : null;
  const canUploadDocuments = allowed(actor, "document.upload", context);
  return { proposal, trial: proposal.trial, canManage, canReportFor, canUploadDocuments, organizations, sites, monitor, studies };
}

/** A trial lists at most this many component studies (BALLAD has three). */
export const MAX_STUDIES_SHOWN = 50;

/**
 * The component studies as their card shows them: each with its roll-up figures, its forecast and whether this
 * person may report its accrual; the umbrella's roll-up and combined forecast. Pure over what getTrial loaded.
 */
function componentStudiesView(
  actor: Actor | null,
  trial: MonitoredTrial & {
    targetAccrual: number | null;
    componentStudies: (MonitoredStudy & { leadOrganizationId: string | null })[];
    accrual: MonitoredTrial["accrual"];
  },
  context: { authorIds: string[]; leadOrganizationId: string | null; chairIds: string[]; participants: { organizationId: string }[] },
  options: { threshold: number; discount: number },
) {
  const studies = trial.componentStudies;
  if (studies.length === 0) return null;
  const reports = trial.accrual.map((a) => ({ ...a, componentStudyId: a.componentStudyId ?? null }));
  const rollup = rollUp(trial, studies, reports);
  const participatingOrganizationIds = context.participants.map((p) => p.organizationId);
  const forecasts = new Map(studies.map((s) => [s.id, studyMonitor(s, trial.accrual, { ...options, band: false })]));
  const canReport = new Set(
    studies
      .filter((s) =>
        allowed(actor, "accrual.report", {
          ...context,
          participatingOrganizationIds,
          forOrganizationId: null,
          study: { leadOrganizationId: s.leadOrganizationId },
        }),
      )
      .map((s) => s.id),
  );
  return {
    rollup,
    forecasts,
    canReport,
    umbrella: umbrellaMonitor(trial, studies, rollup.target, { ...options, band: false }),
  };
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
      ? db.accrualUpdate.findFirst({
          where: { id: entryId, trialId },
          include: { organization: { select: { shortName: true } }, componentStudy: { select: { name: true } } },
        })
      : null,
    kind === "site" ? db.trialSite.findFirst({ where: { id: entryId, trialId } }) : null,
  ]);
  if (!accrual && !site)
    throw new AppError("NOT_FOUND", kind === "accrual" ? "No such accrual report on this trial." : "No such site on this trial.");
  return { trialId, title: proposal.title, accrual, site, organizations: await referenceOrganizations() };
}
