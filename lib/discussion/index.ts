import "server-only";
import { nudgeMailWorker } from "@/lib/jobs/nudge";
import { z } from "zod";
import { plainText, requireKey } from "@/lib/validation";
import { db } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/prisma-client";
import { notifyProposal } from "@/lib/notifications";
import { mentionedHandles, renderComment } from "./render";
import { allowed, assertAllowed } from "@/lib/authz/rules";

export const THREAD_TYPES = ["proposal", "group"] as const;
export type ThreadType = (typeof THREAD_TYPES)[number];

const ZBody = plainText(10_000).pipe(z.string().min(1, "Write something first."));

/** Whoever may see the proposal or the group may read and write its discussion; nobody else. */
async function assertThread(actor: Actor | null, type: ThreadType, id: string): Promise<{ title: string; link: string; reader: Actor }> {
  // The type arrives from a form: only the two kinds of discussion exist.
  if (!(THREAD_TYPES as readonly string[]).includes(type)) throw new AppError("NOT_FOUND", "No such discussion.");
  id = requireKey(id, type === "proposal" ? "proposal" : "expert group");
  if (type === "proposal") {
    assertCan(actor, "proposal.view");
    const p = await db.proposal.findUnique({ where: { id }, select: { title: true } });
    if (!p) throw new AppError("NOT_FOUND", "No such proposal.");
    return { title: p.title, link: `/proposals/${id}`, reader: actor };
  }
  assertCan(actor, "group.view");
  const g = await db.expertGroup.findUnique({ where: { id }, select: { name: true, slug: true } });
  if (!g) throw new AppError("NOT_FOUND", "No such expert group.");
  return { title: g.name, link: `/groups/${g.slug}`, reader: actor };
}

export const COMMENTS_SHOWN = 200;

export async function listComments(actor: Actor | null, type: ThreadType, id: string) {
  await assertThread(actor, type, id);
  const rows = await db.comment.findMany({
    where: { threadType: type, threadId: id },
    orderBy: { createdAt: "asc" },
    take: COMMENTS_SHOWN,
    select: {
      id: true,
      parentId: true,
      body: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      authorId: true,
      author: { select: { name: true, membership: { select: { organization: { select: { shortName: true } } } } } },
      _count: { select: { revisions: true } },
    },
  });
  const comments = rows.map((c) => ({
    id: c.id,
    parentId: c.parentId,
    createdAt: c.createdAt,
    edited: c.editedAt !== null,
    deleted: c.deletedAt !== null,
    html: c.deletedAt ? null : renderComment(c.body),
    body: c.deletedAt ? null : c.body,
    author: c.author ? `${c.author.name}${c.author.membership ? ` (${c.author.membership.organization.shortName})` : ""}` : "Former member",
    mine: allowed(actor, "comment.edit", c),
    canDelete: allowed(actor, "comment.delete", c),
  }));
  const top = comments.filter((c) => !c.parentId);
  return top.map((c) => ({ ...c, replies: comments.filter((r) => r.parentId === c.id) }));
}

/**
 * People a text mentions who can see the thread: active members of an organization, or the
 * secretariat. A handle names the part of an address before the "@", compared whole and exactly
 * (never as a LIKE pattern, where "_" and "%" would match other people).
 */
async function mentionedPeople(tx: Prisma.TransactionClient, body: string) {
  const handles = mentionedHandles(body);
  if (handles.length === 0) return [];
  const named = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE lower(split_part(email, '@', 1)) = ANY(${handles}::text[]) LIMIT 20`;
  if (named.length === 0) return [];
  return tx.user.findMany({
    where: { id: { in: named.map((n) => n.id) }, active: true, OR: [{ membership: { isNot: null } }, { secretariat: true }] },
    select: { id: true },
  });
}

async function notifyMentions(
  tx: Prisma.TransactionClient,
  actor: Actor,
  commentId: string,
  body: string,
  thread: { title: string; link: string },
) {
  const people = (await mentionedPeople(tx, body)).filter((p) => p.id !== actor.userId);
  const me = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
  await tx.notification.createMany({
    data: people.map((p) => ({
      userId: p.id,
      kind: "comment.mention",
      title: `${me.name} mentioned you: ${thread.title}`,
      body: body.slice(0, 200),
      link: `${thread.link}#comment-${commentId}`,
      dedupeKey: `mention:${commentId}:${p.id}`,
    })),
    skipDuplicates: true,
  });
  return new Set(people.map((p) => p.id));
}

export async function postComment(
  actor: Actor | null,
  type: ThreadType,
  threadId: string,
  raw: { body: string; parentId?: string | null },
) {
  const thread = await assertThread(actor, type, threadId);
  const author = thread.reader;
  const body = ZBody.safeParse(raw.body);
  if (!body.success) throw new ValidationError({ body: body.error.issues[0]!.message });
  // One level of replies: a reply to a reply joins the same thread, and tells whom it answers.
  let parentId: string | null = null;
  let answers: string | null = null;
  if (raw.parentId) {
    const replyTo = requireKey(raw.parentId, "comment to reply to");
    const found = await db.comment.findFirst({
      where: { id: replyTo, threadType: type, threadId },
      select: { id: true, parentId: true, authorId: true },
    });
    if (!found) throw new AppError("NOT_FOUND", "The comment you reply to is not in this discussion.");
    parentId = found.parentId ?? found.id;
    answers = found.authorId;
  }
  const posted = await db.$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { threadType: type, threadId, parentId, authorId: author.userId, body: body.data } });
    const mentioned = await notifyMentions(tx, author, comment.id, body.data, thread);
    if (answers && answers !== author.userId && !mentioned.has(answers)) {
      await tx.notification.create({
        data: {
          userId: answers,
          kind: "comment.reply",
          title: `New reply: ${thread.title}`,
          body: body.data.slice(0, 200),
          link: `${thread.link}#comment-${comment.id}`,
        },
      });
    }
    if (type === "proposal") {
      await notifyProposal(
        tx,
        threadId,
        { kind: "comment", commentAuthor: author.userId, mentioned: [...mentioned], repliedTo: answers },
        author.userId,
        {
          kind: "comment.new",
          title: `New comment: ${thread.title}`,
          body: body.data.slice(0, 200),
          link: `${thread.link}#comment-${comment.id}`,
        },
      );
    }
    await audit(tx, {
      actorId: author.userId,
      action: "comment.posted",
      entityType: type,
      entityId: threadId,
      data: { commentId: comment.id },
    });
    return comment;
  });
  nudgeMailWorker();
  return { ...posted, link: thread.link };
}

/** Only its author edits a comment; the earlier text is kept. */
export async function editComment(actor: Actor | null, commentId: string, raw: string) {
  commentId = requireKey(commentId, "comment");
  assertCan(actor, "proposal.view");
  const comment = await db.comment.findUnique({ where: { id: commentId } });
  if (!comment) throw new AppError("NOT_FOUND", "No such comment.");
  const thread = await assertThread(actor, comment.threadType as ThreadType, comment.threadId);
  assertAllowed(actor, "comment.edit", comment);
  if (comment.deletedAt) throw new AppError("CONFLICT", "This comment was deleted.");
  const body = ZBody.safeParse(raw);
  if (!body.success) throw new ValidationError({ body: body.error.issues[0]!.message });
  return db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, body: comment.body, deletedAt: null },
      data: { body: body.data, editedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "The comment changed a moment ago. Reload, then edit again.");
    await tx.commentRevision.create({ data: { commentId, body: comment.body, createdAt: comment.editedAt ?? comment.createdAt } });
    await notifyMentions(tx, actor, commentId, body.data, thread);
    await audit(tx, {
      actorId: actor.userId,
      action: "comment.edited",
      entityType: comment.threadType,
      entityId: comment.threadId,
      data: { commentId },
    });
    return { link: thread.link };
  });
}

/** Its author or the secretariat deletes a comment: a marker stays, the text goes to its history. */
export async function deleteComment(actor: Actor | null, commentId: string) {
  commentId = requireKey(commentId, "comment");
  assertCan(actor, "proposal.view");
  const comment = await db.comment.findUnique({ where: { id: commentId } });
  if (!comment) throw new AppError("NOT_FOUND", "No such comment.");
  const thread = await assertThread(actor, comment.threadType as ThreadType, comment.threadId);
  assertAllowed(actor, "comment.delete", comment);
  await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, deletedAt: null },
      data: { deletedAt: new Date(), deletedById: actor.userId, body: "" },
    });
    if (count === 0) throw new AppError("CONFLICT", "This comment was already deleted.");
    await tx.commentRevision.create({ data: { commentId, body: comment.body, createdAt: comment.editedAt ?? comment.createdAt } });
    await audit(tx, {
      actorId: actor.userId,
      action: "comment.deleted",
      entityType: comment.threadType,
      entityId: comment.threadId,
      data: { commentId },
    });
  });
  return { link: thread.link };
}
