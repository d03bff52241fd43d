// The backup file's format, shared by the writer (backup.ts) and the reader (restore.ts).
//
// A gzip-compressed text file in the shape of pg_dump's plain format, so that a person can read it
// with zcat and even load it with psql into a database migrated to the same migrations:
//
//   -- header comments: format version, date, server version, the migrations the data belongs to
//   SET ...;                            the session settings the rows were written with
//   BEGIN;
//   COPY "public"."T" ("a", "b") FROM stdin;
//   <rows in COPY's text format, one a line>
//   \.
//   SELECT pg_catalog.setval(...);      sequences, when the schema has any
//   COMMIT;
//   -- trailer comments: rows per table, a SHA-256 of everything above, an end marker
//
// The trailer is what tells a complete file from a truncated one (gzip's own CRC catches damage).
import pg from "pg";

export const FORMAT = "irci-backup/1";
export const SCHEMA = "public";
/** Prisma's bookkeeping table: recorded as the header's migration list, re-made on restore. */
export const MIGRATIONS_TABLE = "_prisma_migrations";
export const END_MARKER = "-- end of backup";

/**
 * Settings that make COPY's text output mean the same thing wherever it is read back: dates in ISO
 * form and UTC, floats to the last digit, identifiers and strings without backslash surprises.
 */
export const SESSION_SETTINGS: [string, string][] = [
  ["client_encoding", "'UTF8'"],
  ["standard_conforming_strings", "on"],
  ["DateStyle", "'ISO, YMD'"],
  ["IntervalStyle", "'postgres'"],
  ["TimeZone", "'UTC'"],
  ["extra_float_digits", "3"],
];

export interface TableInfo {
  name: string;
  /** Columns COPY can write: generated columns are left out, PostgreSQL computes them again. */
  columns: string[];
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const qualified = (table: string, schema = SCHEMA) => `${quoteIdent(schema)}.${quoteIdent(table)}`;
export const copyHeader = (t: TableInfo) => `COPY ${qualified(t.name)} (${t.columns.map(quoteIdent).join(", ")}) FROM stdin;`;

type Queryable = Pick<pg.ClientBase, "query">;

/**
 * The schema's tables in an order where every table comes after the tables it references, so that
 * loading them one by one never meets a missing parent. A table that references itself is fine:
 * PostgreSQL checks a COPY's foreign keys when the statement ends, after all its rows are in.
 */
export async function listTables(db: Queryable): Promise<TableInfo[]> {
  const tables = await db.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> $2
      GROUP BY c.relname`,
    [SCHEMA, MIGRATIONS_TABLE],
  );
  const references = await db.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
       FROM pg_catalog.pg_constraint f
       JOIN pg_catalog.pg_class child ON child.oid = f.conrelid
       JOIN pg_catalog.pg_class parent ON parent.oid = f.confrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = child.relnamespace
      WHERE f.contype = 'f' AND n.nspname = $1 AND f.conrelid <> f.confrelid`,
    [SCHEMA],
  );
  return dependencyOrder(tables.rows, references.rows);
}

/** Kahn's algorithm, alphabetical among equals so that two backups of one schema list tables alike. */
export function dependencyOrder<T extends { name: string }>(tables: T[], references: { child: string; parent: string }[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of references) {
    if (byName.has(child) && byName.has(parent)) parents.get(child)!.add(parent);
  }
  const ordered: T[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = [...parents.entries()]
      .filter(([name, ps]) => !done.has(name) && [...ps].every((p) => done.has(p)))
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      const stuck = [...parents.keys()].filter((n) => !done.has(n)).sort();
      throw new Error(`These tables reference each other in a cycle, so no loading order exists: ${stuck.join(", ")}`);
    }
    for (const name of ready) {
      done.add(name);
      ordered.push(byName.get(name)!);
    }
  }
  return ordered;
}

/** Migrations that finished and were not rolled back, oldest first: what the data was written under. */
export async function appliedMigrations(db: Queryable): Promise<AppliedMigration[]> {
  const exists = await db.query(`SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename = $2`, [SCHEMA, MIGRATIONS_TABLE]);
  if (!exists.rowCount) return [];
  const { rows } = await db.query<AppliedMigration>(
    `SELECT migration_name AS name, checksum FROM ${qualified(MIGRATIONS_TABLE)}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

export interface Sequence {
  name: string;
  lastValue: string;
}

/** Sequences that have handed out a value (a fresh one needs nothing: the migrations make it fresh). */
export async function usedSequences(db: Queryable): Promise<Sequence[]> {
  const { rows } = await db.query<Sequence>(
    `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_catalog.pg_sequences
      WHERE schemaname = $1 AND last_value IS NOT NULL ORDER BY sequencename`,
    [SCHEMA],
  );
  return rows;
}

export const setvalLine = (s: Sequence) => `SELECT pg_catalog.setval('${qualified(s.name).replaceAll("'", "''")}', ${s.lastValue}, true);`;

/** Patterns of the only statements a backup contains; restore refuses any other line. */
export const LINE = {
  set: /^SET ([A-Za-z_]+) = (.+);$/,
  copy: /^COPY "public"\."((?:[^"]|"")+)" \((.*)\) FROM stdin;$/,
  setval: /^SELECT pg_catalog\.setval\('"public"\."((?:[^"']|"")+)"', (\d+), true\);$/,
  migration: /^-- migration: (\S+) ([0-9a-f]{64})$/,
  format: /^-- format: (\S+)$/,
  rows: /^-- rows: (.+) (\d+)$/,
  sha256: /^-- sha256: ([0-9a-f]{64})$/,
};

/** Reads the column list of a COPY line back into names. */
export function parseColumns(list: string): string[] {
  return [...list.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replaceAll('""', '"'));
}
