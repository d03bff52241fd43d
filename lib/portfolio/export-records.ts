import "server-only";
// The records behind the portfolio, for the export: the interest matrix, and each trial's sites,
// milestones and accrual history. Codes become the words the pages use; ISO codes keep a name beside them.
import { db } from "@/lib/db";
import type { InterestLevel } from "@/lib/generated/prisma/enums";
import { referenceOrganizations } from "@/lib/organizations/reference";
import { STATUS_LABEL } from "@/lib/proposals/workflow";
import { countryLabel } from "@/lib/time";
import { MILESTONE_LABEL, MILESTONE_STATE_LABEL, milestoneState } from "@/lib/trials/progress";
import { vocabularyLabel } from "@/lib/vocabulary";

/** What a reader hands back: the rows, and the key to read on from (none when it was the last batch). */
export interface ExportBatch {
  rows: Record<string, unknown>[];
  next: string | undefined;
}

const INTEREST_LABEL: Record<InterestLevel, string> = {
  LEAD: "Lead",
  PARTICIPATE: "Participate",
  INTERESTED: "Interested",
  DECLINED: "Declined",
};

/** Keyset paging in id order: stable while rows are added, never OFFSET. */
function byId(after: string | undefined, take: number) {
  return { orderBy: { id: "asc" as const }, take, ...(after ? { cursor: { id: after }, skip: 1 } : {}) };
}

function batch<T extends { id: string }>(read: T[], take: number, rows: Record<string, unknown>[]): ExportBatch {
  return { rows, next: read.length === take ? read.at(-1)!.id : undefined };
}

/**
 * The interest matrix: every proposal against every member organization, one row per pair, with the
 * level each organization recorded ("Not recorded" where it has said nothing) and the sites and
 * patients a year it expects to bring.
 */
export async function interestBatch(after: string | undefined, take: number): Promise<ExportBatch> {
  const [proposals, organizations] = await Promise.all([
    db.proposal.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      select: {
        id: true,
        title: true,
        status: true,
        group: { select: { name: true } },
        interests: {
          select: { organizationId: true, level: true, expectedSites: true, expectedPatientsPerYear: true, note: true, updatedAt: true },
        },
      },
    }),
    referenceOrganizations(),
  ]);
  const rows = proposals.flatMap((p) =>
    organizations.map((o) => {
      const i = p.interests.find((x) => x.organizationId === o.id);
      return {
        proposalId: p.id,
        title: p.title,
        stage: STATUS_LABEL[p.status],
        expertGroup: p.group.name,
        organization: o.shortName,
        organizationName: o.name,
        countryCode: o.country,
        country: countryLabel(o.country),
        interest: i ? INTEREST_LABEL[i.level] : "Not recorded",
        expectedSites: i?.expectedSites ?? "",
        expectedPatientsPerYear: i?.expectedPatientsPerYear ?? "",
        note: i?.note ?? "",
        recorded: i?.updatedAt.toISOString() ?? "",
      };
    }),
  );
  return batch(proposals, take, rows);
}

const trialOf = { select: { proposal: { select: { id: true, title: true } } } } as const;

export async function siteBatch(after: string | undefined, take: number): Promise<ExportBatch> {
  const sites = await db.trialSite.findMany({
    ...byId(after, take),
    select: {
      id: true,
      facility: true,
      city: true,
      country: true,
      status: true,
      organization: { select: { shortName: true } },
      trial: trialOf,
    },
  });
  const rows = sites.map((s) => ({
    id: s.id,
    proposalId: s.trial.proposal.id,
    title: s.trial.proposal.title,
    // Empty when only the country's participation is known.
    facility: s.facility,
    city: s.city ?? "",
    countryCode: /^[A-Z]{2}$/.test(s.country) ? s.country : "",
    country: countryLabel(s.country),
    organization: s.organization?.shortName ?? "",
    siteStatus: s.status ? vocabularyLabel(s.status) : "",
  }));
  return batch(sites, take, rows);
}

export async function milestoneBatch(after: string | undefined, take: number, today = new Date()): Promise<ExportBatch> {
  const milestones = await db.trialMilestone.findMany({
    ...byId(after, take),
    select: { id: true, kind: true, planned: true, actual: true, trial: trialOf },
  });
  const rows = milestones.map((m) => ({
    id: m.id,
    proposalId: m.trial.proposal.id,
    title: m.trial.proposal.title,
    milestone: MILESTONE_LABEL[m.kind],
    planned: m.planned ?? "",
    actual: m.actual ?? "",
    state: MILESTONE_STATE_LABEL[milestoneState(m, today)],
  }));
  return batch(milestones, take, rows);
}

/** Every accrual report ever kept, not only the latest: the history a chart is drawn from. */
export async function accrualBatch(after: string | undefined, take: number): Promise<ExportBatch> {
  const reports = await db.accrualUpdate.findMany({
    ...byId(after, take),
    select: {
      id: true,
      date: true,
      total: true,
      country: true,
      source: true,
      demo: true,
      createdAt: true,
      organization: { select: { shortName: true } },
      componentStudy: { select: { name: true } },
      trial: trialOf,
    },
  });
  const rows = reports.map((a) => ({
    id: a.id,
    proposalId: a.trial.proposal.id,
    title: a.trial.proposal.title,
    date: a.date ?? "",
    scope: a.componentStudy ? "Component study" : a.organization ? "Organization" : a.country ? "Country" : "Overall",
    study: a.componentStudy?.name ?? "",
    organization: a.organization?.shortName ?? "",
    countryCode: a.country && /^[A-Z]{2}$/.test(a.country) ? a.country : "",
    country: a.country ? countryLabel(a.country) : "",
    total: a.total,
    source: a.source,
    // Demo data's invented figures, never to be read as facts.
    illustrative: a.demo ? "Illustrative (demo)" : "",
    recorded: a.createdAt.toISOString(),
  }));
  return batch(reports, take, rows);
}
