// What a site's feasibility figures add up to: its expected patients a year, and its organization's
// pledge as the sum over its sites. Pure: no Next.js, no Prisma.
//
// A portal assumption, stated on the page: a site's eligible, consenting patients are shared evenly
// with the competing trials open to them, so a site with c competing trials expects
//   seen a year × share eligible × share consenting ÷ (1 + c).
// Nothing published gives how rare-cancer patients split between competing trials; an even split is
// the simplest rule a representative can check by hand, and errs on the side of fewer patients.

/** The figures of one site that its expected patients depend on (shares in percent, 0 to 100). */
export interface SiteFigures {
  patientsSeenPerYear: number;
  eligibleShare: number;
  consentShare: number;
  competingTrials: number;
}

/** One decimal: the precision kept for expected patients (a rare cancer's site may expect 0.4 a year). */
export function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A site's expected patients a year, to one decimal. */
export function sitePatientsPerYear(s: SiteFigures): number {
  const consenting = s.patientsSeenPerYear * (s.eligibleShare / 100) * (s.consentShare / 100);
  return oneDecimal(consenting / (1 + Math.max(0, s.competingTrials)));
}

/**
 * An organization's pledge from its sites: how many, and the patients a year they expect together
 * (one decimal, summed from the unrounded site figures). `wholePatients` is what the interest matrix
 * stores (a whole number, rounded to the nearest).
 */
export function pledgeFromSites(sites: readonly SiteFigures[]): { sites: number; patientsPerYear: number; wholePatients: number } {
  const total = sites.reduce(
    (n, s) => n + (s.patientsSeenPerYear * (s.eligibleShare / 100) * (s.consentShare / 100)) / (1 + Math.max(0, s.competingTrials)),
    0,
  );
  return { sites: sites.length, patientsPerYear: oneDecimal(total), wholePatients: Math.round(total) };
}

/** "3.4", "12", "0.5": patients a year as people read them. */
export function formatPatients(n: number): string {
  return oneDecimal(n).toLocaleString("en", { maximumFractionDigits: 1 });
}
