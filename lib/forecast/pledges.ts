// The forecast of a proposal from its organizations' pledges (expected sites and patients a year),
// as the proposal page, the vote panel and the criteria checklist show it. Pure.
//
// An organization that attached feasibility sites (lib/feasibility) is counted site by site: each
// site is a centre of its own, with a gamma prior from its own expected patients a year, opening at
// its own months from approval to activation, as in Anisimov and Fedorov's multicentre model.
// An organization without sites pledges as a whole: its sites are taken to open one after another
// between SITE_OPENS_FROM and SITE_OPENS_UNTIL months after the vote, a portal assumption, stated on
// the page. NCI's phase 3 trials took a median of 602 days from concept
// to activation (Dilts et al., J Clin Oncol 2009); a proposal approved by IRCI is further along than a
// concept, so its first site is assumed a year after approval and its last two years after.
import { DEFAULT_OPTIMISM_DISCOUNT, forecast, priorFromPledge, type Centre } from "./model";

export const SITE_OPENS_FROM = 12;
export const SITE_OPENS_UNTIL = 24;
/** Beyond this many years to the target, the checklist warns (a warning, never a block). */
export const DEFAULT_WARN_YEARS = 5;

export interface Pledge {
  organization: string;
  level: "LEAD" | "PARTICIPATE" | "INTERESTED" | "DECLINED";
  expectedSites: number | null;
  expectedPatientsPerYear: number | null;
  /**
   * The organization's feasibility sites, when it attached some: then its pledge is their sum and
   * each opens at its own time (expected patients a year to one decimal, months after the vote).
   */
  sites?: readonly { expectedPerYear: number; monthsToActivation: number }[];
}

export interface PledgeForecast {
  target: number;
  /** The organizations counted: those leading or taking part with patients pledged. */
  organizations: string[];
  /** Of these, the organizations counted site by site, from their feasibility sites. */
  fromFeasibility: string[];
  /** The pledges added up (to one decimal: sites' figures carry one). */
  pledgedPerYear: number;
  /** What the forecast expects a year once every site is open: the pledges times the discount. */
  expectedPerYear: number;
  discount: number;
  medianMonths: number;
  interval80: { low: number; high: number };
  /**
   * The probability of reaching the target within `horizonMonths` of the vote: the planned end of
   * accrual (the first site's opening plus the planned accrual period) when the proposal gives the
   * period, else the number of years beyond which the checklist warns.
   */
  horizonMonths: number;
  probabilityByHorizon: number;
  /** The planned accrual period the horizon comes from, or null when the proposal gives none. */
  plannedAccrualMonths: number | null;
  /** Months from the vote to the first site's opening, as the forecast assumes it. */
  firstSiteOpensMonths: number;
}

/** When the sites of an organization open, months after the vote: spread evenly over the assumed window. */
export function siteOpenings(sites: number): number[] {
  const n = Math.max(1, Math.floor(sites));
  if (n === 1) return [SITE_OPENS_FROM];
  return Array.from({ length: n }, (_, i) => SITE_OPENS_FROM + ((SITE_OPENS_UNTIL - SITE_OPENS_FROM) * i) / (n - 1));
}

function hasSites(p: Pledge): p is Pledge & { sites: NonNullable<Pledge["sites"]> } {
  return (p.sites?.length ?? 0) > 0;
}

/** Patients a year an organization pledges: the sum over its sites when it has any, else its figure. */
export function pledged(p: Pledge): number {
  if (hasSites(p)) return Math.round(p.sites.reduce((n, s) => n + Math.max(0, s.expectedPerYear), 0) * 10) / 10;
  return p.expectedPatientsPerYear ?? 0;
}

/**
 * The forecast from the committed organizations' pledges, or why there is none: no target, or no
 * organization taking part has pledged patients yet.
 */
export function forecastFromPledges(input: {
  target: number | null;
  pledges: readonly Pledge[];
  discount?: number;
  /** Without a planned accrual period, the chance is given within this many years. */
  warnYears?: number;
  /** Months from the first site opening to the last patient, as the proposal plans it. */
  plannedAccrualMonths?: number | null;
}): { ok: true; forecast: PledgeForecast } | { ok: false; why: string } {
  if (!input.target || input.target <= 0) return { ok: false, why: "The proposal has no sample size yet: the forecast needs a target." };
  const counted = input.pledges.filter((p) => (p.level === "LEAD" || p.level === "PARTICIPATE") && pledged(p) > 0);
  if (counted.length === 0) return { ok: false, why: "No organization taking part has pledged patients a year yet." };
  const discount = input.discount ?? DEFAULT_OPTIMISM_DISCOUNT;
  const centres: Centre[] = counted.flatMap((p): Centre[] =>
    hasSites(p)
      ? p.sites
          .filter((s) => s.expectedPerYear > 0)
          .map((s) => ({
            label: p.organization,
            rate: priorFromPledge(s.expectedPerYear, { discount }),
            opens: Math.max(0, s.monthsToActivation),
          }))
      : [
          {
            label: p.organization,
            rate: priorFromPledge(p.expectedPatientsPerYear!, { discount }),
            opens: siteOpenings(p.expectedSites ?? 1),
          },
        ],
  );
  const firstSiteOpensMonths = Math.min(...centres.flatMap((c) => (typeof c.opens === "number" ? [c.opens] : [...(c.opens ?? [0])])));
  const planned = input.plannedAccrualMonths && input.plannedAccrualMonths > 0 ? input.plannedAccrualMonths : null;
  const horizonMonths = planned !== null ? firstSiteOpensMonths + planned : (input.warnYears ?? DEFAULT_WARN_YEARS) * 12;
  const f = forecast({ target: input.target, centres, plannedEndMonths: horizonMonths, band: false });
  const pledgedPerYear = Math.round(counted.reduce((n, p) => n + pledged(p), 0) * 10) / 10;
  return {
    ok: true,
    forecast: {
      target: input.target,
      organizations: counted.map((p) => p.organization),
      fromFeasibility: counted.filter(hasSites).map((p) => p.organization),
      pledgedPerYear,
      expectedPerYear: pledgedPerYear * discount,
      discount,
      medianMonths: f.medianMonths,
      interval80: f.interval80,
      horizonMonths,
      probabilityByHorizon: f.probabilityByPlannedEnd ?? 0,
      plannedAccrualMonths: planned,
      firstSiteOpensMonths,
    },
  };
}

/** "3.5 years", "11 months", "more than 10 years": a duration in months as people read it. */
export function formatMonths(months: number): string {
  if (!Number.isFinite(months) || months > 120) return "more than 10 years";
  if (months < 24) return `${Math.max(1, Math.round(months))} months`;
  return `${(Math.round((months / 12) * 10) / 10).toLocaleString("en")} years`;
}

/** A probability as people read it: never "0%" or "100%" for what is merely unlikely or likely. */
export function formatChance(p: number): string {
  if (p > 0 && p < 0.01) return "under 1%";
  if (p < 1 && p > 0.99) return "over 99%";
  return `${Math.round(p * 100)}%`;
}
