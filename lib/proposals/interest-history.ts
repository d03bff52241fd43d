// Each organization's interest in a proposal over time, told as changes: from what level to what,
// by whom and when. Pure: the query in queries.ts hands over each organization's latest records.
import type { InterestLevel } from "@/lib/generated/prisma/enums";

/** The changes shown per organization; the record before the oldest one shown is read too, for its "from". */
export const INTEREST_CHANGES_SHOWN = 10;

export interface InterestRecordRow {
  id: string;
  organizationId: string;
  level: InterestLevel;
  expectedSites: number | null;
  expectedPatientsPerYear: number | null;
  note: string;
  recordedAt: Date;
  recordedBy: string | null;
}

export interface InterestChange {
  id: string;
  at: Date;
  by: string | null;
  /** Null for the organization's first recorded interest. */
  from: InterestLevel | null;
  to: InterestLevel;
  expectedSites: number | null;
  expectedPatientsPerYear: number | null;
  note: string;
}

export interface InterestHistory {
  /** Newest first. */
  changes: InterestChange[];
  /** True when older changes exist than those shown. */
  earlier: boolean;
}

/** Rows of any organizations, each organization's newest first (at most INTEREST_CHANGES_SHOWN + 1 each). */
export function interestHistories(rows: InterestRecordRow[]): Map<string, InterestHistory> {
  const byOrg = new Map<string, InterestRecordRow[]>();
  for (const row of rows) byOrg.set(row.organizationId, [...(byOrg.get(row.organizationId) ?? []), row]);
  const out = new Map<string, InterestHistory>();
  for (const [org, records] of byOrg) {
    const sorted = [...records].sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || (a.id < b.id ? 1 : -1));
    const shown = sorted.slice(0, INTEREST_CHANGES_SHOWN);
    out.set(org, {
      changes: shown.map((r, i) => ({
        id: r.id,
        at: r.recordedAt,
        by: r.recordedBy,
        from: sorted[i + 1]?.level ?? null,
        to: r.level,
        expectedSites: r.expectedSites,
        expectedPatientsPerYear: r.expectedPatientsPerYear,
        note: r.note,
      })),
      earlier: sorted.length > INTEREST_CHANGES_SHOWN,
    });
  }
  return out;
}
