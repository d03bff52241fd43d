// A trial's start-up in each country, from approval to the first patient: the steps, their labels by
// country, how dates count in days, and what is past its target. Pure: no Next.js, no Prisma.

export const STARTUP_STEPS = [
  "FUNDING",
  "SPONSOR",
  "REGULATOR",
  "ETHICS",
  "CONTRACTS",
  "DRUG_SUPPLY",
  "FIRST_SITE",
  "FIRST_PATIENT",
] as const;
export type StartupStep = (typeof STARTUP_STEPS)[number];

export const STARTUP_STATES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED", "NOT_APPLICABLE"] as const;
export type StartupState = (typeof STARTUP_STATES)[number];
export type Precision = "DAY" | "MONTH" | "YEAR";

export const STATE_LABEL: Record<StartupState, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  BLOCKED: "Blocked",
  NOT_APPLICABLE: "Not applicable",
};

/** The EU member states: their regulator and ethics steps go through CTIS (part I joint, part II national). */
const EU = new Set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" "));
export const isEuCountry = (country: string) => EU.has(country);

const REGULATOR: Record<string, string> = {
  GB: "MHRA",
  US: "FDA (IND)",
  CA: "Health Canada (CTA)",
  JP: "PMDA / jRCT",
  AU: "TGA (CTN or CTA)",
};
const ETHICS: Record<string, string> = {
  GB: "Ethics (REC, HRA approval)",
  US: "Ethics (IRB)",
  CA: "Ethics (REB)",
  JP: "Certified review board",
  AU: "Ethics (HREC)",
};

const GENERIC: Record<StartupStep, string> = {
  FUNDING: "Funding",
  SPONSOR: "Sponsor responsibilities",
  REGULATOR: "Regulator",
  ETHICS: "Ethics",
  CONTRACTS: "Contracts (trial agreement, data sharing, insurance)",
  DRUG_SUPPLY: "Drug supply and labelling",
  FIRST_SITE: "First site activated",
  FIRST_PATIENT: "First patient in",
};

/** A step's name in general (column headings, settings). */
export function stepName(step: StartupStep): string {
  return GENERIC[step];
}

/** A step's name in one country: the regulator and the ethics review are named as that country names them. */
export function stepLabel(step: StartupStep, country: string): string {
  if (step === "REGULATOR") return isEuCountry(country) ? "EU CTIS part I" : (REGULATOR[country] ?? "Regulator");
  if (step === "ETHICS") return isEuCountry(country) ? "EU CTIS part II (national, ethics)" : (ETHICS[country] ?? "Ethics");
  return GENERIC[step];
}

const DAY_MS = 86_400_000;

/** yyyy-MM-dd of a date (UTC, as stored in a date column). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The moment a date of the given precision counts at, for days: a whole date as itself; a month or a
 * year of the public record (stored as its first day) as its middle (2013 → 2 July 2013, October 2016 →
 * 16 October 2016), which errs least either way. Days from such a date are shown as approximate.
 */
export function countsAt(date: Date, precision: Precision = "DAY"): Date {
  if (precision === "DAY") return date;
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const end = precision === "YEAR" ? Date.UTC(y + 1, 0, 1) : Date.UTC(y, m + 1, 1);
  const start = precision === "YEAR" ? Date.UTC(y, 0, 1) : Date.UTC(y, m, 1);
  return new Date(start + Math.floor((end - start) / DAY_MS / 2) * DAY_MS);
}

/** Whole calendar days (UTC) from one date to another, whatever the hour of each. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor(to.getTime() / DAY_MS) - Math.floor(from.getTime() / DAY_MS);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "3 Mar 2024", "Oct 2016" or "2013", as precise as the record is. */
export function dateWords(date: Date, precision: Precision = "DAY"): string {
  const y = date.getUTCFullYear();
  if (precision === "YEAR") return String(y);
  if (precision === "MONTH") return `${MONTHS[date.getUTCMonth()]} ${y}`;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${y}`;
}

/** A partial date string of the trial record (yyyy, yyyy-MM, yyyy-MM-dd) as a date and its precision. */
export function fromPartialDate(text: string): { date: Date; precision: Precision } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  return {
    date: new Date(Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d) : 1)),
    precision: d ? "DAY" : m ? "MONTH" : "YEAR",
  };
}

/** "Blocked since 3 Mar 2024 (274 days): insurance certificate for Japan". */
export function blockedSentence(since: Date | null, reason: string | null, today: Date): string {
  const when = since ? ` since ${dateWords(since)} (${plural(Math.max(0, daysBetween(since, today)), "day")})` : "";
  return `Blocked${when}${reason ? `: ${reason}` : ""}`;
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

/** Where a trial's start-up counts from, and why that date. */
export interface Anchor {
  date: Date;
  precision: Precision;
  from: "protocol" | "vote" | "funding";
}

export const ANCHOR_WORDS: Record<Anchor["from"], string> = {
  protocol: "the protocol's approval",
  vote: "IRCI's vote",
  funding: "the first funding secured",
};

/**
 * Start-up counts from the trial's approval: the "Protocol approved" milestone when recorded, else
 * the IRCI vote that approved it, else (real trials that predate the portal) the first funding secured
 * in any country, as in "InPACT was funded in 2013 and got UK ethics approval in October 2016".
 */
export function startupAnchor(input: {
  protocolApproved: string | null;
  votePassedAt: Date | null;
  funding: { date: Date; precision: Precision }[];
}): Anchor | null {
  const protocol = input.protocolApproved ? fromPartialDate(input.protocolApproved) : null;
  if (protocol) return { ...protocol, from: "protocol" };
  if (input.votePassedAt) return { date: new Date(`${isoDay(input.votePassedAt)}T00:00:00Z`), precision: "DAY", from: "vote" };
  const first = [...input.funding].sort((a, b) => countsAt(a.date, a.precision).getTime() - countsAt(b.date, b.precision).getTime())[0];
  return first ? { ...first, from: "funding" } : null;
}

/** Days from approval each step should be done by, for a phase 3 trial (see DEFAULT_STARTUP_TARGETS). */
export type StepTargets = Record<StartupStep, number>;

export interface StartupTargets {
  /** Phase 3: days from approval by which each step should be done; FIRST_SITE is the activation target. */
  steps: StepTargets;
  /** Approval to activation for phase 1-2 trials: every step's target is scaled by this over the phase 3 one. */
  phase12Activation: number;
}

/**
 * NCI's Operational Efficiency Working Group: activation (first site open) within 300 days of approval for
 * phase 3, 210 for phase 1-2 (absolute deadlines 540 and 450). The steps before it share those 300 days as
 * trial units run them: funding and sponsorship first, regulator and ethics in parallel, then contracts and
 * drug supply; the first patient two months after activation. Days from approval, not durations.
 */
export const DEFAULT_STARTUP_TARGETS: StartupTargets = {
  steps: {
    FUNDING: 90,
    SPONSOR: 120,
    REGULATOR: 210,
    ETHICS: 210,
    CONTRACTS: 270,
    DRUG_SUPPLY: 270,
    FIRST_SITE: 300,
    FIRST_PATIENT: 360,
  },
  phase12Activation: 210,
};

/** The target of a step, in days from approval, for a trial of these phases (ClinicalTrials.gov's PHASE3 etc.). */
export function targetDays(targets: StartupTargets, step: StartupStep, phases: readonly string[]): number {
  const phase3 = phases.length === 0 || phases.some((p) => p === "PHASE3" || p === "PHASE4");
  if (phase3) return targets.steps[step];
  return Math.round((targets.steps[step] * targets.phase12Activation) / targets.steps.FIRST_SITE);
}

export interface StepTiming {
  /** Days from approval: to the actual date when done, to today while open; null without an anchor or date. */
  days: number | null;
  /** Counted from or to a year or a month of the record. */
  approximate: boolean;
  target: number;
  /** Done later than its target, or still open past it. */
  pastTarget: boolean;
}

/** How a step stands against its target, today. Not applicable steps and those without an anchor have no days. */
export function stepTiming(
  step: { state: StartupState; actualDate: Date | null; actualPrecision: Precision },
  anchor: Anchor | null,
  target: number,
  today: Date,
): StepTiming {
  if (!anchor || step.state === "NOT_APPLICABLE") return { days: null, approximate: false, target, pastTarget: false };
  const from = countsAt(anchor.date, anchor.precision);
  if (step.state === "DONE") {
    if (!step.actualDate) return { days: null, approximate: false, target, pastTarget: false };
    const days = daysBetween(from, countsAt(step.actualDate, step.actualPrecision));
    return { days, approximate: anchor.precision !== "DAY" || step.actualPrecision !== "DAY", target, pastTarget: days > target };
  }
  const days = daysBetween(from, today);
  return { days, approximate: anchor.precision !== "DAY", target, pastTarget: days > target };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * The organization that does a country's steps unless told otherwise: an organization of that country
 * taking part (the lead first), else the lead organization.
 */
export function defaultOwner(
  country: string,
  participants: readonly { organizationId: string; country: string; lead: boolean }[],
  leadOrganizationId: string | null,
): string | null {
  const local = participants.filter((p) => p.country === country).sort((a, b) => Number(b.lead) - Number(a.lead))[0];
  return local?.organizationId ?? leadOrganizationId;
}
