import "server-only";
// The portfolio: every proposal by stage and every trial's progress, for members and, in part, for the public.
import { referenceOrganizations } from "@/lib/organizations/reference";
import { db } from "@/lib/db";
import { getForecastSettings, type ForecastSettings } from "@/lib/settings";
import { groupMatching } from "@/lib/groups/queries";
import { shared } from "@/lib/shared-cache";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { PROPOSAL_STATUSES } from "@/lib/proposals/workflow";
import { withoutControlCharacters } from "@/lib/validation";
import { currentAccrual, milestoneState, DUE_WITHIN_DAYS } from "@/lib/trials/progress";
import { rollUp } from "@/lib/trials/rollup";
import { portfolioStartup } from "@/lib/startup/queries";
import { chanceLabel, monitorOfTrial, monitorSentence, monitorVerdict, monthLabel, type MonitoredTrial } from "@/lib/trials/monitoring";

/** Trials the portfolio's accrual chart shows. */
export const ACCRUAL_SHOWN = 25;
/** Accrual reports read per trial for its monitor: years of monthly reports from every organization. */
export const MONITORED_REPORTS = 500;

/** What the portfolio shows of a trial's monitor: the verdict, the chance, the projection and a small band. */
function portfolioMonitor(
  t: MonitoredTrial & {
    proposal: { interests: { organizationId: string; expectedPatientsPerYear: number | null; organization: { shortName: string } }[] };
  },
  settings: ForecastSettings,
) {
  const participants = t.proposal.interests.map((i) => ({
    organizationId: i.organizationId,
    label: i.organization.shortName,
    patientsPerYear: i.expectedPatientsPerYear,
  }));
  const result = monitorOfTrial(t, participants, { threshold: settings.atRiskProbability, discount: settings.discount });
  if (result.state !== "ready") return null;
  const { window, monitor: m } = result;
  return {
    verdict: monitorVerdict(m),
    sentence: monitorSentence(window, m),
    chance: chanceLabel(m),
    recruited: m.recruited,
    plannedEndPassed: m.asOfMonth >= m.plannedEndMonths,
    projected: m.projectedAtPlannedEnd,
    plannedEnd: monthLabel(window, m.plannedEndMonths, "short"),
    asOf: monthLabel(window, m.asOfMonth, "short"),
    observed: m.observed,
    band: m.band,
    target: m.target,
    plannedEndMonths: m.plannedEndMonths,
    startMs: window.startMs,
  };
}

export interface PortfolioFilters {
  group?: string;
  organization?: string;
  status?: ProposalStatus;
}

/**
 * The whole portfolio at a glance, in a fixed number of queries whatever its size. The unfiltered
 * view, which everyone opens first, is shared between requests for a minute (any change made here
 * drops it at once); filtered views are computed each time, so the cache stays small.
 */
export async function portfolio(actor: Actor | null, filters: PortfolioFilters = {}, today = new Date()) {
  assertCan(actor, "proposal.list");
  // Filters come from the address: text without control characters (PostgreSQL refuses a NUL), bounded.
  const text = (value: string | undefined) => (value ? withoutControlCharacters(value).trim().slice(0, 100) || undefined : undefined);
  filters = {
    group: text(filters.group),
    organization: text(filters.organization),
    status: PROPOSAL_STATUSES.find((s) => s === filters.status),
  };
  if (filters.group || filters.organization || filters.status) return computePortfolio(filters, today);
  return shared(`data:portfolio:${today.toISOString().slice(0, 10)}`, 60_000, () => computePortfolio({}, today));
}

async function computePortfolio(filters: PortfolioFilters, today: Date) {
  const proposalWhere: Prisma.ProposalWhereInput = {
    ...(filters.group ? { group: groupMatching(filters.group) } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.organization
      ? {
          OR: [
            { leadOrganization: { slug: filters.organization } },
            { interests: { some: { organization: { slug: filters.organization }, level: { in: ["LEAD", "PARTICIPATE"] } } } },
          ],
        }
      : {}),
  };
  const trialWhere: Prisma.TrialWhereInput = { proposal: proposalWhere };
  const horizon = new Date(today.getTime() + DUE_WITHIN_DAYS * 86400_000).toISOString().slice(0, 10);
  const [byStage, byStatus, trials, participation, countries, milestones] = await Promise.all([
    db.proposal.groupBy({ by: ["status"], where: proposalWhere, _count: { _all: true } }),
    db.trial.groupBy({ by: ["overallStatus"], where: trialWhere, _count: { _all: true } }),
    db.trial.findMany({
      where: trialWhere,
      orderBy: { proposal: { title: "asc" } },
      // A chart of more bars than this is unreadable; every trial is in the CSV export.
      take: ACCRUAL_SHOWN,
      select: {
        id: true,
        targetAccrual: true,
        startDate: true,
        overallStatus: true,
        proposal: {
          select: {
            id: true,
            title: true,
            interests: {
              where: { level: { in: ["LEAD", "PARTICIPATE"] } },
              select: { organizationId: true, expectedPatientsPerYear: true, organization: { select: { shortName: true } } },
            },
          },
        },
        // Overall and organizations' reports (the monitor reads both); one query for all the page's trials.
        accrual: {
          where: { country: null },
          // The newest, should a trial have more.
          orderBy: { date: "desc" },
          take: MONITORED_REPORTS,
          select: { date: true, total: true, organizationId: true, country: true, demo: true, componentStudyId: true },
        },
        // A trial of component studies shows its roll-up (lib/trials/rollup.ts).
        componentStudies: { select: { id: true, targetAccrual: true }, take: 50 },
        milestones: {
          where: { kind: { in: ["FIRST_PATIENT_IN", "FIRST_SITE_OPEN", "ACCRUAL_COMPLETE"] } },
          select: { kind: true, planned: true, actual: true },
        },
      },
    }),
    db.partnerInterest.groupBy({
      by: ["organizationId"],
      where: { level: { in: ["LEAD", "PARTICIPATE"] }, proposal: { ...proposalWhere, trial: { isNot: null } } },
      _count: { _all: true },
    }),
    db.$queryRaw<{ country: string; trials: number; sites: number }[]>`
      SELECT s."country", COUNT(DISTINCT s."trialId")::int AS "trials", COUNT(*) FILTER (WHERE s."facility" <> '')::int AS "sites"
      FROM "TrialSite" s
      WHERE s."trialId" IN (SELECT t."id" FROM "Trial" t JOIN "Proposal" p ON p."id" = t."proposalId" JOIN "ExpertGroup" g ON g."id" = p."groupId"
        WHERE (${filters.group ?? null}::text IS NULL OR g."slug" = ${filters.group ?? null} OR strpos(lower(g."name"), lower(${filters.group ?? null})) > 0)
          AND (${filters.status ?? null}::text IS NULL OR p."status"::text = ${filters.status ?? null})
          AND (${filters.organization ?? null}::text IS NULL OR EXISTS (
            SELECT 1 FROM "Organization" o WHERE o."slug" = ${filters.organization ?? null} AND (p."leadOrganizationId" = o."id"
              OR EXISTS (SELECT 1 FROM "PartnerInterest" i WHERE i."proposalId" = p."id" AND i."organizationId" = o."id" AND i."level" IN ('LEAD', 'PARTICIPATE'))))))
      GROUP BY s."country" ORDER BY "trials" DESC, s."country" LIMIT 100`,
    db.trialMilestone.findMany({
      where: { actual: null, planned: { not: null, lte: horizon }, trial: trialWhere },
      orderBy: { planned: "asc" },
      take: 50,
      select: { kind: true, planned: true, actual: true, trial: { select: { proposal: { select: { id: true, title: true } } } } },
    }),
  ]);
  const [orgs, settings, startup] = await Promise.all([
    referenceOrganizations(),
    getForecastSettings(),
    portfolioStartup(trialWhere, today),
  ]);
  /** A trial's target and accrual: its own, or rolled up from its component studies when it has some. */
  const umbrellaAccrual = (t: (typeof trials)[number]) => {
    if (t.componentStudies.length === 0) return { target: t.targetAccrual, actual: currentAccrual(t.accrual) };
    const r = rollUp(t, t.componentStudies, t.accrual);
    return { target: r.target, actual: r.accrued };
  };
  const count = new Map(participation.map((p) => [p.organizationId, p._count._all]));
  return {
    stages: PROPOSAL_STATUSES.map((s) => ({ status: s, count: byStage.find((b) => b.status === s)?._count._all ?? 0 })),
    trialStatuses: byStatus.map((b) => ({ status: b.overallStatus, count: b._count._all })).sort((a, b) => b.count - a.count),
    accrual: trials.map((t) => ({
      proposalId: t.proposal.id,
      title: t.proposal.title,
      ...umbrellaAccrual(t),
      demo: t.accrual.some((a) => a.demo),
      monitor: portfolioMonitor(t, settings),
    })),
    byOrganization: orgs.map((o) => ({ organization: o.shortName, trials: count.get(o.id) ?? 0 })),
    byCountry: countries,
    milestones: milestones.map((m) => ({ ...m, state: milestoneState(m, today) })),
    organizations: orgs,
    startup,
  };
}
