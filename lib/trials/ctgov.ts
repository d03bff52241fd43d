// Reading a study as the ClinicalTrials.gov API v2 returns it (schema `Study`), keeping only what a
// trial record uses. Pure. Partial dates stay as given; missing modules are simply absent; extra
// fields are ignored; anything malformed is refused with a message naming the path.
import { z } from "zod";
import reference from "@/prisma/data/irci-reference.json";
import { countryCode } from "./countries";
import { detectRegistry, type Registry } from "./registry";

export const OVERALL_STATUSES = reference.ctgov.overallStatus as readonly string[];
export const PHASES = reference.ctgov.phases as readonly string[];

const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date as yyyy, yyyy-MM or yyyy-MM-dd");
const DateStruct = z.object({ date: PartialDate.optional(), type: z.string().optional() }).loose();

const StudySchema = z
  .object({
    protocolSection: z
      .object({
        identificationModule: z
          .object({
            nctId: z.string().regex(/^NCT\d{8}$/, "an NCT number such as NCT01533207"),
            briefTitle: z.string().optional(),
            acronym: z.string().optional(),
            secondaryIdInfos: z
              .array(z.object({ id: z.string(), type: z.string().optional(), domain: z.string().optional() }).loose())
              .optional(),
          })
          .loose(),
        statusModule: z
          .object({
            overallStatus: z
              .enum(OVERALL_STATUSES as [string, ...string[]], { message: `one of ${OVERALL_STATUSES.join(", ")}` })
              .optional(),
            startDateStruct: DateStruct.optional(),
            primaryCompletionDateStruct: DateStruct.optional(),
            // When the record says what it says (dates an actual enrollment); an odd value is ignored, never fatal.
            lastUpdatePostDateStruct: z.object({ date: z.string().optional() }).loose().optional().catch(undefined),
            statusVerifiedDate: z.string().optional().catch(undefined),
          })
          .loose()
          .optional(),
        designModule: z
          .object({
            phases: z.array(z.enum(PHASES as [string, ...string[]], { message: `one of ${PHASES.join(", ")}` })).optional(),
            enrollmentInfo: z
              .object({
                count: z.number().int().min(0).max(1_000_000, "an enrollment of at most 1,000,000").optional(),
                type: z.enum(["ACTUAL", "ESTIMATED"]).optional(),
              })
              .loose()
              .optional(),
          })
          .loose()
          .optional(),
        sponsorCollaboratorsModule: z
          .object({ leadSponsor: z.object({ name: z.string().optional() }).loose().optional() })
          .loose()
          .optional(),
        contactsLocationsModule: z
          .object({
            locations: z
              .array(
                z
                  .object({
                    facility: z.string().optional(),
                    city: z.string().optional(),
                    country: z.string().optional(),
                    status: z.string().optional(),
                  })
                  .loose(),
              )
              .optional(),
          })
          .loose()
          .optional(),
        conditionsModule: z
          .object({ conditions: z.array(z.string()).optional() })
          .loose()
          .optional(),
      })
      .loose(),
  })
  .loose();

export interface ImportedSite {
  facility: string;
  city: string | null;
  country: string;
  status: string | null;
}

/** What a study tells about a trial. A field is absent when the study does not say. */
export interface ImportedStudy {
  nctId: string;
  briefTitle?: string;
  acronym?: string;
  overallStatus?: string;
  phases?: string[];
  startDate?: string;
  primaryCompletionDate?: string;
  targetAccrual?: number;
  actualAccrual?: number;
  /** The date the record gives for its actual enrollment (its last update), as yyyy-MM-dd or yyyy-MM. */
  actualAccrualAsOf?: string;
  leadSponsor?: string;
  registryIds: { registry: Registry; value: string }[];
  /** ISO 3166 codes where known, else the name as ClinicalTrials.gov gives it; each once. */
  countries: string[];
  sites: ImportedSite[];
  conditions: string[];
}

export type ParseResult = { ok: true; study: ImportedStudy } | { ok: false; errors: string[] };

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.join(".");
  if (issue.code === "invalid_type" && issue.input === undefined) return `${path} is missing.`;
  return `${path || "The study"}: expected ${issue.message.replace(/^Invalid input: expected /, "")}.`;
}

export function parseStudyJson(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`This is not JSON: ${(error as Error).message}.`] };
  }
  return parseStudy(json);
}

export function parseStudy(json: unknown): ParseResult {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return {
      ok: false,
      errors: ["Expected one study: a JSON object with a protocolSection, as https://clinicaltrials.gov/api/v2/studies/NCT… returns it."],
    };
  }
  if (!("protocolSection" in json)) {
    const hint = "studies" in json ? " This looks like a search result: paste a single study." : "";
    return { ok: false, errors: [`This is not a ClinicalTrials.gov study: it has no protocolSection.${hint}`] };
  }
  const parsed = StudySchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(describeIssue) };
  const p = parsed.data.protocolSection;
  const id = p.identificationModule;
  const status = p.statusModule;
  const design = p.designModule;
  const enrollment = design?.enrollmentInfo;
  const locations = p.contactsLocationsModule?.locations ?? [];

  const registryIds = new Map<string, { registry: Registry; value: string }>();
  registryIds.set(`NCT:${id.nctId}`, { registry: "NCT", value: id.nctId });
  for (const info of id.secondaryIdInfos ?? []) {
    const found = detectRegistry(info.id);
    if (found) registryIds.set(`${found.registry}:${found.value}`, found);
  }
  const sites: ImportedSite[] = locations
    .filter((l) => l.country)
    .map((l) => ({
      facility: l.facility?.trim() || "Site not named",
      city: l.city ?? null,
      country: countryCode(l.country!) ?? l.country!,
      status: l.status ?? null,
    }));

  const study: ImportedStudy = {
    nctId: id.nctId,
    registryIds: [...registryIds.values()],
    countries: [...new Set(sites.map((s) => s.country))],
    sites,
    conditions: p.conditionsModule?.conditions ?? [],
  };
  if (id.briefTitle) study.briefTitle = id.briefTitle;
  if (id.acronym) study.acronym = id.acronym;
  if (status?.overallStatus) study.overallStatus = status.overallStatus;
  if (design?.phases?.length) study.phases = design.phases;
  if (status?.startDateStruct?.date) study.startDate = status.startDateStruct.date;
  if (status?.primaryCompletionDateStruct?.date) study.primaryCompletionDate = status.primaryCompletionDateStruct.date;
  if (enrollment?.count !== undefined) {
    if (enrollment.type === "ACTUAL") {
      study.actualAccrual = enrollment.count;
      // The enrollment is as of the record's last update (else the month its status was verified), not the import day.
      const asOf = [status?.lastUpdatePostDateStruct?.date, status?.statusVerifiedDate].find(
        (d): d is string => typeof d === "string" && PartialDate.safeParse(d).success,
      );
      if (asOf) study.actualAccrualAsOf = asOf;
    } else study.targetAccrual = enrollment.count;
  }
  const sponsor = p.sponsorCollaboratorsModule?.leadSponsor?.name;
  if (sponsor) study.leadSponsor = sponsor;
  return { ok: true, study };
}
