// The migration that moves countries stored under withdrawn codes (Germany as DD, …) to current ones.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";

const MIGRATION = readFileSync(path.resolve("prisma/migrations/20261202080000_current_country_codes/migration.sql"), "utf8");

beforeAll(() => seedDatabase(db, { demo: true }));
afterAll(() => db.$disconnect());

describe("current country codes", () => {
  it("moves sites and accrual from withdrawn codes to current ones, merging a site recorded under both", async () => {
    // A trial of its own, removed at the end: the other test files share this database.
    const group = await db.expertGroup.findFirstOrThrow({ select: { id: true } });
    const proposal = await db.proposal.create({
      data: { groupId: group.id, title: "Country codes", status: "PLANNING", trial: { create: { phases: [] } } },
      include: { trial: true },
    });
    const trialId = proposal.trial!.id;
    await db.trialSite.createMany({
      data: [
        { trialId, country: "DD", facility: "Charité Berlin" },
        { trialId, country: "DE", facility: "Charité Berlin" },
        { trialId, country: "DD", facility: "Universitätsklinikum Heidelberg" },
        { trialId, country: "VD", facility: "" },
      ],
    });
    await db.accrualUpdate.create({ data: { trialId, country: "DD", total: 3, date: "2020-01" } });

    for (const statement of MIGRATION.split(/;\s*$/m)
      .map((s) => s.trim())
      .filter((s) => s && !/^(--[^\n]*\n?)+$/.test(s))) {
      await db.$executeRawUnsafe(statement);
    }

    const sites = await db.trialSite.findMany({
      where: { trialId, facility: { in: ["Charité Berlin", "Universitätsklinikum Heidelberg", ""] } },
      orderBy: { facility: "asc" },
    });
    expect(sites.map((s) => [s.country, s.facility])).toEqual([
      ["VN", ""],
      ["DE", "Charité Berlin"],
      ["DE", "Universitätsklinikum Heidelberg"],
    ]);
    expect(await db.accrualUpdate.count({ where: { trialId, country: "DD" } })).toBe(0);
    expect(await db.accrualUpdate.count({ where: { trialId, country: "DE", total: 3 } })).toBe(1);
    expect(await db.trialSite.count({ where: { country: { in: ["DD", "VD", "CS", "AN", "BU", "NH", "YD", "RH"] } } })).toBe(0);
    await db.proposal.delete({ where: { id: proposal.id } });
  });
});
