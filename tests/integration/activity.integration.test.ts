import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { groupActivity, organizationActivity } from "@/lib/activity/queries";
import { postComment } from "@/lib/discussion";
import { recordInterest } from "@/lib/proposals/mutations";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let charlie: Actor; // COSA representative
let orphan: Actor;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  charlie = await actorFor(db, "charlie.consort@cosa.irci.example");
  orphan = await makePerson(db);
});
afterAll(() => db.$disconnect());

describe("activity feeds", () => {
  it("a group's feed shows what happened to its proposals and its discussion, never sign-ins", async () => {
    await recordInterest(charlie, "demo-anal-maintenance", {
      level: "PARTICIPATE",
      expectedSites: "6",
      expectedPatientsPerYear: "8",
      note: "",
    });
    const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "anal" } });
    await postComment(charlie, "group", group.id, { body: "Hello group" });
    await db.auditEvent.create({
      data: { actorId: charlie.userId, action: "auth.signed_in", entityType: "user", entityId: charlie.userId },
    });
    const { events, titles } = await groupActivity(charlie, "anal");
    const actions = events.map((e) => e.action);
    expect(actions).toContain("interest.recorded");
    expect(actions).toContain("comment.posted");
    expect(actions).not.toContain("auth.signed_in");
    expect(titles.get("demo-anal-maintenance")).toMatch(/Maintenance immunotherapy/);
    // Other groups' proposals stay out.
    const inGroup = new Set((await db.proposal.findMany({ where: { groupId: group.id }, select: { id: true } })).map((p) => p.id));
    expect(events.every((e) => e.entityType !== "proposal" || inGroup.has(e.entityId!))).toBe(true);
    expect(events.some((e) => e.entityId === "irci-gog-0277")).toBe(false);
  });

  it("an organization's feed shows what its people did", async () => {
    const { events } = await organizationActivity(charlie, "cosa");
    expect(events.some((e) => e.action === "interest.recorded")).toBe(true);
    expect(events.every((e) => e.action !== "auth.signed_in")).toBe(true);
  });

  it("refuses people who cannot see groups and organizations", async () => {
    expect((await refusal(groupActivity(orphan, "anal"))).code).toBe("FORBIDDEN");
    expect((await refusal(organizationActivity(null, "cosa"))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(groupActivity(charlie, "nope"))).code).toBe("NOT_FOUND");
  });
});
