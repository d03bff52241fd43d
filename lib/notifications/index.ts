import "server-only";
import { db } from "@/lib/db";
import { invalidateSharedOnCommit, shared } from "@/lib/shared-cache";
import { PROPOSAL_CACHE_TTL_MS, proposalCacheKey } from "@/lib/proposals/page-cache";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import { pageArgs, toPage } from "@/lib/pagination";
import { recipients, type ProposalHappening } from "./fanout";
import { requireKey } from "@/lib/validation";

type Tx = Prisma.TransactionClient;

/** Tells the people concerned about something that happened to a proposal, in the same transaction. */
export async function notifyProposal(
  tx: Tx,
  proposalId: string,
  happening: ProposalHappening,
  actorId: string | null,
  message: { kind: string; title: string; body?: string; link?: string },
) {
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: { leadOrganizationId: true, authors: { select: { userId: true } }, followers: { select: { userId: true } } },
  });
  const reps = await tx.membership.findMany({
    where: { role: { in: ["REPRESENTATIVE", "DEPUTY"] }, user: { active: true } },
    select: { userId: true, organizationId: true },
  });
  const to = recipients(happening, {
    actor: actorId,
    authors: proposal.authors.map((a) => a.userId),
    followers: proposal.followers.map((f) => f.userId),
    representatives: reps.map((r) => r.userId),
    leadRepresentatives: reps.filter((r) => r.organizationId === proposal.leadOrganizationId).map((r) => r.userId),
  });
  if (to.length === 0) return;
  await tx.notification.createMany({
    data: to.map((userId) => ({
      userId,
      kind: message.kind,
      title: message.title,
      body: message.body ?? "",
      link: message.link ?? `/proposals/${proposalId}`,
    })),
  });
}

export const NOTIFICATIONS_PER_PAGE = 30;

export async function listNotifications(actor: Actor | null, page = 1) {
  assertCan(actor, "dashboard.view");
  const where = { userId: actor.userId };
  const [items, total] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageArgs(page, NOTIFICATIONS_PER_PAGE) }),
    db.notification.count({ where }),
  ]);
  return toPage(items, total, page, NOTIFICATIONS_PER_PAGE);
}

/** Unread notifications counted for the header, at most: it shows "99+" beyond. */
export const UNREAD_COUNTED = 100;

/**
 * The header's count of unread notifications, on every page: counted up to UNREAD_COUNTED, so a
 * person who never reads them does not make every page they open slower than the last.
 */
export async function unreadCount(actor: Actor | null): Promise<number> {
  if (!actor) return 0;
  // Written out: Prisma's bounded count orders by id, which walks the primary key past everyone
  // else's notifications; this reads the person's unread ones from their index, and stops.
  const [row] = await db.$queryRaw<{ unread: number }[]>`
    SELECT count(*)::int AS "unread" FROM (
      SELECT 1 FROM "Notification" WHERE "userId" = ${actor.userId} AND "readAt" IS NULL LIMIT ${UNREAD_COUNTED}
    ) AS "shown"`;
  return row?.unread ?? 0;
}

/** The newest unread notifications, for the dashboard. */
export async function latestUnread(actor: Actor | null, take = 10) {
  assertCan(actor, "dashboard.view");
  return db.notification.findMany({
    where: { userId: actor.userId, readAt: null },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, body: true, link: true, createdAt: true, kind: true },
  });
}

/** Marks one of the actor's own notifications read; someone else's is "not found". */
export async function markRead(actor: Actor | null, id: string) {
  id = requireKey(id, "notification");
  assertCan(actor, "dashboard.view");
  const { count } = await db.notification.updateMany({ where: { id, userId: actor.userId }, data: { readAt: new Date() } });
  if (count === 0) throw new AppError("NOT_FOUND", "No such notification.");
}

export async function markAllRead(actor: Actor | null) {
  assertCan(actor, "dashboard.view");
  const { count } = await db.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

export async function setFollowing(actor: Actor | null, proposalId: string, follow: boolean) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  if (!(await db.proposal.findUnique({ where: { id: proposalId }, select: { id: true } })))
    throw new AppError("NOT_FOUND", "No such proposal.");
  if (follow) {
    await db.proposalFollow.upsert({
      where: { proposalId_userId: { proposalId, userId: actor.userId } },
      create: { proposalId, userId: actor.userId },
      update: {},
    });
  } else {
    await db.proposalFollow.deleteMany({ where: { proposalId, userId: actor.userId } });
  }
  // The proposal page keeps who follows it (see isFollowing): stale now, on every instance.
  await invalidateSharedOnCommit(db, proposalCacheKey(proposalId, "followers"));
}

/** Whether the actor follows the proposal: from who follows it, read once for all its readers. */
export async function isFollowing(actor: Actor, proposalId: string): Promise<boolean> {
  const followers = await shared(proposalCacheKey(proposalId, "followers"), PROPOSAL_CACHE_TTL_MS, async () => {
    const rows = await db.proposalFollow.findMany({ where: { proposalId }, select: { userId: true } });
    return new Set(rows.map((r) => r.userId));
  });
  return followers.has(actor.userId);
}
