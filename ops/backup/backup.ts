// Writes a backup of the portal's database (format.ts) with nothing but a database connection:
// no pg_dump, which the embedded server does not ship and which refuses a newer server anyway.
//
// One connection, one REPEATABLE READ READ ONLY transaction: every table is read from the same
// snapshot, so the backup is consistent however busy the portal is while it runs, and it blocks
// no writer. The rows stream from COPY through gzip to the file; a large document never sits whole
// in memory.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, renameSync, rmSync, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import {
  appliedMigrations,
  copyHeader,
  END_MARKER,
  FORMAT,
  listTables,
  qualified,
  quoteIdent,
  SESSION_SETTINGS,
  setvalLine,
  usedSequences,
} from "./format";

export interface BackupSummary {
  file: string;
  bytes: number;
  server: string;
  migrations: number;
  tables: { name: string; rows: number }[];
  sequences: number;
  ms: number;
}

export interface BackupOptions {
  /** Called after each table is written (tests use it to write concurrently mid-backup). */
  afterTable?: (name: string) => Promise<void> | void;
}

const NEWLINE = 0x0a;

function countLines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

export async function writeBackup(url: string, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const started = Date.now();
  // Written under another name and renamed at the end: a file with the final name is always whole.
  const partial = `${file}.partial`;
  const gzip = createGzip({ level: 6 });
  const hash = createHash("sha256");
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  // The pipeline's failure (disk full, say) surfaces through `written`; until awaited, keep it quiet.
  written.catch(() => undefined);
  const write = async (data: Buffer | string) => {
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    hash.update(buf);
    if (!gzip.write(buf)) await Promise.race([once(gzip, "drain"), written]);
  };

  const client = new pg.Client({ connectionString: url, application_name: "irci-backup" });
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const [name, value] of SESSION_SETTINGS) await client.query(`SET LOCAL ${name} = ${value}`);
    // The first query fixes the snapshot: everything below, catalog included, sees the same moment.
    const { rows } = await client.query<{ version: string; database: string; at: Date }>(
      "SELECT current_setting('server_version') AS version, current_database() AS database, now() AS at",
    );
    const { version, database, at } = rows[0]!;
    const migrations = await appliedMigrations(client);
    // Without them a restore could not re-create the schema: this is not (yet) a portal database.
    if (migrations.length === 0) throw new Error(`The database ${database} has no applied migrations: it holds no portal data to back up.`);
    const tables = await listTables(client);
    // As pg_dump does: no migration may alter or drop a table while it is being read (writes go on).
    if (tables.length) await client.query(`LOCK TABLE ${tables.map((t) => qualified(t.name)).join(", ")} IN ACCESS SHARE MODE`);
    const sequences = await usedSequences(client);

    await write(
      [
        "-- IRCI portal backup: PostgreSQL COPY text, gzip-compressed. Restore with npm run db:restore -- <file>;",
        "-- or load it with psql into an empty database migrated to exactly the migrations below.",
        `-- format: ${FORMAT}`,
        `-- created: ${at.toISOString()}`,
        `-- server: PostgreSQL ${version}`,
        `-- database: ${database}`,
        ...migrations.map((m) => `-- migration: ${m.name} ${m.checksum}`),
        "",
        ...SESSION_SETTINGS.map(([name, value]) => `SET ${name} = ${value};`),
        "BEGIN;",
        "",
      ].join("\n") + "\n",
    );

    const counted: BackupSummary["tables"] = [];
    for (const table of tables) {
      await write(`${copyHeader(table)}\n`);
      const stream = client.query(copyTo(`COPY ${qualified(table.name)} (${table.columns.map(quoteIdent).join(", ")}) TO STDOUT`));
      let lines = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        lines += countLines(chunk);
        await write(chunk);
      }
      await write("\\.\n\n");
      counted.push({ name: table.name, rows: lines });
      await options.afterTable?.(table.name);
    }
    for (const s of sequences) await write(`${setvalLine(s)}\n`);
    await write("COMMIT;\n\n");
    await write(counted.map((t) => `-- rows: ${t.name} ${t.rows}`).join("\n") + "\n");
    await client.query("COMMIT");

    // The checksum covers every byte above its own line.
    const digest = hash.digest("hex");
    gzip.end(`-- sha256: ${digest}\n${END_MARKER}\n`);
    await written;
    renameSync(partial, file);
    return {
      file,
      bytes: statSync(file).size,
      server: version,
      migrations: migrations.length,
      tables: counted,
      sequences: sequences.length,
      ms: Date.now() - started,
    };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
