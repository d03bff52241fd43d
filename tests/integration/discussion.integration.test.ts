// Discussion of proposals and groups: who reads and writes, replies, mentions that reach only people
// who can see the thread, edits that keep the earlier text, and deletion that leaves a marker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { deleteComment, editComment, listComments, postComment, type ThreadType } from "@/lib/discussion";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let riley: Actor;
let robin: Actor;
let orphan: Actor; // signed in, but in no organization and not the secretariat
let secretariat: Actor;
const PROPOSAL = "demo-anal-maintenance";

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  riley = await actorFor(db, "riley.placebo@nci.irci.example");
  robin = await actorFor(db, "robin.crossover@eortc.irci.example");
  orphan = await makePerson(db);
  secretariat = await makePerson(db, { secretariat: true });
});
afterAll(() => db.$disconnect());

describe("reading and writing", () => {
  it("people who can see the proposal read and write its discussion; others cannot", async () => {
    await postComment(riley, "proposal", PROPOSAL, { body: "NCI could open **six** sites." });
    expect((await listComments(robin, "proposal", PROPOSAL)).at(-1)).toMatchObject({
      html: "<p>NCI could open <strong>six</strong> sites.</p>\n",
      author: "Riley Placebo (NCI)",
    });
    expect((await refusal(postComment(orphan, "proposal", PROPOSAL, { body: "hello" }))).code).toBe("FORBIDDEN");
    expect((await refusal(listComments(orphan, "proposal", PROPOSAL))).code).toBe("FORBIDDEN");
    expect((await refusal(postComment(null, "proposal", PROPOSAL, { body: "hello" }))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(listComments(riley, "proposal", "no-such-proposal"))).code).toBe("NOT_FOUND");
    expect((await refusal(postComment(riley, "proposal", PROPOSAL, { body: "   " }))).code).toBe("INVALID");
    expect(await db.auditEvent.count({ where: { action: "comment.posted", entityId: PROPOSAL } })).toBe(1);
  });

  it("a forged thread type is refused and nothing is stored (it would be shown nowhere)", async () => {
    const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "thymoma" } });
    const before = await db.comment.count();
    expect((await refusal(postComment(robin, "poll" as ThreadType, group.id, { body: "Where does this go?" }))).code).toBe("NOT_FOUND");
    expect(await db.comment.count()).toBe(before);
  });

  it("posting answers with the thread's own page, which the action refreshes (never a path from the client)", async () => {
    const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "salivary" } });
    expect((await postComment(robin, "group", group.id, { body: "Agenda attached." })).link).toBe("/groups/salivary");
    expect((await postComment(robin, "proposal", PROPOSAL, { body: "Noted." })).link).toBe(`/proposals/${PROPOSAL}`);
  });

  it("groups have their discussion too", async () => {
    const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "thymoma" } });
    await postComment(robin, "group", group.id, { body: "Shall we meet in March?" });
    expect(await listComments(riley, "group", group.id)).toHaveLength(1);
  });
});

describe("replies and mentions", () => {
  it("a reply is threaded under its comment and tells the comment's author", async () => {
    const first = await postComment(robin, "proposal", PROPOSAL, { body: "Who leads the translational work?" });
    const reply = await postComment(riley, "proposal", PROPOSAL, { body: "NCI can.", parentId: first.id });
    // A reply to a reply joins the same thread.
    await postComment(robin, "proposal", PROPOSAL, { body: "Thanks!", parentId: reply.id });
    const thread = (await listComments(riley, "proposal", PROPOSAL)).find((c) => c.id === first.id)!;
    expect(thread.replies.map((r) => r.body)).toEqual(["NCI can.", "Thanks!"]);
    expect(await db.notification.count({ where: { userId: robin.userId, kind: "comment.reply" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: riley.userId, kind: "comment.reply" } })).toBe(1);
  });

  it("a mention reaches people who can see the thread, and only them, once", async () => {
    const ghost = await makePerson(db); // no organization: cannot see proposals
    const ghostHandle = ghost.email.split("@")[0];
    const c = await postComment(robin, "proposal", PROPOSAL, { body: `@riley.placebo and @${ghostHandle}, please look.` });
    expect(
      await db.notification.count({
        where: { userId: riley.userId, kind: "comment.mention", dedupeKey: `mention:${c.id}:${riley.userId}` },
      }),
    ).toBe(1);
    expect(await db.notification.count({ where: { userId: ghost.userId } })).toBe(0);
    await editComment(robin, c.id, `@riley.placebo and @${ghostHandle}, please look again.`);
    expect(
      await db.notification.count({
        where: { userId: riley.userId, kind: "comment.mention", dedupeKey: `mention:${c.id}:${riley.userId}` },
      }),
    ).toBe(1);
  });
});

describe("mentions match handles exactly", () => {
  it.each(["@r____.placebo", "@r%.placebo", "@riley_placebo", "@riley.placeb"])("%s reaches nobody", async (handle) => {
    const before = await db.notification.count({ where: { userId: riley.userId, kind: "comment.mention" } });
    await postComment(robin, "proposal", PROPOSAL, { body: `${handle}, please look.` });
    expect(await db.notification.count({ where: { userId: riley.userId, kind: "comment.mention" } })).toBe(before);
  });

  it("a handle in capitals still reaches its person", async () => {
    const c = await postComment(robin, "proposal", PROPOSAL, { body: "@Riley.Placebo, please look." });
    expect(
      await db.notification.count({
        where: { userId: riley.userId, kind: "comment.mention", dedupeKey: `mention:${c.id}:${riley.userId}` },
      }),
    ).toBe(1);
  });
});

describe("editing and deleting", () => {
  it("only the author edits; the earlier text is kept", async () => {
    const c = await postComment(riley, "proposal", PROPOSAL, { body: "First version" });
    expect((await refusal(editComment(robin, c.id, "Hijacked"))).code).toBe("FORBIDDEN");
    expect((await refusal(editComment(secretariat, c.id, "Secretariat edit"))).code).toBe("FORBIDDEN");
    await editComment(riley, c.id, "Second version");
    const revisions = await db.commentRevision.findMany({ where: { commentId: c.id } });
    expect(revisions.map((r) => r.body)).toEqual(["First version"]);
    expect((await listComments(robin, "proposal", PROPOSAL)).find((x) => x.id === c.id)).toMatchObject({
      body: "Second version",
      edited: true,
    });
  });

  it("the author or the secretariat deletes, leaving a marker; others cannot", async () => {
    const c = await postComment(riley, "proposal", PROPOSAL, { body: "To be removed" });
    expect((await refusal(deleteComment(robin, c.id))).code).toBe("FORBIDDEN");
    await deleteComment(secretariat, c.id);
    const shown = (await listComments(robin, "proposal", PROPOSAL)).find((x) => x.id === c.id);
    expect(shown).toMatchObject({ deleted: true, html: null, body: null });
    expect((await db.commentRevision.findFirstOrThrow({ where: { commentId: c.id } })).body).toBe("To be removed");
    expect((await refusal(deleteComment(riley, c.id))).code).toBe("CONFLICT");
    expect((await refusal(editComment(riley, c.id, "back"))).code).toBe("CONFLICT");
  });
});
