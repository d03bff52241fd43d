import { inject, describe, expect, it } from "vitest";
import { openEngine, readSchema } from "@/ops/migrate/engine";

describe("migrations", () => {
  it("schema.prisma and prisma/migrations agree (no drift): a model change without a migration fails here", async () => {
    const engine = await openEngine(inject("databaseUrl"));
    try {
      const drift = await engine.pendingSchemaChanges();
      expect(drift, `schema.prisma has changes no migration makes. Run: npm run db:migration:new -- <name>\n${drift}`).toBe("");
    } finally {
      await engine.close();
    }
  });

  it("the drift check does see a model added without a migration", async () => {
    const changed = `${readSchema()}\nmodel DriftProbe {\n  id String @id\n}\n`;
    const engine = await openEngine(inject("databaseUrl"), { schemaText: changed });
    try {
      expect(await engine.pendingSchemaChanges()).toMatch(/CREATE TABLE "DriftProbe"/);
    } finally {
      await engine.close();
    }
  });

  it("the test database has every migration applied, recorded as prisma migrate deploy records them", async () => {
    const engine = await openEngine(inject("databaseUrl"));
    try {
      const status = await engine.status();
      expect(status.pending).toEqual([]);
      expect(status.failed).toEqual([]);
      expect(status.applied.length).toBeGreaterThan(0);
      // A second deploy applies nothing.
      expect(await engine.deploy()).toEqual([]);
    } finally {
      await engine.close();
    }
  });
});
