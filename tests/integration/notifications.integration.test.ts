// Notifications in the portal: the fan-out of comments and status changes, following, and reading.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { postComment } from "@/lib/discussion";
import { listNotifications, markAllRead, markRead, setFollowing, UNREAD_COUNTED, unreadCount } from "@/lib/notifications";
import { createProposal, saveProposal, transitionProposal } from "@/lib/proposals/mutations";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let avery: Actor; // chairs the anal group, CRUK member
let taylor: Actor; // CRUK representative
let charlie: Actor; // COSA representative
let follower: Actor;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  avery = await actorFor(db, "avery.baseline@cruk.irci.example");
  taylor = await actorFor(db, "taylor.protocol@cruk.irci.example");
  charlie = await actorFor(db, "charlie.consort@cosa.irci.example");
  follower = await makePerson(db, { org: "jcog" });
});
afterAll(() => db.$disconnect());

const kinds = async (who: Actor, proposalId: string) =>
  (await db.notification.findMany({ where: { userId: who.userId, link: { startsWith: `/proposals/${proposalId}` } } }))
    .map((n) => n.kind)
    .sort();

describe("who hears about a proposal", () => {
  it("submitting tells authors, followers and the lead's representative, and asks every organization for its interest", async () => {
    const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "anal" } });
    const p = await createProposal(avery, {
      groupId: group.id,
      leadOrganizationId: taylor.organizationId,
      title: "Notification test proposal",
    });
    await setFollowing(follower, p.id, true);
    await saveProposal(
      avery,
      p.id,
      {
        title: "Notification test proposal",
        population: "P",
        intervention: "I",
        comparator: "C",
        primaryOutcome: "O",
        rationale: "",
        phase: "",
        randomised: "",
        sampleSize: "",
        primaryEndpoint: "",
        noOtherForum: "",
      },
      1,
    );
    await transitionProposal(avery, p.id, "submit");
    expect(await kinds(avery, p.id)).toEqual([]); // the one who acted
    expect(await kinds(follower, p.id)).toEqual(["proposal.status"]);
    expect(await kinds(taylor, p.id)).toEqual(["interest.asked", "proposal.status"]);
    expect(await kinds(charlie, p.id)).toEqual(["interest.asked"]);

    // A comment reaches the author and the follower; unfollowing stops it.
    await postComment(charlie, "proposal", p.id, { body: "COSA is keen." });
    expect(await kinds(avery, p.id)).toEqual(["comment.new"]);
    await setFollowing(follower, p.id, false);
    await postComment(charlie, "proposal", p.id, { body: "Still keen." });
    expect((await kinds(follower, p.id)).filter((k) => k === "comment.new")).toHaveLength(1);
    expect((await refusal(setFollowing(null, p.id, true))).code).toBe("UNAUTHENTICATED");
  });
});

describe("reading notifications", () => {
  it("each person reads and marks only their own", async () => {
    const before = await unreadCount(charlie);
    expect(before).toBeGreaterThan(0);
    const mine = (await listNotifications(charlie)).items[0]!;
    expect((await refusal(markRead(taylor, mine.id))).code).toBe("NOT_FOUND");
    await markRead(charlie, mine.id);
    expect(await unreadCount(charlie)).toBe(before - 1);
    expect(await markAllRead(charlie)).toBe(before - 1);
    expect(await unreadCount(charlie)).toBe(0);
    expect((await refusal(listNotifications(null))).code).toBe("UNAUTHENTICATED");
  });

  it("the header counts unread notifications up to a hundred, however many there are", async () => {
    const reader = await makePerson(db, { org: "jcog" });
    const some = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ userId: reader.userId, kind: "comment.new", title: `Unread ${from + i}`, body: "" }));
    await db.notification.createMany({ data: some(40, 0) });
    expect(await unreadCount(reader)).toBe(40);
    await db.notification.createMany({ data: some(80, 40) });
    expect(await unreadCount(reader)).toBe(UNREAD_COUNTED);
    expect(await markAllRead(reader)).toBe(120);
    expect(await unreadCount(reader)).toBe(0);
  });
});
