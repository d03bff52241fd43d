// Proposals for the demo: IRCI's five real trials in their real states (from the reference data,
// nothing added but what their titles state), and a few fictional proposals, marked as demo, so
// that every early state can be shown. Created once each; reseeding leaves them as they are.
import reference from "@/prisma/data/irci-reference.json";
import type { PrismaClient } from "@/lib/prisma-client";
import type { InterestLevel, ProposalStatus, SiteCapability } from "@/lib/generated/prisma/enums";
import { pledgeFromSites } from "@/lib/feasibility/estimate";
import { nameKey } from "@/lib/feasibility/schema";

/** An illustrative feasibility site of a demo proposal: generic name, no real institution. */
interface SeedSite {
  name: string;
  country: string;
  patientsSeenPerYear: number;
  eligibleShare: number;
  consentShare: number;
  competingTrials: number;
  monthsToActivation: number;
  capabilities: SiteCapability[];
}
const ILLUSTRATIVE = "Illustrative demo figures.";

interface SeedProposal {
  id: string;
  group: string;
  title: string;
  status: ProposalStatus;
  lead?: string;
  leadDescription?: string;
  phase?: string;
  randomised?: boolean;
  /** Illustrative sample sizes on demo proposals (the forecast needs a target); real trials' come with their records. */
  sampleSize?: number;
  /** Illustrative planned accrual periods on demo proposals, in months from the first site opening. */
  plannedAccrualMonths?: number;
  population?: string;
  intervention?: string;
  comparator?: string;
  primaryOutcome?: string;
  rationale?: string;
  noOtherForum?: string;
  closedReason?: string;
  registryIds?: Record<string, unknown>;
  demo: boolean;
  author?: string;
  interests?: [org: string, level: InterestLevel, sites: number, patientsPerYear: number][];
  /** Feasibility sites by organization: that organization's pledge is their sum (its figures above are ignored). */
  feasibility?: Record<string, SeedSite[]>;
}

const trial = (name: string) => {
  const t = reference.trials.find((x) => x.name.startsWith(name));
  if (!t) throw new Error(`No trial ${name} in the reference data`);
  return t;
};

function realTrials(): SeedProposal[] {
  const gog = trial("GOG-0277");
  const interaact = trial("InterAACT");
  const inpact = trial("InPACT");
  const eortc = trial("EORTC 1206");
  const ballad = trial("BALLAD");
  const common = (t: typeof gog) => ({
    group: t.cancer,
    title: `${t.name}: ${t.title}`,
    leadDescription: t.lead,
    phase: t.phase[0],
    registryIds: t.registryIds as Record<string, unknown>,
    demo: false,
  });
  return [
    {
      ...common(gog),
      id: "irci-gog-0277",
      status: "CLOSED_EARLY",
      lead: "nci",
      randomised: true,
      population: "Uterus-limited high-grade uterine leiomyosarcoma",
      intervention: "Adjuvant gemcitabine plus docetaxel followed by doxorubicin",
      comparator: "Observation",
      closedReason: gog.status,
    },
    {
      ...common(interaact),
      id: "irci-interaact",
      status: "COMPLETED",
      randomised: true,
      population: "Advanced anal squamous cell carcinoma",
      intervention: "Carboplatin plus paclitaxel",
      comparator: "Cisplatin plus 5-FU",
    },
    { ...common(inpact), id: "irci-inpact", status: "UNDERWAY", population: "Locally advanced penile cancer" },
    {
      ...common(eortc),
      id: "irci-eortc-1206",
      status: "UNDERWAY",
      lead: "eortc",
      randomised: true,
      population: "Recurrent or metastatic androgen-receptor-positive salivary gland cancer",
      intervention: "Androgen deprivation therapy",
      comparator: "Chemotherapy",
    },
    {
      ...common(ballad),
      id: "irci-ballad",
      status: "UNDERWAY",
      population: "Small bowel adenocarcinoma",
      intervention: "Adjuvant chemotherapy",
    },
  ];
}

const DEMO_NOTE = "Fictional demo proposal: not an IRCI study.";

const DEMO_PROPOSALS: SeedProposal[] = [
  {
    id: "demo-uveal-liver",
    group: "ocular-melanoma",
    title: "[Demo] Liver-directed therapy before systemic treatment in metastatic uveal melanoma",
    status: "DRAFT",
    lead: "jcog",
    population: "Adults with liver-only metastatic uveal melanoma",
    intervention: "",
    comparator: "",
    rationale: DEMO_NOTE,
    demo: true,
    author: "yuki.sample@jcog.irci.example",
  },
  {
    id: "demo-anal-maintenance",
    group: "anal",
    title: "[Demo] Maintenance immunotherapy after first-line chemotherapy in metastatic anal cancer",
    status: "SUBMITTED",
    lead: "cruk",
    phase: "PHASE2",
    randomised: true,
    population: "Metastatic anal squamous cell carcinoma without progression after first-line chemotherapy",
    intervention: "Maintenance immune checkpoint inhibitor",
    comparator: "Surveillance",
    primaryOutcome: "Progression-free survival at 12 months",
    rationale: DEMO_NOTE,
    demo: true,
    author: "avery.baseline@cruk.irci.example",
    sampleSize: 36,
    plannedAccrualMonths: 36,
    interests: [
      ["cruk", "LEAD", 12, 15],
      ["cosa", "PARTICIPATE", 6, 8],
      ["nci", "INTERESTED", 0, 0],
    ],
  },
  {
    id: "demo-salivary-her2",
    group: "salivary",
    title: "[Demo] HER2-directed therapy in HER2-positive salivary duct carcinoma",
    status: "IN_REVIEW",
    lead: "eortc",
    phase: "PHASE2",
    randomised: true,
    population: "Recurrent or metastatic HER2-positive salivary duct carcinoma",
    intervention: "HER2-directed antibody-drug conjugate",
    comparator: "Investigator's choice of chemotherapy",
    primaryOutcome: "Progression-free survival",
    rationale: DEMO_NOTE,
    noOtherForum: "Demo text: no single cooperative group sees enough patients; the trial needs Europe, Japan and North America together.",
    demo: true,
    author: "emil.stratum@eortc.irci.example",
    sampleSize: 120,
    plannedAccrualMonths: 48,
    interests: [
      ["eortc", "LEAD", 20, 12],
      ["jcog", "PARTICIPATE", 0, 0], // from its sites below
      ["cctg", "PARTICIPATE", 0, 0], // from its sites below
      ["inca", "DECLINED", 0, 0],
    ],
    feasibility: {
      jcog: [
        {
          name: "JCOG site A (illustrative)",
          country: "Japan",
          patientsSeenPerYear: 14,
          eligibleShare: 40,
          consentShare: 70,
          competingTrials: 1,
          monthsToActivation: 10,
          capabilities: ["CENTRAL_PATHOLOGY", "REQUIRED_IMAGING", "RESEARCH_STAFF"],
        },
        {
          name: "JCOG site B (illustrative)",
          country: "Japan",
          patientsSeenPerYear: 9,
          eligibleShare: 45,
          consentShare: 75,
          competingTrials: 0,
          monthsToActivation: 14,
          capabilities: ["REQUIRED_IMAGING", "RESEARCH_STAFF", "BIOBANKING"],
        },
        {
          name: "JCOG site C (illustrative)",
          country: "Japan",
          patientsSeenPerYear: 6,
          eligibleShare: 40,
          consentShare: 70,
          competingTrials: 0,
          monthsToActivation: 18,
          capabilities: ["REQUIRED_IMAGING"],
        },
      ],
      cctg: [
        {
          name: "CCTG site A (illustrative)",
          country: "Canada",
          patientsSeenPerYear: 8,
          eligibleShare: 35,
          consentShare: 70,
          competingTrials: 1,
          monthsToActivation: 12,
          capabilities: ["CENTRAL_PATHOLOGY", "DRUG_IMPORT", "RESEARCH_STAFF"],
        },
        {
          name: "CCTG site B (illustrative)",
          country: "Canada",
          patientsSeenPerYear: 5,
          eligibleShare: 40,
          consentShare: 80,
          competingTrials: 0,
          monthsToActivation: 15,
          capabilities: ["REQUIRED_IMAGING", "DRUG_IMPORT"],
        },
      ],
    },
  },
];

export async function seedProposals(db: PrismaClient, options: { demo: boolean }): Promise<number> {
  const all = [...realTrials(), ...(options.demo ? DEMO_PROPOSALS : [])];
  const groups = new Map((await db.expertGroup.findMany({ select: { id: true, slug: true } })).map((g) => [g.slug, g.id]));
  const orgs = new Map((await db.organization.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  const existing = new Set(
    (await db.proposal.findMany({ where: { id: { in: all.map((p) => p.id) } }, select: { id: true } })).map((p) => p.id),
  );
  for (const p of all) {
    if (existing.has(p.id)) continue;
    const groupId = groups.get(p.group);
    if (!groupId) throw new Error(`Seed: unknown expert group ${p.group}`);
    const author = p.author ? await db.user.findUnique({ where: { email: p.author }, select: { id: true } }) : null;
    const content = {
      title: p.title,
      population: p.population ?? "",
      intervention: p.intervention ?? "",
      comparator: p.comparator ?? "",
      primaryOutcome: p.primaryOutcome ?? "",
      rationale: p.rationale ?? "",
      phase: p.phase ?? null,
      randomised: p.randomised ?? null,
      sampleSize: p.sampleSize ?? null,
      plannedAccrualMonths: p.plannedAccrualMonths ?? null,
      primaryEndpoint: "",
      noOtherForum: p.noOtherForum ?? "",
    };
    await db.$transaction(async (tx) => {
      await tx.proposal.create({
        data: {
          id: p.id,
          groupId,
          leadOrganizationId: p.lead ? orgs.get(p.lead) : null,
          leadDescription: p.leadDescription,
          status: p.status,
          ...content,
          registryIds: (p.registryIds ?? {}) as object,
          closedReason: p.closedReason,
          demo: p.demo,
          createdById: author?.id,
          authors: author ? { create: { userId: author.id } } : undefined,
          revisions: { create: { number: 1, content, authorId: author?.id } },
        },
      });
      for (const [org, level, sites, patients] of p.interests ?? []) {
        const organizationId = orgs.get(org)!;
        const feasibility = p.feasibility?.[org] ?? [];
        // An organization with sites pledges their sum, as the portal keeps it.
        const pledge = feasibility.length ? pledgeFromSites(feasibility) : null;
        const data = {
          proposalId: p.id,
          organizationId,
          level,
          expectedSites: pledge ? pledge.sites : sites || null,
          expectedPatientsPerYear: pledge ? pledge.wholePatients : patients || null,
        };
        await tx.partnerInterest.create({ data });
        await tx.partnerInterestRecord.create({ data });
        for (const site of feasibility) {
          const created = await tx.feasibilitySite.create({
            data: { proposalId: p.id, organizationId, ...site, nameKey: nameKey(site.name), note: ILLUSTRATIVE },
          });
          await tx.feasibilitySiteRecord.create({
            data: { siteId: created.id, proposalId: p.id, organizationId, change: "ADDED", version: 1, ...site, note: ILLUSTRATIVE },
          });
        }
      }
      await tx.auditEvent.create({
        data: {
          action: "proposal.imported",
          entityType: "proposal",
          entityId: p.id,
          groupId,
          reason: p.demo ? "Demo data" : "IRCI reference data (real trial)",
          data: { status: p.status },
        },
      });
    });
  }
  return all.length;
}
