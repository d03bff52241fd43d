import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDatabase } from "@/ops/seed";
import reference from "@/prisma/data/irci-reference.json";

// Other test files add groups of their own to the same database: look only at the seeded ones.
const SEEDED = { slug: { in: reference.expertGroupCancers.items.map((c) => c.slug) } };

const db = createPrismaClient(inject("databaseUrl"), 2);
afterAll(() => db.$disconnect());

async function counts() {
  const [organizations, groups, users, memberships, groupMembers] = await Promise.all([
    db.organization.count(),
    db.expertGroup.count({ where: SEEDED }),
    db.user.count({ where: { demo: true } }),
    db.membership.count(),
    db.groupMember.count(),
  ]);
  return { organizations, groups, users, memberships, groupMembers };
}

describe("seed", () => {
  it("loads the eight organizations, nine expert groups and the demo people, and a second run changes nothing", async () => {
    await seedDatabase(db, { demo: true });
    const first = await counts();
    await seedDatabase(db, { demo: true });
    expect(await counts()).toEqual(first);
    expect(first.organizations).toBe(8);
    expect(first.groups).toBe(9);

    const orgs = await db.organization.findMany({ orderBy: { shortName: "asc" } });
    expect(orgs.map((o) => o.shortName)).toEqual(["CCTG", "COSA", "CRUK", "EORTC", "INCa", "JCOG", "NCI", "NIHR"]);
    expect(orgs.find((o) => o.shortName === "COSA")?.timeZone).toBe("Australia/Sydney");

    const reps = await db.membership.findMany({ where: { role: "REPRESENTATIVE" }, select: { organizationId: true } });
    expect(new Set(reps.map((r) => r.organizationId)).size).toBe(8);
    expect(await db.user.count({ where: { secretariat: true, demo: true } })).toBeGreaterThan(0);
    expect(await db.groupMember.count({ where: { role: "CHAIR" } })).toBeGreaterThan(0);
  });

  it("marks every seeded incidence figure as an illustrative demo value (one a chair corrected stays theirs)", async () => {
    const groups = await db.expertGroup.findMany({ where: SEEDED });
    expect(groups).toHaveLength(9);
    // Files share the test database: a group whose incidence another file corrected keeps the correction.
    const corrected = await db.auditEvent.findMany({
      where: { action: "group.incidence_corrected" },
      select: { groupId: true, entityId: true },
    });
    const correctedIds = new Set(corrected.flatMap((c) => [c.groupId, c.entityId]));
    const seeded = groups.filter((g) => !correctedIds.has(g.id));
    expect(seeded.length).toBeGreaterThan(0);
    for (const g of seeded) {
      expect(g.incidenceIsDemo).toBe(true);
      expect(g.incidenceSource).toMatch(/demo/i);
    }
  });

  it("does not reset a group's status that changed after seeding", async () => {
    await db.expertGroup.update({ where: { slug: "thymoma" }, data: { status: "CLOSED" } });
    await seedDatabase(db, { demo: true });
    expect((await db.expertGroup.findUniqueOrThrow({ where: { slug: "thymoma" } })).status).toBe("CLOSED");
  });

  it("fills in the accrual window and per-organization reports of trials an earlier seed created, and nothing twice", async () => {
    await seedDatabase(db, { demo: true });
    const gog = await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-gog-0277" } });
    const inpact = await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-inpact" } });
    // As the earlier seed left them: GOG-0277's total undated, no window; InPACT without target or reports.
    await db.accrualUpdate.updateMany({
      where: { trialId: gog.id, total: 38 },
      data: { date: null, source: "Hensley et al., J Clin Oncol 2018;36:3324: total at closure for accrual futility" },
    });
    await db.trialMilestone.deleteMany({ where: { trialId: gog.id, kind: { in: ["FIRST_PATIENT_IN", "ACCRUAL_COMPLETE"] } } });
    await db.accrualUpdate.deleteMany({ where: { trialId: inpact.id } });
    await db.trial.update({ where: { id: inpact.id }, data: { targetAccrual: null } });
    // A keeper's own change is kept.
    await db.trialMilestone.update({
      where: { trialId_kind: { trialId: inpact.id, kind: "ACCRUAL_COMPLETE" } },
      data: { planned: "2025-03" },
    });

    await seedDatabase(db, { demo: true });
    await seedDatabase(db, { demo: true });
    const gogReports = await db.accrualUpdate.findMany({ where: { trialId: gog.id } });
    expect(gogReports).toEqual([expect.objectContaining({ date: "2016", total: 38, source: expect.stringMatching(/ILLUSTRATIVE/) })]);
    const gogWindow = await db.trialMilestone.findMany({ where: { trialId: gog.id }, orderBy: { kind: "asc" } });
    expect(gogWindow.map((m) => [m.kind, m.planned, m.actual])).toEqual(
      expect.arrayContaining([
        ["FIRST_PATIENT_IN", null, "2012"],
        ["ACCRUAL_COMPLETE", "2016", "2016"],
      ]),
    );
    const inpactNow = await db.trial.findUniqueOrThrow({ where: { id: inpact.id }, include: { accrual: true, milestones: true } });
    expect(inpactNow.targetAccrual).toBe(200);
    expect(inpactNow.accrual.map((a) => a.total).sort((a, b) => a - b)).toEqual([32, 82, 114]);
    expect(inpactNow.accrual.every((a) => !a.demo)).toBe(true);
    expect(inpactNow.milestones.find((m) => m.kind === "ACCRUAL_COMPLETE")?.planned).toBe("2025-03");
    // Files share the database: put back the published plan the back-test reads.
    await db.trialMilestone.update({
      where: { trialId_kind: { trialId: inpact.id, kind: "ACCRUAL_COMPLETE" } },
      data: { planned: "2024" },
    });
  });

  it("seeds demo documents once: versioned PDFs made in code, titled as demo, stored in chunks that read back", async () => {
    await seedDatabase(db, { demo: true });
    await seedDatabase(db, { demo: true });
    const docs = await db.document.findMany({
      where: { id: { startsWith: "seed-doc-" } },
      include: { versions: { orderBy: { number: "asc" } } },
    });
    expect(docs.length).toBeGreaterThanOrEqual(4);
    expect(docs.every((d) => d.title.startsWith("[Demo]"))).toBe(true);
    const synopsis = docs.find((d) => d.id === "seed-doc-salivary-synopsis")!;
    expect(synopsis.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(synopsis.versions[1]!.changeNote).not.toBe("");
    // A component study's document: BALLAD's Japanese study.
    const appendix = docs.find((d) => d.id === "seed-doc-jballad-appendix")!;
    expect(appendix.scope).toBe("STUDY");
    expect((await db.componentStudy.findUniqueOrThrow({ where: { id: appendix.componentStudyId! } })).name).toBe("J-BALLAD (JCOG1502C)");
    for (const v of docs.flatMap((d) => d.versions)) {
      const chunks = await db.documentChunk.findMany({ where: { key: v.storageKey }, orderBy: { index: "asc" } });
      const bytes = Buffer.concat(chunks.map((c) => c.data));
      expect(bytes.length).toBe(v.size);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(bytes.toString("latin1")).toContain("Fictional demo document");
    }
  });
});
