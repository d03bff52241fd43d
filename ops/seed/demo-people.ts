// Demo people: obviously fictional (surnames borrowed from trial methodology), with addresses on
// the reserved .example domain so no mail can ever reach a real person. They cover every role:
// the secretariat, each organization's representative, a deputy, members, and expert group chairs.
import type { GroupRole, GroupStatus, OrgRole } from "@/lib/generated/prisma/enums";

export interface DemoPerson {
  email: string;
  name: string;
  org?: string;
  role?: OrgRole;
  secretariat?: boolean;
}

const person = (name: string, org: string | undefined, role?: OrgRole): DemoPerson => ({
  name,
  org,
  role,
  email: `${name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .replace(/ /g, ".")}@${org ?? "secretariat"}.irci.example`,
});

export const DEMO_PEOPLE: DemoPerson[] = [
  { ...person("Quinn Quorum", undefined), secretariat: true },
  person("Riley Placebo", "nci", "REPRESENTATIVE"),
  person("Casey Cohort", "nci", "MEMBER"),
  // A deputy representative: acts for NCI as Riley does (interest, ballots, its people).
  person("Morgan Washout", "nci", "DEPUTY"),
  person("Jordan Endpoint", "nihr", "REPRESENTATIVE"),
  person("Taylor Protocol", "cruk", "REPRESENTATIVE"),
  person("Avery Baseline", "cruk", "MEMBER"),
  person("Robin Crossover", "eortc", "REPRESENTATIVE"),
  person("Emil Stratum", "eortc", "MEMBER"),
  person("Camille Médiane", "inca", "REPRESENTATIVE"),
  person("Drew Interim", "cctg", "REPRESENTATIVE"),
  person("Parker Blinding", "cctg", "MEMBER"),
  person("Haru Hazard", "jcog", "REPRESENTATIVE"),
  person("Yuki Sample", "jcog", "MEMBER"),
  person("Charlie Consort", "cosa", "REPRESENTATIVE"),
  person("Sky Eligibility", "cosa", "MEMBER"),
];

const email = (name: string) => {
  const found = DEMO_PEOPLE.find((p) => p.name === name);
  if (!found) throw new Error(`No demo person named ${name}`);
  return found.email;
};

/** Illustrative group statuses for the demo; the first five groups were convened in 2011. */
export const GROUP_STATUS: Record<string, GroupStatus> = {
  salivary: "ACTIVE",
  "small-bowel": "ACTIVE",
  "uterine-sarcoma": "ACTIVE",
  "ocular-melanoma": "ACTIVE",
  penile: "ACTIVE",
  anal: "ACTIVE",
  thymoma: "DORMANT",
  fibrolamellar: "PROPOSED",
  "rare-brain": "PROPOSED",
};

/** Demo rosters: chairs and members from several organizations in each group. */
export const GROUP_ROSTERS: Record<string, [string, GroupRole][]> = {
  "uterine-sarcoma": [
    [email("Casey Cohort"), "CHAIR"],
    [email("Emil Stratum"), "CHAIR"],
    [email("Yuki Sample"), "MEMBER"],
    [email("Avery Baseline"), "MEMBER"],
  ],
  anal: [
    [email("Avery Baseline"), "CHAIR"],
    [email("Sky Eligibility"), "CHAIR"],
    [email("Parker Blinding"), "MEMBER"],
    [email("Casey Cohort"), "MEMBER"],
  ],
  penile: [
    [email("Avery Baseline"), "CHAIR"],
    [email("Parker Blinding"), "MEMBER"],
    [email("Emil Stratum"), "MEMBER"],
  ],
  salivary: [
    [email("Emil Stratum"), "CHAIR"],
    [email("Yuki Sample"), "MEMBER"],
    [email("Casey Cohort"), "MEMBER"],
  ],
  "small-bowel": [
    [email("Parker Blinding"), "CHAIR"],
    [email("Casey Cohort"), "MEMBER"],
    [email("Sky Eligibility"), "MEMBER"],
  ],
  "ocular-melanoma": [
    [email("Yuki Sample"), "CHAIR"],
    [email("Emil Stratum"), "MEMBER"],
  ],
  thymoma: [[email("Sky Eligibility"), "CHAIR"]],
};
