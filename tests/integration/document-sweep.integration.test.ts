// Orphaned document chunks (a file whose version never came to be) are swept once old; a file being
// stored now, and every file a version refers to, are kept.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ORPHAN_AGE_MS, purgeOrphanChunks } from "@/lib/documents/sweep";
import { seedDatabase } from "@/ops/seed";

const HOUR = 60 * 60 * 1000;

async function chunk(key: string, index: number, ageMs: number) {
  await db.documentChunk.create({ data: { key, index, data: new Uint8Array([index, 1, 2, 3]), createdAt: new Date(Date.now() - ageMs) } });
}

// The demo seed stores documents: their versions' files must survive the sweep.
beforeAll(async () => {
  await seedDatabase(db, { demo: true });
}, 120_000);

describe("sweeping orphaned document chunks", () => {
  it("deletes old chunks no version refers to, and keeps fresh ones and every version's", async () => {
    const oldOrphan = `sweep-old-${randomUUID()}`;
    const freshOrphan = `sweep-fresh-${randomUUID()}`;
    await chunk(oldOrphan, 0, ORPHAN_AGE_MS + HOUR);
    await chunk(oldOrphan, 1, ORPHAN_AGE_MS + HOUR);
    await chunk(freshOrphan, 0, HOUR);
    // A stored version's file, however old its chunks.
    const version = await db.documentVersion.findFirst({ select: { storageKey: true } });
    if (!version) throw new Error("the integration database has no document version: the demo seed should have made some");
    const kept = version.storageKey;
    await db.documentChunk.updateMany({ where: { key: kept }, data: { createdAt: new Date(Date.now() - 10 * ORPHAN_AGE_MS) } });
    const before = await db.documentChunk.count({ where: { key: kept } });

    const deleted = await purgeOrphanChunks(db);

    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(await db.documentChunk.count({ where: { key: oldOrphan } })).toBe(0);
    expect(await db.documentChunk.count({ where: { key: freshOrphan } })).toBe(1);
    expect(await db.documentChunk.count({ where: { key: kept } })).toBe(before);
    expect(before).toBeGreaterThan(0);
    await db.documentChunk.deleteMany({ where: { key: freshOrphan } });
  });
});
