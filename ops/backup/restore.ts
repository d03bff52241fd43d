// Brings a backup (format.ts) back into a database, all or nothing.
//
// The backup is loaded beside the live schema, never into it: a staging schema is built by
// replaying the migrations the backup was written under (the SQL files of prisma/migrations,
// checked against the checksums the backup recorded; each in its own transaction, as Prisma runs
// them, since a migration may add an enum value that only a later one can use), then every table is
// loaded into it with COPY. Only once the file's trailer has been read and every count and the
// checksum agree does one short transaction empty `public` and move the staging schema's contents
// into it. So a truncated or damaged file, a full disk, a lost connection or a refusal leaves the
// database exactly as it was. The file is read as a stream: a backup larger than memory restores too.
import { createHash, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { MIGRATIONS_DIR } from "../migrate/engine";
import {
  END_MARKER,
  FORMAT,
  LINE,
  MIGRATIONS_TABLE,
  parseColumns,
  qualified,
  quoteIdent,
  SCHEMA,
  SESSION_SETTINGS,
  type AppliedMigration,
} from "./format";

/** Thrown for a file or a database this restore will not touch, with a message that says why. */
export class RestoreRefused extends Error {
  name = "RestoreRefused";
}

export interface BackupHeader {
  format: string;
  created?: string;
  server?: string;
  database?: string;
  migrations: AppliedMigration[];
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  sequences: number;
  /** The database held data before (only possible with `force`). */
  replacedData: boolean;
  ms: number;
}

export interface RestoreOptions {
  /** Replace a database that already holds data. */
  force?: boolean;
  /** How long to wait for another session's locks before giving up (the portal still running). */
  lockTimeoutMs?: number;
}

const NEWLINE = 0x0a;

/** The file's lines as Buffers, each with its newline; a long line is joined once, not chunk by chunk. */
async function* lines(source: Readable): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  for await (const chunk of source as AsyncIterable<Buffer>) {
    let start = 0;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, i + 1);
      if (parts.length) {
        parts.push(piece);
        yield Buffer.concat(parts);
        parts = [];
      } else yield piece;
      start = i + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length) yield Buffer.concat(parts); // a last line without its newline: the file was cut
}

function openBackup(file: string): Readable {
  if (!existsSync(file)) throw new RestoreRefused(`No such file: ${file}`);
  // pipeline, not pipe: a read error reaches the gunzip stream, and so the reader, instead of hanging.
  return pipeline(createReadStream(file), createGunzip({ chunkSize: 64 * 1024 }), () => undefined);
}

const text = (line: Buffer) => line.toString("utf8").replace(/\n$/, "");

/** Reads the header comments; returns them and the first line after them. */
async function readHeader(it: AsyncGenerator<Buffer>, hash: ReturnType<typeof createHash>) {
  const header: BackupHeader = { format: "", migrations: [] };
  for (let lineNo = 1; ; lineNo++) {
    const next = await it.next();
    if (next.done) throw new RestoreRefused("The file ends inside its header: it is not a whole backup.");
    const line = text(next.value);
    if (!line.startsWith("--")) {
      if (!header.format) throw new RestoreRefused("This is not an IRCI portal backup (no format line in its header).");
      return { header, first: line, firstLineNo: lineNo }; // hashed by the body's reader, which takes it from here
    }
    hash.update(next.value);
    const format = LINE.format.exec(line);
    if (format) header.format = format[1]!;
    const migration = LINE.migration.exec(line);
    if (migration) header.migrations.push({ name: migration[1]!, checksum: migration[2]! });
    for (const key of ["created", "server", "database"] as const) {
      if (line.startsWith(`-- ${key}: `)) header[key] = line.slice(`-- ${key}: `.length);
    }
  }
}

/** The SQL of each migration the backup names, refusing any this version of the portal does not have. */
function migrationScripts(migrations: AppliedMigration[]): { name: string; checksum: string; sql: string }[] {
  if (migrations.length === 0) throw new RestoreRefused("The backup names no applied migration: it was not made from a portal database.");
  return migrations.map(({ name, checksum }) => {
    const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
    if (!existsSync(file)) {
      throw new RestoreRefused(
        `The backup was made by a newer version of the portal: its migration ${name} is not in this version's prisma/migrations. ` +
          "Restore it with the version that made it, or a later one.",
      );
    }
    const sql = readFileSync(file, "utf8");
    if (createHash("sha256").update(sql).digest("hex") !== checksum) {
      throw new RestoreRefused(
        `The migration ${name} differs from the one the backup was made under (it was edited since): refusing to guess.`,
      );
    }
    return { name, checksum, sql };
  });
}

type Client = pg.Client;

async function holdsData(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> $2`,
    [SCHEMA, MIGRATIONS_TABLE],
  );
  for (const { name } of rows) {
    const found = await client.query(`SELECT 1 FROM ${qualified(name)} LIMIT 1`);
    if (found.rowCount) return true;
  }
  return false;
}

/**
 * Empties the schema but keeps the schema itself, with its owner and privileges: every table (with
 * its indexes, constraints and owned sequences), view, sequence, type and function in it, leaving
 * alone what belongs to an extension.
 */
async function emptySchema(client: Client, schema: string) {
  const notExtension = (catalog: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = o.oid AND d.deptype = 'e')`;
  const kinds: [string, string][] = [
    [
      "VIEW",
      `SELECT relname AS name FROM pg_catalog.pg_class o WHERE relnamespace = $1::regnamespace AND relkind IN ('v', 'm') AND ${notExtension("pg_class")}`,
    ],
    [
      "TABLE",
      `SELECT relname AS name FROM pg_catalog.pg_class o WHERE relnamespace = $1::regnamespace AND relkind IN ('r', 'p', 'f') AND ${notExtension("pg_class")}`,
    ],
    [
      "SEQUENCE",
      `SELECT relname AS name FROM pg_catalog.pg_class o WHERE relnamespace = $1::regnamespace AND relkind = 'S' AND ${notExtension("pg_class")}`,
    ],
    [
      "FUNCTION",
      `SELECT oid::regprocedure::text AS name FROM pg_catalog.pg_proc o WHERE pronamespace = $1::regnamespace AND ${notExtension("pg_proc")}`,
    ],
    [
      "TYPE",
      `SELECT typname AS name FROM pg_catalog.pg_type o WHERE typnamespace = $1::regnamespace AND typtype IN ('e', 'd', 'c', 'r')
         AND (typtype <> 'c' OR (SELECT relkind FROM pg_catalog.pg_class WHERE oid = o.typrelid) = 'c') AND ${notExtension("pg_type")}`,
    ],
  ];
  for (const [kind, query] of kinds) {
    const { rows } = await client.query<{ name: string }>(query, [schema]);
    for (const { name } of rows) {
      // A function's name comes with its argument types, already quoted where needed.
      const target = kind === "FUNCTION" ? name : qualified(name, schema);
      await client.query(`DROP ${kind} IF EXISTS ${target} CASCADE`);
    }
  }
}

/** Prisma's bookkeeping table, as `prisma migrate deploy` creates it, with the backup's migrations in it. */
async function recordMigrations(client: Client, schema: string, migrations: { name: string; checksum: string }[]) {
  await client.query(`CREATE TABLE ${qualified(MIGRATIONS_TABLE, schema)} (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  for (const m of migrations) {
    await client.query(
      `INSERT INTO ${qualified(MIGRATIONS_TABLE, schema)} (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, now(), 1)`,
      [randomUUID(), m.checksum, m.name],
    );
  }
}

/**
 * Moves everything the migrations made in `from` into `to`. Indexes, constraints, a table's own
 * sequences and array types follow their table or type by themselves.
 */
async function moveContents(client: Client, from: string, to: string) {
  const { rows: relations } = await client.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind AS kind FROM pg_catalog.pg_class c
      WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))`,
    [from],
  );
  const statement: Record<string, string> = {
    r: "TABLE",
    p: "TABLE",
    v: "VIEW",
    m: "MATERIALIZED VIEW",
    f: "FOREIGN TABLE",
    S: "SEQUENCE",
  };
  for (const r of relations) await client.query(`ALTER ${statement[r.kind]} ${qualified(r.name, from)} SET SCHEMA ${quoteIdent(to)}`);
  const { rows: types } = await client.query<{ name: string; kind: string }>(
    `SELECT t.typname AS name, t.typtype AS kind FROM pg_catalog.pg_type t
      WHERE t.typnamespace = $1::regnamespace AND t.typtype IN ('e', 'd', 'c', 'r')
        AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_catalog.pg_class WHERE oid = t.typrelid) = 'c')`,
    [from],
  );
  for (const t of types)
    await client.query(`ALTER ${t.kind === "d" ? "DOMAIN" : "TYPE"} ${qualified(t.name, from)} SET SCHEMA ${quoteIdent(to)}`);
  const { rows: routines } = await client.query<{ name: string }>(
    `SELECT p.oid::regprocedure::text AS name FROM pg_catalog.pg_proc p WHERE p.pronamespace = $1::regnamespace`,
    [from],
  );
  for (const r of routines) await client.query(`ALTER ROUTINE ${r.name} SET SCHEMA ${quoteIdent(to)}`);
}

/** The advisory lock a restore holds on the database. */
export const RESTORE_LOCK = "irci-restore";

/** Where the backup is built before it replaces `public`; left over only if a restore was killed. */
const STAGING = "irci_restore";

/** Rows go to COPY in batches of about this many bytes: fewer, larger writes. */
const BATCH_BYTES = 256 * 1024;

export async function restoreBackup(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const started = Date.now();
  const source = openBackup(file);
  const it = lines(source);
  const hash = createHash("sha256");
  const client = new pg.Client({ connectionString: url, application_name: "irci-restore" });
  let connected = false;
  let staged = false;
  try {
    const { header, first, firstLineNo } = await readHeader(it, hash);
    if (header.format !== FORMAT) throw new RestoreRefused(`Unknown backup format "${header.format}" (this version reads ${FORMAT}).`);
    const scripts = migrationScripts(header.migrations);

    await client.connect();
    connected = true;
    // One restore at a time per database: two would share the staging schema. Released with the session.
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [RESTORE_LOCK]);
    if (!lock[0]?.ok) throw new RestoreRefused("Another restore into this database is under way. Nothing was restored.");
    // Said before any work: the same check runs again where it counts, in the final transaction.
    if (!options.force && (await holdsData(client))) throw refuseData();

    staged = true;
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(STAGING)} CASCADE`);
    await client.query(`CREATE SCHEMA ${quoteIdent(STAGING)}`);
    for (const m of scripts) {
      // Only the staging schema on the path: the migrations' unqualified names land there, and
      // not even a DROP ... IF EXISTS can reach the live schema.
      await client.query("BEGIN");
      await client.query(`SET LOCAL search_path TO ${quoteIdent(STAGING)}`);
      await client.query(m.sql);
      await client.query("COMMIT");
    }

    await client.query("BEGIN");
    await client.query(`SET LOCAL lock_timeout = ${Math.round(options.lockTimeoutMs ?? 30_000)}`);
    await client.query(`SET LOCAL search_path TO ${quoteIdent(STAGING)}`);
    for (const [name, value] of SESSION_SETTINGS) await client.query(`SET LOCAL ${name} = ${value}`);
    // A migration may insert rows of its own (defaults, reference data): the backup holds the
    // tables' whole content at those migrations, so only its rows are loaded.
    const { rows: made } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_catalog.pg_class WHERE relnamespace = $1::regnamespace AND relkind IN ('r', 'p')`,
      [STAGING],
    );
    if (made.length) await client.query(`TRUNCATE ${made.map((t) => qualified(t.name, STAGING)).join(", ")}`);
    await recordMigrations(client, STAGING, scripts);
    const loaded = await loadRows(client, it, hash, first, firstLineNo);

    const replacedData = await holdsData(client);
    if (replacedData && !options.force) throw refuseData();
    await emptySchema(client, SCHEMA);
    await moveContents(client, STAGING, SCHEMA);
    await client.query(`DROP SCHEMA ${quoteIdent(STAGING)} RESTRICT`);
    await client.query("COMMIT");
    staged = false;
    return { header, tables: loaded.tables, sequences: loaded.sequences, replacedData, ms: Date.now() - started };
  } catch (error) {
    // Whatever went wrong, the live schema is as it was: the transaction is rolled back and the
    // staging schema removed.
    if (connected) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (staged) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(STAGING)} CASCADE`).catch(() => undefined);
    }
    throw explain(error);
  } finally {
    source.destroy();
    if (connected) await client.end().catch(() => undefined);
  }
}

const refuseData = () =>
  new RestoreRefused("The database already holds data. To replace all of it with the backup, run the restore again with --force.");

function explain(error: unknown): unknown {
  const e = error as Error & { code?: string };
  if (e.code?.startsWith("Z_")) return new RestoreRefused(`The file is damaged or not a gzip file (${e.message}). Nothing was restored.`);
  if (e.code === "55P03")
    return new RestoreRefused(
      "Another session holds the database's tables (is the portal still running? stop it first). Nothing was restored.",
    );
  if (e.code === "42P01")
    return new RestoreRefused(
      `The backup holds a table the migrations do not make (${e.message}): it was added by hand. Nothing was restored.`,
    );
  return error;
}

/** Reads the body of the file into the staging schema's tables; checks the trailer against it. */
async function loadRows(
  client: Client,
  it: AsyncGenerator<Buffer>,
  hash: ReturnType<typeof createHash>,
  first: string,
  firstLineNo: number,
) {
  const loaded: RestoreSummary["tables"] = [];
  const expected = new Map<string, number>();
  let sequences = 0;
  let digest: string | undefined;
  let ended = false;
  let pending: Buffer | undefined = Buffer.from(`${first}\n`);
  let lineNo = firstLineNo - 1;
  const next = async (): Promise<Buffer | undefined> => {
    lineNo++;
    if (pending) {
      const p = pending;
      pending = undefined;
      return p;
    }
    const r = await it.next();
    return r.done ? undefined : r.value;
  };

  for (let raw = await next(); raw; raw = await next()) {
    const line = text(raw);
    const sha = LINE.sha256.exec(line);
    if (sha) {
      // The checksum line is the only one outside what it covers.
      digest = sha[1]!;
      continue;
    }
    if (line === END_MARKER) {
      ended = true;
      continue;
    }
    if (ended)
      throw new RestoreRefused(
        `Unexpected content after the end of the backup (line ${lineNo}): the file is damaged or was altered. Nothing was restored.`,
      );
    hash.update(raw);
    if (line === "" || line === "BEGIN;" || line === "COMMIT;") continue;
    const rows = LINE.rows.exec(line);
    if (rows) {
      expected.set(rows[1]!, Number(rows[2]));
      continue;
    }
    if (line.startsWith("--")) continue;
    if (LINE.set.test(line)) continue; // the same settings are in force already (SESSION_SETTINGS)
    const setval = LINE.setval.exec(line);
    if (setval) {
      const sequence = setval[1]!.replaceAll('""', '"');
      await client.query("SELECT pg_catalog.setval($1, $2, true)", [qualified(sequence, STAGING), setval[2]]);
      sequences++;
      continue;
    }
    const copy = LINE.copy.exec(line);
    if (!copy)
      throw new RestoreRefused(
        `Line ${lineNo} of the backup is not something a backup contains (the file is damaged or was altered): ${line.slice(0, 80)}`,
      );
    const table = copy[1]!.replaceAll('""', '"');
    const columns = parseColumns(copy[2]!);
    const stream = client.query(copyFrom(`COPY ${qualified(table, STAGING)} (${columns.map(quoteIdent).join(", ")}) FROM STDIN`));
    let failure: Error | undefined;
    stream.on("error", (error: Error) => (failure = error));
    const finished = once(stream, "finish");
    finished.catch(() => undefined);
    let count = 0;
    let batch: Buffer[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (failure) throw failure;
      if (batch.length === 0) return;
      const ok = stream.write(batch.length === 1 ? batch[0] : Buffer.concat(batch, batchBytes));
      batch = [];
      batchBytes = 0;
      if (!ok) await Promise.race([once(stream, "drain"), finished]);
    };
    const cut = () => new RestoreRefused(`The file ends inside the rows of ${table}: it was cut short. Nothing was restored.`);
    try {
      for (;;) {
        const row = await next();
        if (!row) throw cut();
        hash.update(row);
        if (row.length <= 3 && text(row) === "\\.") break;
        if (row[row.length - 1] !== NEWLINE) throw cut();
        batch.push(row);
        batchBytes += row.length;
        count++;
        if (batchBytes >= BATCH_BYTES) await flush();
      }
      await flush();
      stream.end();
      await finished;
    } catch (error) {
      // Abandon the COPY (the stream sends CopyFail), or the connection would wait for its end
      // forever and never take the ROLLBACK.
      if (!stream.destroyed) {
        const settled = once(stream, "close").catch(() => undefined);
        stream.destroy(error as Error);
        await settled;
      }
      // PostgreSQL refusing a row (bad syntax, a broken key) means the file is not what was written.
      const e = error as Error & { code?: string };
      if (e instanceof RestoreRefused || !e.code || e.code.startsWith("Z_") || e.code === "55P03") throw error;
      throw new RestoreRefused(`Loading ${table} failed: ${e.message}. The file is damaged or was altered. Nothing was restored.`);
    }
    loaded.push({ name: table, rows: count });
  }

  if (!ended || !digest) throw new RestoreRefused("The backup has no end marker: it was cut short. Nothing was restored.");
  if (hash.digest("hex") !== digest)
    throw new RestoreRefused("The backup's checksum does not match its content: the file was altered. Nothing was restored.");
  for (const t of loaded) {
    if (expected.get(t.name) !== t.rows) {
      throw new RestoreRefused(
        `Table ${t.name}: the file holds ${t.rows} rows but its trailer says ${expected.get(t.name) ?? "none"}: the file is damaged or was altered. Nothing was restored.`,
      );
    }
  }
  if (expected.size !== loaded.length)
    throw new RestoreRefused(
      "The backup's trailer names tables it does not contain: the file is damaged or was altered. Nothing was restored.",
    );
  return { tables: loaded, sequences };
}
