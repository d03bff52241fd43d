// The upgrade path from the PGlite database of earlier versions: its folder is kept and named.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

describe("an earlier version's PGlite folder", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "irci-data-"));
  let database: typeof import("./database");

  beforeAll(async () => {
    vi.stubEnv("EMBEDDED_DATA_DIR", dir);
    vi.resetModules();
    database = await import("./database");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it("says nothing when there is none", () => {
    expect(database.legacyPgliteNotice()).toBeUndefined();
  });

  it("is named, left untouched, and points to the README's upgrade steps", () => {
    mkdirSync(path.join(dir, "pglite"));
    writeFileSync(path.join(dir, "pglite", "PG_VERSION"), "17");
    const notice = database.legacyPgliteNotice();
    expect(notice).toMatch(/pglite: the database of an earlier version of the portal \(PGlite\)/);
    expect(notice).toMatch(/left untouched/);
    expect(notice).toMatch(/Upgrading from the PGlite database/);
    expect(database.CLUSTER_DIR).toBe(path.join(dir, "postgres"));
    expect(existsSync(path.join(dir, "pglite", "PG_VERSION"))).toBe(true);
  });
});
