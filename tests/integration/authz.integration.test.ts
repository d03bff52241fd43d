// Every read in lib/ checks its permission next to the data: each is called here by an allowed
// and by refused actors (anonymous, and a signed-in person without the capability).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/policy";
import { listOrganizations, getOrganization } from "@/lib/organizations/queries";
import { listGroups, getGroup } from "@/lib/groups/queries";
import { dashboardFor } from "@/lib/dashboard/queries";
import { listAuditEvents } from "@/lib/audit/queries";
import { makePerson } from "../support/fixtures";

let member: Actor;
let representative: Actor;
let secretariat: Actor;
let orphan: Actor;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  member = await makePerson(db, { org: "jcog", role: "MEMBER" });
  representative = await makePerson(db, { org: "cosa", role: "REPRESENTATIVE" });
  secretariat = await makePerson(db, { secretariat: true });
  orphan = await makePerson(db); // signed in, but neither in an organization nor the secretariat
});
afterAll(() => db.$disconnect());

async function refusedWith(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

const READS: [string, (actor: Actor | null) => Promise<unknown>][] = [
  ["listOrganizations", (a) => listOrganizations(a)],
  ["getOrganization", (a) => getOrganization(a, "nci")],
  ["listGroups", (a) => listGroups(a)],
  ["getGroup", (a) => getGroup(a, "anal")],
  ["dashboardFor", (a) => dashboardFor(a)],
];

describe.each(READS)("%s", (_name, read) => {
  it("serves a member, a representative and the secretariat", async () => {
    for (const actor of [member, representative, secretariat]) await expect(read(actor)).resolves.toBeTruthy();
  });
  it("refuses an anonymous caller and a person outside every organization", async () => {
    expect(await refusedWith(read(null))).toBe("UNAUTHENTICATED");
    expect(await refusedWith(read(orphan))).toBe("FORBIDDEN");
  });
});

describe("listAuditEvents (secretariat only)", () => {
  it("serves the secretariat", async () => {
    await db.auditEvent.create({ data: { action: "test.event", entityType: "test", actorId: secretariat.userId } });
    const page = await listAuditEvents(secretariat);
    expect(page.items.some((e) => e.action === "test.event")).toBe(true);
  });
  it("refuses a member, a representative, an outsider and an anonymous caller", async () => {
    expect(await refusedWith(listAuditEvents(member))).toBe("FORBIDDEN");
    expect(await refusedWith(listAuditEvents(representative))).toBe("FORBIDDEN");
    expect(await refusedWith(listAuditEvents(orphan))).toBe("FORBIDDEN");
    expect(await refusedWith(listAuditEvents(null))).toBe("UNAUTHENTICATED");
  });
});

describe("what the reads return", () => {
  it("lists the eight organizations with their representatives", async () => {
    const orgs = await listOrganizations(member);
    expect(orgs).toHaveLength(8);
    expect(orgs.every((o) => o.memberships.length >= 1)).toBe(true);
  });

  it("answers NOT_FOUND for an unknown organization or group", async () => {
    expect(await refusedWith(getOrganization(member, "nope"))).toBe("NOT_FOUND");
    expect(await refusedWith(getGroup(member, "nope"))).toBe("NOT_FOUND");
  });

  it("shows a group's chairs and its members from several organizations", async () => {
    const group = await getGroup(member, "uterine-sarcoma");
    expect(group.members.filter((m) => m.role === "CHAIR").length).toBe(2);
    const orgs = new Set(group.members.map((m) => m.user.membership?.organization.shortName));
    expect(orgs.size).toBeGreaterThan(1);
  });

  it("paginates and filters the groups list", async () => {
    const active = await listGroups(member, { status: "ACTIVE" });
    expect(active.items.every((g) => g.status === "ACTIVE")).toBe(true);
    const beyond = await listGroups(member, { page: 99 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(await db.expertGroup.count());
  });

  it("gives the dashboard my organization and my groups", async () => {
    const chair = await db.user.findUniqueOrThrow({ where: { email: "casey.cohort@nci.irci.example" }, include: { membership: true } });
    const data = await dashboardFor({
      userId: chair.id,
      organizationId: chair.membership!.organizationId,
      orgRole: "MEMBER",
      secretariat: false,
    });
    expect(data.organization?.shortName).toBe("NCI");
    expect(data.myGroups.some((g) => g.role === "CHAIR" && g.group.slug === "uterine-sarcoma")).toBe(true);
    expect(data.counts.organizations).toBe(8);
  });
});
