import "server-only";
// The work queue on the dashboard: what waits for the secretariat (or for a chair, in the groups
// they chair). Submitted proposals to review, votes closing within 72 hours or past their time but
// not closed yet, and trial milestones late or due within 30 days. Each list is bounded; the
// counts are the whole.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { DUE_WITHIN_DAYS, type MilestoneKind } from "@/lib/trials/progress";

/** How many items of each kind the dashboard lists. */
export const WORK_QUEUE_TAKE = 5;
export const VOTE_CLOSING_HOURS = 72;

/** The groups whose work the actor sees: every group (null) for the secretariat, the chaired ones for a chair. */
async function scopeOf(actor: Actor): Promise<string[] | null> {
  if (actor.secretariat) return null;
  const chaired = await db.groupMember.findMany({ where: { userId: actor.userId, role: "CHAIR" }, select: { groupId: true }, take: 100 });
  if (chaired.length === 0) throw new AppError("FORBIDDEN", "Only the secretariat and expert group chairs have a work queue.");
  return chaired.map((c) => c.groupId);
}

/** Whether the dashboard shows the actor a work queue (the secretariat, and chairs for their groups). */
export function hasWorkQueue(actor: Actor, chairsAnyGroup: boolean): boolean {
  return actor.secretariat || chairsAnyGroup;
}

export async function workQueueFor(actor: Actor | null, now = new Date()) {
  assertCan(actor, "dashboard.view");
  const groups = await scopeOf(actor);
  const inScope = groups ? { groupId: { in: groups } } : {};
  const submittedWhere = { status: "SUBMITTED" as const, ...inScope };
  const votesWhere = {
    status: "OPEN" as const,
    closesAt: { lte: new Date(now.getTime() + VOTE_CLOSING_HOURS * 3600_000) },
    proposal: inScope,
  };
  const [submitted, submittedCount, votes, votesCount, milestones] = await Promise.all([
    db.proposal.findMany({
      where: submittedWhere,
      orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }],
      take: WORK_QUEUE_TAKE,
      select: { id: true, title: true, statusChangedAt: true, group: { select: { name: true } } },
    }),
    db.proposal.count({ where: submittedWhere }),
    db.vote.findMany({
      where: votesWhere,
      orderBy: [{ closesAt: "asc" }, { id: "asc" }],
      take: WORK_QUEUE_TAKE,
      select: {
        id: true,
        closesAt: true,
        quorum: true,
        proposal: { select: { id: true, title: true } },
        // Recused organizations stand aside: they do not count toward quorum.
        _count: { select: { ballots: { where: { choice: { not: "RECUSE" } } } } },
      },
    }),
    db.vote.count({ where: votesWhere }),
    milestonesDue(groups, now),
  ]);
  return {
    submitted: {
      count: submittedCount,
      items: submitted.map((p) => ({ id: p.id, title: p.title, group: p.group.name, submittedAt: p.statusChangedAt })),
    },
    votes: {
      count: votesCount,
      items: votes.map((v) => ({
        id: v.id,
        proposalId: v.proposal.id,
        title: v.proposal.title,
        closesAt: v.closesAt,
        overdue: v.closesAt <= now,
        ballots: v._count.ballots,
        quorum: v.quorum,
      })),
    },
    milestones,
    empty: submittedCount === 0 && votesCount === 0 && milestones.late + milestones.due === 0,
  };
}

export type WorkQueue = Awaited<ReturnType<typeof workQueueFor>>;

/**
 * Milestones with a planned date and no actual one, late (the planned date, read as the last day it
 * covers, has passed: lib/trials/progress.ts) or due within 30 days; the longest overdue first.
 */
async function milestonesDue(groups: string[] | null, now: Date) {
  const horizon = new Date(now.getTime() + DUE_WITHIN_DAYS * 86400_000);
  const rows = await db.$queryRaw<
    { kind: MilestoneKind; planned: string; proposalId: string; title: string; endsAt: Date; late: number; due: number }[]
  >`
    WITH m AS (
      SELECT tm."kind"::text AS "kind", tm."planned", p."id" AS "proposalId", p."title",
        ((CASE
            WHEN tm."planned" ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN to_date(tm."planned", 'YYYY-MM-DD')
            WHEN tm."planned" ~ '^\\d{4}-\\d{2}$' THEN (to_date(tm."planned", 'YYYY-MM') + interval '1 month' - interval '1 day')::date
            ELSE make_date(left(tm."planned", 4)::int, 12, 31)
          END) + time '23:59:59') AT TIME ZONE 'UTC' AS "endsAt"
      FROM "TrialMilestone" tm
      JOIN "Trial" t ON t."id" = tm."trialId"
      JOIN "Proposal" p ON p."id" = t."proposalId"
      WHERE tm."actual" IS NULL AND tm."planned" ~ '^\\d{4}(-\\d{2}(-\\d{2})?)?$'
        AND (${groups}::text[] IS NULL OR p."groupId" = ANY(${groups}::text[]))
    )
    SELECT "kind", "planned", "proposalId", "title", "endsAt",
      (count(*) FILTER (WHERE "endsAt" < ${now}) OVER ())::int AS "late",
      (count(*) FILTER (WHERE "endsAt" >= ${now}) OVER ())::int AS "due"
    FROM m WHERE "endsAt" <= ${horizon}
    ORDER BY "endsAt" ASC, "proposalId", "kind"
    LIMIT ${WORK_QUEUE_TAKE}`;
  return {
    late: rows[0]?.late ?? 0,
    due: rows[0]?.due ?? 0,
    items: rows.map((r) => ({
      proposalId: r.proposalId,
      title: r.title,
      kind: r.kind,
      planned: r.planned,
      late: r.endsAt < now,
    })),
  };
}
