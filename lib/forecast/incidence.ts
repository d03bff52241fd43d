// How many new patients a year the cancer's incidence makes available in the countries of the
// organizations that pledge, to check pledges against it. Pure.
//
// Populations are rounded 2024 official estimates (US Census Bureau; ONS; INSEE; Statistics Canada;
// Statistics Bureau of Japan; Australian Bureau of Statistics; Eurostat for the EU-27), good to a few
// per cent: enough to tell a plausible pledge from an impossible one, not for epidemiology.

/** Population in millions of each catchment the check knows. */
export const POPULATION_MILLIONS = {
  US: 340.1,
  GB: 69.3,
  FR: 68.4,
  CA: 41.3,
  JP: 123.8,
  AU: 27.2,
  EU27: 449.2,
} as const;
export type Catchment = keyof typeof POPULATION_MILLIONS;

export const CATCHMENT_LABEL: Record<Catchment, string> = {
  US: "the United States",
  GB: "the United Kingdom",
  FR: "France",
  CA: "Canada",
  JP: "Japan",
  AU: "Australia",
  EU27: "the European Union",
};

/** Members of the EU-27 among the catchments: counted once when the EU is counted. */
const IN_EU27: readonly Catchment[] = ["FR"];

/**
 * Where an organization finds its patients: its country, except EORTC, whose network spans Europe
 * (counted as the EU-27, a conservative choice: EORTC also has sites beyond it). Null when the check
 * does not know the country's population.
 */
export function catchmentOf(organization: { slug: string; country: string }): Catchment | null {
  if (organization.slug === "eortc") return "EU27";
  return organization.country in POPULATION_MILLIONS ? (organization.country as Catchment) : null;
}

export interface IncidenceCheck {
  /** New patients a year across the catchments, from the incidence. */
  availablePerYear: number;
  /** Patients a year pledged by the organizations whose catchment is known. */
  pledgedPerYear: number;
  /** The pledges claim more patients than arise: at least one pledge must be wrong. */
  exceeds: boolean;
  catchments: Catchment[];
  /** Organizations whose catchment the check does not know (left out of both sides). */
  unknown: string[];
}

/**
 * Pledges against the patients the incidence makes available. `incidencePer100k` is new cases per
 * 100,000 people a year; each pledge is the organization's expected patients a year.
 */
export function checkIncidence(input: {
  incidencePer100k: number | null;
  pledges: readonly { organization: { slug: string; country: string; shortName: string }; patientsPerYear: number }[];
}): IncidenceCheck | null {
  if (input.incidencePer100k === null || !(input.incidencePer100k > 0)) return null;
  const catchments = new Set<Catchment>();
  const unknown: string[] = [];
  let pledgedPerYear = 0;
  for (const p of input.pledges) {
    if (!(p.patientsPerYear > 0)) continue;
    const c = catchmentOf(p.organization);
    if (!c) {
      unknown.push(p.organization.shortName);
      continue;
    }
    catchments.add(c);
    pledgedPerYear += p.patientsPerYear;
  }
  if (catchments.size === 0) return null;
  if (catchments.has("EU27")) for (const c of IN_EU27) catchments.delete(c);
  const millions = [...catchments].reduce((n, c) => n + POPULATION_MILLIONS[c], 0);
  const availablePerYear = (input.incidencePer100k * millions * 1_000_000) / 100_000;
  const ordered = (Object.keys(POPULATION_MILLIONS) as Catchment[]).filter((c) => catchments.has(c));
  pledgedPerYear = Math.round(pledgedPerYear * 10) / 10;
  return { availablePerYear, pledgedPerYear, exceeds: pledgedPerYear > availablePerYear, catchments: ordered, unknown };
}
