// Discussion of proposals and groups: who reads and writes, replies, mentions that reach only people
// who can see the thread, edits that keep the earlier text, and deletion that leaves a marker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { deleteComment, editComment, listComments, postComment, type ThreadType } from "@/lib/discussion";
import { suggestMentions } from "@/lib/discussion/people";
import { mentionToken } from "@/lib/discussion/mentions";
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

describe("mentions picked from the suggestions (issue 14)", () => {
  let janeNci: string;
  let janeEortc: string;
  let janeOutside: string;
  let janeGone: string;

  beforeAll(async () => {
    const org = (slug: string) => db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const [nci, eortc] = await Promise.all([org("nci"), org("eortc")]);
    const person = async (email: string, name: string, organizationId?: string, active = true) =>
      (
        await db.user.create({
          data: { email, name, active, membership: organizationId ? { create: { organizationId } } : undefined },
        })
      ).id;
    // Two people with the same address before the "@", at two organizations.
    janeNci = await person("jane.doe@nci.test.irci.example", "Jane Doe", nci.id);
    janeEortc = await person("jane.doe@eortc.test.irci.example", "Jane Doe", eortc.id);
    // Signed in somewhere, but in no organization: cannot see proposals.
    janeOutside = await person("jane.outside@test.irci.example", "Jane Outside");
    janeGone = await person("jane.gone@nci.test.irci.example", "Jane Gone", nci.id, false);
  });

  const mentions = (userId: string, commentId: string) =>
    db.notification.findMany({ where: { userId, kind: "comment.mention", dedupeKey: `mention:${commentId}:${userId}` } });

  it("suggests both Jane Does with their organizations, and nobody who cannot see the proposal", async () => {
    const found = await suggestMentions(robin, "proposal", PROPOSAL, "jane");
    expect(found).toEqual(
      expect.arrayContaining([
        { id: janeNci, name: "Jane Doe", organization: "NCI" },
        { id: janeEortc, name: "Jane Doe", organization: "EORTC" },
      ]),
    );
    const ids = found.map((p) => p.id);
    expect(ids).not.toContain(janeOutside);
    expect(ids).not.toContain(janeGone);
    // By the start of the last name, of the address, or the organization; never the asker.
    expect((await suggestMentions(robin, "proposal", PROPOSAL, "doe")).map((p) => p.id)).toEqual(
      expect.arrayContaining([janeNci, janeEortc]),
    );
    expect((await suggestMentions(robin, "proposal", PROPOSAL, "jane.d")).map((p) => p.id).sort()).toEqual([janeNci, janeEortc].sort());
    expect((await suggestMentions(robin, "proposal", PROPOSAL, "robin")).map((p) => p.id)).not.toContain(robin.userId);
    expect((await suggestMentions(riley, "proposal", PROPOSAL, "robin")).map((p) => p.id)).toContain(robin.userId);
  });

  it("suggests at most eight people, reads typed text literally, and asks for nothing on an empty query", async () => {
    expect(await suggestMentions(robin, "proposal", PROPOSAL, "")).toEqual([]);
    expect(await suggestMentions(robin, "proposal", PROPOSAL, "%")).toEqual([]);
    expect(await suggestMentions(robin, "proposal", PROPOSAL, "j_ne")).toEqual([]);
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "cctg" } });
    for (let i = 0; i < 10; i++)
      await db.user.create({
        data: { email: `many.${i}@cctg.test.irci.example`, name: `Manyname ${i}`, membership: { create: { organizationId: org.id } } },
      });
    expect(await suggestMentions(robin, "proposal", PROPOSAL, "manyname")).toHaveLength(8);
  });

  it("refuses suggestions to someone who cannot write in the discussion", async () => {
    expect((await refusal(suggestMentions(orphan, "proposal", PROPOSAL, "jane"))).code).toBe("FORBIDDEN");
    expect((await refusal(suggestMentions(null, "proposal", PROPOSAL, "jane"))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(suggestMentions(robin, "proposal", "no-such-proposal", "jane"))).code).toBe("NOT_FOUND");
    expect((await refusal(suggestMentions(robin, "poll" as ThreadType, PROPOSAL, "jane"))).code).toBe("NOT_FOUND");
    expect((await refusal(suggestMentions(robin, "proposal", PROPOSAL, "j".repeat(41)))).fields).toHaveProperty("q");
  });

  it("a picked mention reaches exactly the person picked, shown by name", async () => {
    const c = await postComment(robin, "proposal", PROPOSAL, {
      body: `${mentionToken({ id: janeNci, name: "Jane Doe" })}, could NCI **lead**?`,
    });
    expect(await mentions(janeNci, c.id)).toHaveLength(1);
    expect(await mentions(janeEortc, c.id)).toHaveLength(0);
    expect((await mentions(janeNci, c.id))[0]!.body).toBe("@Jane Doe, could NCI lead?");
    const shown = (await listComments(riley, "proposal", PROPOSAL)).find((x) => x.id === c.id)!;
    expect(shown.html).toBe('<p><span class="mention">@Jane Doe</span>, could NCI <strong>lead</strong>?</p>\n');
  });

  it("an old-style handle two people share reaches neither, and the author is told", async () => {
    const c = await postComment(robin, "proposal", PROPOSAL, { body: "@jane.doe please look." });
    expect(c.ambiguous).toEqual(["jane.doe"]);
    expect(await mentions(janeNci, c.id)).toHaveLength(0);
    expect(await mentions(janeEortc, c.id)).toHaveLength(0);
    const edited = await editComment(robin, c.id, "@jane.doe please look again.");
    expect(edited.ambiguous).toEqual(["jane.doe"]);
    expect(await db.notification.count({ where: { userId: { in: [janeNci, janeEortc] }, dedupeKey: { contains: c.id } } })).toBe(0);
  });

  it("a token naming someone who cannot see the proposal reaches nobody and shows no name", async () => {
    const c = await postComment(robin, "proposal", PROPOSAL, {
      body: `@[Someone](user:${janeOutside}) and @[Someone else](user:${janeGone}), see this.`,
    });
    expect(await db.notification.count({ where: { userId: { in: [janeOutside, janeGone] } } })).toBe(0);
    const shown = (await listComments(riley, "proposal", PROPOSAL)).find((x) => x.id === c.id)!;
    expect(shown.html).toBe("<p>@Someone and @Someone else, see this.</p>\n");
    expect(shown.html).not.toContain("Jane");
  });

  it("notifications carry plain text cut on a word, never raw Markdown cut inside a link", async () => {
    const follower = await makePerson(db, { org: "nci" });
    await db.proposalFollow.create({ data: { proposalId: PROPOSAL, userId: follower.userId } });
    const body = `${mentionToken({ id: janeEortc, name: "Jane Doe" })} ${"please read ".repeat(15)}[the protocol on ClinicalTrials.gov](https://clinicaltrials.gov/study/NCT01533207) today`;
    const c = await postComment(robin, "proposal", PROPOSAL, { body });
    const [mention] = await mentions(janeEortc, c.id);
    const [news] = await db.notification.findMany({ where: { userId: follower.userId, kind: "comment.new", link: { endsWith: c.id } } });
    for (const preview of [mention!.body, news!.body]) {
      expect(preview.startsWith("@Jane Doe please read")).toBe(true);
      expect(preview.length).toBeLessThanOrEqual(200);
      expect(preview).toMatch(/\w…$/);
      expect(preview).not.toMatch(/\]\(|https:|user:|\*\*/);
    }
  });
});
