import "server-only";
import { nudgeMailWorker } from "@/lib/jobs/nudge";
import { requireKey } from "@/lib/validation";
import { db } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/prisma-client";
import { notifyProposal } from "@/lib/notifications";
import { commentPreview, renderComment } from "./render";
import { mentionNames, resolveMentions } from "./people";
import { assertThread, type ThreadType } from "./thread";
import { ZCommentBody } from "./schema";
import { allowed, assertAllowed } from "@/lib/authz/rules";
import { shared } from "@/lib/shared-cache";
import { PROPOSAL_CACHE_TTL_MS, proposalCacheKey } from "@/lib/proposals/page-cache";

export { THREAD_TYPES, type ThreadType } from "./thread";

export const COMMENTS_SHOWN = 200;

/** A thread's comments as stored, rendered, for every reader alike (who may do what is added per reader). */
async function readComments(type: ThreadType, id: string) {
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
  // Mentions show their person's current name, looked up once for the whole thread.
  const names = await mentionNames(
    db,
    rows.filter((c) => !c.deletedAt).map((c) => c.body),
  );
  return rows.map((c) => ({
    id: c.id,
    parentId: c.parentId,
    createdAt: c.createdAt,
    edited: c.editedAt !== null,
    deleted: c.deletedAt !== null,
    html: c.deletedAt ? null : renderComment(c.body, names),
    body: c.deletedAt ? null : c.body,
    author: c.author ? `${c.author.name}${c.author.membership ? ` (${c.author.membership.organization.shortName})` : ""}` : "Former member",
    authorId: c.authorId,
  }));
}

/**
 * A thread's comments for this reader. A proposal's are rendered once for all its readers and kept
 * with the rest of its page (lib/proposals/page-cache.ts), dropped when a comment changes.
 */
export async function listComments(actor: Actor | null, type: ThreadType, id: string) {
  let reader: Actor;
  let stored: Awaited<ReturnType<typeof readComments>>;
  if (type === "proposal") {
    // assertThread's checks, with the proposal's existence read once for all readers.
    const proposalId = requireKey(id, "proposal");
    assertCan(actor, "proposal.view");
    reader = actor;
    stored = await shared(proposalCacheKey(proposalId, "comments"), PROPOSAL_CACHE_TTL_MS, async () => {
      const [exists, comments] = await Promise.all([db.proposal.count({ where: { id: proposalId } }), readComments(type, proposalId)]);
      if (!exists) throw new AppError("NOT_FOUND", "No such proposal.");
      return comments;
    });
  } else {
    reader = (await assertThread(actor, type, id)).reader;
    stored = await readComments(type, id);
  }
  const comments = stored.map(({ authorId, ...c }) => ({
    ...c,
    mine: allowed(reader, "comment.edit", { authorId }),
    canDelete: allowed(reader, "comment.delete", { authorId }),
  }));
  const top = comments.filter((c) => !c.parentId);
  return top.map((c) => ({ ...c, replies: comments.filter((r) => r.parentId === c.id) }));
}

/** Tells each person the text mentions (lib/discussion/people.ts), once per comment. */
async function notifyMentions(
  tx: Prisma.TransactionClient,
  actor: Actor,
  commentId: string,
  body: string,
  thread: { title: string; link: string },
) {
  const mentions = await resolveMentions(tx, body);
  const people = mentions.people.filter((id) => id !== actor.userId);
  const me = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
  const preview = commentPreview(body, mentions.names);
  await tx.notification.createMany({
    data: people.map((id) => ({
      userId: id,
      kind: "comment.mention",
      title: `${me.name} mentioned you: ${thread.title}`,
      body: preview,
      link: `${thread.link}#comment-${commentId}`,
      dedupeKey: `mention:${commentId}:${id}`,
    })),
    skipDuplicates: true,
  });
  return { notified: new Set(people), preview, ambiguous: mentions.ambiguous };
}

export async function postComment(
  actor: Actor | null,
  type: ThreadType,
  threadId: string,
  raw: { body: string; parentId?: string | null },
) {
  const thread = await assertThread(actor, type, threadId);
  const author = thread.reader;
  const body = ZCommentBody.safeParse(raw.body);
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
    const { notified: mentioned, preview, ambiguous } = await notifyMentions(tx, author, comment.id, body.data, thread);
    if (answers && answers !== author.userId && !mentioned.has(answers)) {
      await tx.notification.create({
        data: {
          userId: answers,
          kind: "comment.reply",
          title: `New reply: ${thread.title}`,
          body: preview,
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
          body: preview,
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
    return { ...comment, ambiguous };
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
  const body = ZCommentBody.safeParse(raw);
  if (!body.success) throw new ValidationError({ body: body.error.issues[0]!.message });
  return db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, body: comment.body, deletedAt: null },
      data: { body: body.data, editedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "The comment changed a moment ago. Reload, then edit again.");
    await tx.commentRevision.create({ data: { commentId, body: comment.body, createdAt: comment.editedAt ?? comment.createdAt } });
    const { ambiguous } = await notifyMentions(tx, actor, commentId, body.data, thread);
    await audit(tx, {
      actorId: actor.userId,
      action: "comment.edited",
      entityType: comment.threadType,
      entityId: comment.threadId,
      data: { commentId },
    });
    return { link: thread.link, ambiguous };
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
