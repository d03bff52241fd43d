// npm run db:backup / db:restore (ops/backup): a backup of the seeded demo database, awkward rows
// added, survives a wipe and comes back identical table by table; a restore refuses what it should
// and leaves the database untouched when the file is bad; a backup taken while others write is
// one consistent snapshot.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackup } from "@/ops/backup/backup";
import { RESTORE_LOCK, restoreBackup } from "@/ops/backup/restore";
import { openEngine, PROJECT_ROOT } from "@/ops/migrate/engine";
import { seedDatabase } from "@/ops/seed";
import { createPrismaClient } from "@/lib/prisma-client";
import { createTestDatabase, migrate, type TestDatabase } from "@/scripts/lib/test-database";

const dir = mkdtempSync(path.join(tmpdir(), "irci-backup-"));
const databases: TestDatabase[] = [];

async function freshDatabase(label: string, options: { migrated?: boolean } = {}) {
  const db = await createTestDatabase(label, () => undefined);
  databases.push(db);
  if (options.migrated) await migrate(db.url);
  return db.url;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Every table of the schema: its row count and an md5 of all its rows as text, sorted. Prisma's
 * bookkeeping is compared by the migrations it lists (its ids and times are made anew on restore).
 */
async function fingerprint(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const { rows: tables } = await c.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const sql =
        name === "_prisma_migrations"
          ? `SELECT count(*) AS n, string_agg(migration_name || ' ' || checksum, ',' ORDER BY migration_name) AS h FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`
          : `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h FROM "${name}" t`;
      const { rows } = await c.query<{ n: string; h: string }>(sql);
      out[name] = `${rows[0]!.n} ${rows[0]!.h}`;
    }
    return out;
  });
}

/** The schema's shape: columns with types and defaults, constraints, indexes. */
async function schemaShape(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const columns = await c.query(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') || ' ' || coalesce(generation_expression, '') AS d
         FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const constraints = await c.query(
      `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
    );
    const indexes = await c.query(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public'`);
    return [...columns.rows, ...constraints.rows, ...indexes.rows].map((r: { d: string }) => r.d).sort();
  });
}

/** Rows no seed writes: every kind of character COPY must escape, NULLs, bytes, json, arrays, odd times. */
async function addAwkwardRows(url: string) {
  await withClient(url, async (c) => {
    const nasty = "tab\there, newline\nthere, CR\r, backslash \\ and \\N and \\., quotes ' \" , unicode é ü 漢字 🧬, zero-width \u200b";
    await c.query(`INSERT INTO "DevMail" (id, "to", subject, text, html, "createdAt") VALUES ($1, $2, $3, $4, NULL, 'infinity')`, [
      "awkward-1",
      "x@example.org",
      "\\.",
      nasty,
    ]);
    await c.query(
      `INSERT INTO "DevMail" (id, "to", subject, text, html, "createdAt") VALUES ($1, $2, $3, $4, $5, '1999-12-31 23:59:59.999')`,
      ["awkward-2", "", "", "\\.\n\\.", "<p>\n\t</p>"],
    );
    await c.query(
      `INSERT INTO "AuditEvent" (id, at, action, "entityType", reason, data) VALUES ($1, '2026-03-29 01:30:00.123', $2, $3, NULL, $4)`,
      [
        "awkward-audit",
        "test.awkward",
        "Test",
        JSON.stringify({ text: nasty, nested: [1, 2.5e-300, null, true, { 'key with "quote"': "\\" }] }),
      ],
    );
    await c.query(
      `INSERT INTO "Organization" (id, slug, "shortName", name, country, "timeZone", "workingDays", "updatedAt")
                   VALUES ('awkward-org', 'awkward', 'AWK', $1, 'NZ', 'Pacific/Chatham', '{}', now())`,
      [nasty],
    );
    // Every byte value, and one chunk larger than a stream chunk, as stored documents are.
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const large = Buffer.alloc(3 * 1024 * 1024 + 7, 0);
    for (let i = 0; i < large.length; i += 4093) large[i] = i % 251;
    await c.query(
      `INSERT INTO "DocumentChunk" (key, index, data) VALUES ('awkward-key', 0, $1), ('awkward-key', 1, $2), ('awkward-empty', 0, '')`,
      [everyByte, large],
    );
  });
}

async function wipe(url: string) {
  await withClient(url, (c) => c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
}

let source: string;
let before: Record<string, string>;
let shape: string[];
let backupFile: string;

beforeAll(async () => {
  source = await freshDatabase("backup", { migrated: true });
  const prisma = createPrismaClient(source, 2);
  try {
    await seedDatabase(prisma, { demo: true });
  } finally {
    await prisma.$disconnect();
  }
  await addAwkwardRows(source);
  before = await fingerprint(source);
  shape = await schemaShape(source);
  backupFile = path.join(dir, "seeded.sql.gz");
  const summary = await writeBackup(source, backupFile);
  console.info(
    `[backup] seeded demo database: ${summary.tables.reduce((s, t) => s + t.rows, 0)} rows in ${summary.tables.length} tables, ` +
      `${(summary.bytes / 1024).toFixed(0)} KiB written in ${summary.ms} ms`,
  );
});

afterAll(async () => {
  for (const db of databases) await db.drop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe("backup, wipe, restore", () => {
  it("brings back every table, row for row, and the same schema", async () => {
    // The demo data is what makes the comparison mean something: documents with their bytes included.
    const counts = Object.fromEntries(Object.entries(before).map(([t, v]) => [t, Number(v.split(" ")[0])]));
    expect(counts.DocumentChunk).toBeGreaterThan(3);
    expect(counts.DocumentVersion).toBeGreaterThan(0);
    expect(counts.Proposal).toBeGreaterThan(0);
    expect(Object.keys(before).length).toBeGreaterThan(30);

    await wipe(source);
    expect(await fingerprint(source)).toEqual({});
    const summary = await restoreBackup(source, backupFile);
    console.info(`[backup] restored ${summary.tables.reduce((s, t) => s + t.rows, 0)} rows in ${summary.ms} ms`);
    expect(summary.replacedData).toBe(false);
    expect(await fingerprint(source)).toEqual(before);
    expect(await schemaShape(source)).toEqual(shape);

    // Prisma's engine sees a database at the head of its migrations, nothing edited or failed.
    const engine = await openEngine(source);
    try {
      const status = await engine.status();
      expect(status).toMatchObject({ pending: [], failed: [], edited: [], unknown: [] });
      expect(await engine.deploy()).toEqual([]);
    } finally {
      await engine.close();
    }
  });

  it("restores into an empty database that was never migrated", async () => {
    const target = await freshDatabase("restore_empty");
    await restoreBackup(target, backupFile);
    expect(await fingerprint(target)).toEqual(before);
  });

  it("writes a file psql could load: a header with the migrations, COPY blocks, a trailer with counts and a checksum", () => {
    const text = gunzipSync(readFileSync(backupFile)).toString("utf8");
    expect(text).toMatch(/^-- IRCI portal backup/);
    expect(text).toMatch(/^-- format: irci-backup\/1$/m);
    expect(text).toMatch(/^-- migration: 20261125142057_init [0-9a-f]{64}$/m);
    expect(text).toMatch(/^COPY "public"\."DocumentChunk" \("key", "index", "data", "createdAt"\) FROM stdin;$/m);
    // The generated search column is computed again, never copied.
    expect(text).not.toMatch(/"searchVector"/);
    expect(text).toMatch(/^-- rows: DocumentChunk \d+$/m);
    expect(text).toMatch(/-- sha256: [0-9a-f]{64}\n-- end of backup\n$/);
    // Parents before children: an organization's row comes before its memberships'.
    expect(text.indexOf('COPY "public"."Organization"')).toBeLessThan(text.indexOf('COPY "public"."Membership"'));
    expect(text.indexOf('COPY "public"."Document"')).toBeLessThan(text.indexOf('COPY "public"."DocumentVersion"'));
  });
});

describe("restore refuses", () => {
  it("a database that holds data, unless forced; forced, it replaces all of it", async () => {
    const target = await freshDatabase("restore_force");
    await restoreBackup(target, backupFile);
    await withClient(target, (c) =>
      c.query(`DELETE FROM "DevMail"; INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('added-after', '1', now())`),
    );
    const changed = await fingerprint(target);
    await expect(restoreBackup(target, backupFile)).rejects.toThrow(/already holds data.*--force/);
    expect(await fingerprint(target)).toEqual(changed);

    const summary = await restoreBackup(target, backupFile, { force: true });
    expect(summary.replacedData).toBe(true);
    expect(await fingerprint(target)).toEqual(before);
  });

  it("a truncated, a damaged or an altered file, leaving the database as it was", async () => {
    const target = await freshDatabase("restore_bad");
    await restoreBackup(target, backupFile);
    await withClient(target, (c) => c.query(`UPDATE "DevMail" SET subject = 'changed since the backup' WHERE id = 'awkward-2'`));
    const current = await fingerprint(target);
    const bytes = readFileSync(backupFile);
    const plain = gunzipSync(bytes).toString("utf8");

    const cut = path.join(dir, "cut.sql.gz");
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await expect(restoreBackup(target, cut, { force: true })).rejects.toThrow(/damaged|cut short/);

    // Cut on a line boundary and compressed again: gzip is happy, the missing trailer is not.
    const cutClean = path.join(dir, "cut-clean.sql.gz");
    writeFileSync(cutClean, gzipSync(plain.slice(0, plain.indexOf('COPY "public"."Proposal"'))));
    await expect(restoreBackup(target, cutClean, { force: true })).rejects.toThrow(/cut short/);

    // One byte flipped, here and there: whatever it breaks (gzip, a row, a line, a count), nothing loads.
    for (const at of [0.1, 0.3, 0.5, 0.7, 0.9, 0.999]) {
      const flipped = Buffer.from(bytes);
      const position = Math.floor(flipped.length * at);
      flipped[position] = flipped[position]! ^ 0xff;
      const damaged = path.join(dir, `damaged-${at}.sql.gz`);
      writeFileSync(damaged, flipped);
      await expect(restoreBackup(target, damaged, { force: true })).rejects.toThrow(/damaged|altered|cut short/);
    }

    const altered = path.join(dir, "altered.sql.gz");
    writeFileSync(altered, gzipSync(plain.replace("x@example.org", "y@example.org")));
    await expect(restoreBackup(target, altered, { force: true })).rejects.toThrow(/checksum does not match/);

    expect(await fingerprint(target)).toEqual(current);
  });

  it("a backup made under a migration this version does not have, or not a backup at all", async () => {
    const target = await freshDatabase("restore_newer");
    const plain = gunzipSync(readFileSync(backupFile)).toString("utf8");
    const newer = path.join(dir, "newer.sql.gz");
    writeFileSync(newer, gzipSync(plain.replace("\n\nSET ", `\n-- migration: 29990101000000_from_the_future ${"a".repeat(64)}\n\nSET `)));
    await expect(restoreBackup(target, newer)).rejects.toThrow(/newer version of the portal: its migration 29990101000000_from_the_future/);

    const notBackup = path.join(dir, "not-a-backup.gz");
    writeFileSync(notBackup, gzipSync("SELECT 1;\n"));
    await expect(restoreBackup(target, notBackup)).rejects.toThrow(/not an IRCI portal backup/);
    const notGzip = path.join(dir, "plain.sql");
    writeFileSync(notGzip, plain);
    await expect(restoreBackup(target, notGzip)).rejects.toThrow(/gzip/);
    expect(await fingerprint(target)).toEqual({});
  });
});

describe("restore and the sessions around it", () => {
  it("gives up, changing nothing, when another session holds the tables, or another restore runs", async () => {
    const target = await freshDatabase("restore_locked");
    await restoreBackup(target, backupFile);
    const current = await fingerprint(target);
    const other = new pg.Client({ connectionString: target });
    await other.connect();
    try {
      // A portal instance in the middle of a transaction that read a table.
      await other.query(`BEGIN; SELECT count(*) FROM "User"`);
      await expect(restoreBackup(target, backupFile, { force: true, lockTimeoutMs: 500 })).rejects.toThrow(
        /Another session holds the database's tables.*Nothing was restored/,
      );
      await other.query("ROLLBACK");
      await other.query("SELECT pg_advisory_lock(hashtext($1))", [RESTORE_LOCK]);
      await expect(restoreBackup(target, backupFile, { force: true })).rejects.toThrow(/Another restore into this database is under way/);
    } finally {
      await other.end();
    }
    expect(await fingerprint(target)).toEqual(current);
    // No staging schema is left behind by the attempts.
    const staging = await withClient(target, (c) => c.query("SELECT 1 FROM pg_namespace WHERE nspname = 'irci_restore'"));
    expect(staging.rowCount).toBe(0);
  });
});

describe("a backup while the portal writes", () => {
  it("is the snapshot of the moment it started: writes made during it are not in it, and no row is torn", async () => {
    const live = await freshDatabase("backup_live");
    await restoreBackup(live, backupFile);
    const atStart = await fingerprint(live);
    const file = path.join(dir, "live.sql.gz");
    const writer = new pg.Client({ connectionString: live });
    await writer.connect();
    let writes = 0;
    try {
      // After the first table is written, another session adds, changes and removes rows in
      // tables the backup has already written and in tables it has not reached yet.
      await writeBackup(live, file, {
        afterTable: async () => {
          if (writes++ > 0) return;
          await writer.query(
            `INSERT INTO "DevMail" (id, "to", subject, text) VALUES ('during', 'a@b.c', 'during', 'written during the backup')`,
          );
          await writer.query(`UPDATE "Organization" SET name = name || ' (renamed during the backup)'`);
          await writer.query(`DELETE FROM "DocumentChunk" WHERE key = 'awkward-key'`);
          await writer.query(`INSERT INTO "AuditEvent" (id, action, "entityType") VALUES ('during', 'test.during', 'Test')`);
        },
      });
    } finally {
      await writer.end();
    }
    expect(writes).toBeGreaterThan(1);
    expect(await fingerprint(live)).not.toEqual(atStart); // the writes happened

    const text = gunzipSync(readFileSync(file)).toString("utf8");
    for (const [table, value] of Object.entries(atStart)) {
      if (table === "_prisma_migrations") continue;
      expect(text).toContain(`\n-- rows: ${table} ${value.split(" ")[0]}\n`);
    }
    const copy = await freshDatabase("backup_live_copy");
    await restoreBackup(copy, file);
    expect(await fingerprint(copy)).toEqual(atStart);
  });
});

describe("the commands", () => {
  function run(script: string, args: string[], env: Record<string, string>) {
    return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn("npx", ["tsx", path.join("scripts", script), ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (out += d.toString()));
      child.once("error", reject);
      child.once("exit", (code) => resolve({ code, out }));
    });
  }

  it("npm run db:backup and db:restore work end to end against DATABASE_URL, and say what they did", async () => {
    const file = path.join(dir, "cli.sql.gz");
    const backup = await run("backup.ts", ["--out", file], { DATABASE_URL: source });
    expect(backup.out).toMatch(/Backing up the database at postgresql:\/\//);
    expect(backup.out).toMatch(/Wrote .*cli\.sql\.gz \(\d+(\.\d)? (KiB|MiB)\) in /);
    expect(backup.out).toMatch(/DocumentChunk +\d+/);
    expect(backup.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(0);

    const target = await freshDatabase("restore_cli");
    const restore = await run("restore.ts", [file], { DATABASE_URL: target });
    expect(restore.out).toMatch(/Restored in .*: the backup of \d{4}-\d\d-\d\dT/);
    expect(restore.code).toBe(0);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));

    const again = await run("restore.ts", [file], { DATABASE_URL: target });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/Restore failed: The database already holds data.*--force/);

    const missing = await run("restore.ts", [path.join(dir, "nope.sql.gz")], { DATABASE_URL: target });
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/Restore failed: No such file/);

    // A backup from before the last migration: restored as it was, then brought up to this version.
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const last = "20261203032000_study_documents";
    const older: string[] = [];
    let inDocument = false;
    for (const line of lines) {
      if (line.startsWith(`-- migration: ${last} `)) continue;
      if (line.startsWith('COPY "public"."Document" (')) {
        // That migration added the last column of Document: the older file has not got it.
        expect(line).toMatch(/, "componentStudyId"\) FROM stdin;$/);
        older.push(line.replace(', "componentStudyId")', ")"));
        inDocument = true;
        continue;
      }
      if (inDocument && line === "\\.") inDocument = false;
      // ... nor the scope STUDY that came with it.
      older.push(inDocument ? line.replace(/\t[^\t]*$/, "").replace("\tSTUDY\t", "\tTRIAL\t") : line);
    }
    const body =
      older
        .slice(
          0,
          older.findIndex((l) => l.startsWith("-- sha256: ")),
        )
        .join("\n") + "\n";
    const olderFile = path.join(dir, "older.sql.gz");
    writeFileSync(olderFile, gzipSync(`${body}-- sha256: ${createHash("sha256").update(body).digest("hex")}\n-- end of backup\n`));
    const upgraded = await freshDatabase("restore_older");
    const fromOlder = await run("restore.ts", [olderFile], { DATABASE_URL: upgraded });
    expect(fromOlder.out).toMatch(new RegExp(`Then applied the migrations newer than the backup:\\n  ${last}`));
    expect(fromOlder.code).toBe(0);
    const { Document: documents, ...rest } = await fingerprint(upgraded);
    const { Document: originalDocuments, ...originalRest } = await fingerprint(source);
    expect(rest).toEqual(originalRest);
    expect(documents!.split(" ")[0]).toBe(originalDocuments!.split(" ")[0]);

    const unreachable = await run("backup.ts", ["--out", path.join(dir, "x.sql.gz")], {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none",
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.out).toMatch(/Backup failed: .*ECONNREFUSED/);
  }, 120_000);
});
