// Prisma's own schema engine, compiled to WebAssembly and published on npm, driven through the
// PostgreSQL driver adapter. It applies prisma/migrations exactly as `prisma migrate deploy` does
// (same `_prisma_migrations` bookkeeping) without the native engine the Prisma CLI downloads, so
// migrations work offline, in CI and in air-gapped hospital networks alike.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { startThrowawayServer } from "../embedded/server";
import type { SchemaEngine, MigrationList, SchemaFilter, DiagnoseMigrationHistoryOutput } from "@prisma/schema-engine-wasm";

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");

let enginePromise: Promise<EngineModule> | undefined;

/** Loads the wasm module once. The package hides the .wasm file from `exports`, so load it by path. */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const req = createRequire(__filename);
    const bgPath = req.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(bgPath)) as EngineModule & { __wbg_set_wasm(exports: unknown): void };
    const wasmBytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return enginePromise;
}

export function readSchema(schemaPath = SCHEMA_PATH): string {
  return readFileSync(schemaPath, "utf8");
}

/** The migrations folder in the shape the engine expects (the CLI builds the same list). */
export function listMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => statSync(path.join(dir, name)).isDirectory())
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} does not exist` },
        },
      };
    }),
  };
}

export interface Engine {
  /** Applies pending migrations; returns the names applied (empty when up to date). */
  deploy(): Promise<string[]>;
  status(): Promise<MigrationStatus>;
  /**
   * SQL that takes a database built by the migrations to the current schema.prisma; empty when
   * they agree. Builds the migrations in a throwaway shadow database.
   */
  pendingSchemaChanges(): Promise<string>;
  close(): Promise<void>;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
  edited: string[];
  /** Applied in the database but missing from prisma/migrations. */
  unknown: string[];
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine reads PostgreSQL's catalogs to describe a database (status, drift, new migrations),
 * and the catalogs use the one-byte "char" type that the driver adapter does not map. Reporting
 * those columns as text is exactly what they are, and keeps the engine's introspection working.
 */
function reportCharAsText(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return res;
}

class CatalogAwareClient extends pg.Client {
  // @ts-expect-error -- pg's overloads cannot be re-declared one by one; this wraps them all.
  override query(...args: unknown[]) {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => last(err, reportCharAsText(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(reportCharAsText) : result;
  }
}

function schemaTarget(schemaText: string) {
  return { tag: "schemaDatamodel" as const, files: [{ path: SCHEMA_PATH, content: schemaText }] };
}

function pgFactory(connectionString: string) {
  return new PrismaPg({ connectionString, Client: CatalogAwareClient as unknown as typeof pg.Client, max: 2 });
}

/**
 * Adapter factory whose shadow database (where the engine replays the migrations to learn the
 * schema they produce) is a throwaway embedded PostgreSQL server: no CREATE DATABASE privilege
 * needed on the real one, and it works the same whichever server the portal uses.
 */
function factoryWithEmbeddedShadow(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  const main = pgFactory(connectionString);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      const shadow = await startThrowawayServer();
      const adapter = await pgFactory(shadow.url).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.stop();
      };
      return adapter;
    },
  };
}

export async function openEngine(connectionString: string, options: { schemaText?: string } = {}): Promise<Engine> {
  const mod = await loadEngineModule();
  const schemaText = options.schemaText ?? readSchema();
  const factory = bindMigrationAwareSqlAdapterFactory(factoryWithEmbeddedShadow(connectionString));
  const engine: SchemaEngine = await mod.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schemaText]] },
    // The engine's own tracing; PRISMA_ENGINE_LOG=1 shows it.
    (message: string) => {
      if (process.env.PRISMA_ENGINE_LOG) console.error(message);
    },
    factory,
  );
  return {
    async deploy() {
      const out = await engine.applyMigrations({ migrationsList: listMigrations(), filters: NO_FILTER });
      return out.appliedMigrationNames;
    },
    async status() {
      const list = listMigrations();
      const diag: DiagnoseMigrationHistoryOutput = await engine.diagnoseMigrationHistory({
        migrationsList: list,
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      });
      const all = list.migrationDirectories.map((d) => d.path);
      const history = diag.history;
      const pending =
        history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge"
          ? history.unappliedMigrationNames
          : diag.hasMigrationsTable
            ? []
            : all;
      const unknown =
        history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge"
          ? history.unpersistedMigrationNames
          : [];
      return {
        applied: all.filter((name) => !pending.includes(name)),
        pending,
        failed: diag.failedMigrationNames,
        edited: diag.editedMigrationNames,
        unknown,
      };
    },
    async pendingSchemaChanges() {
      const result = await engine.diff({
        from: { tag: "migrations", ...listMigrations() },
        to: schemaTarget(schemaText),
        script: true,
        exitCode: null,
        filters: NO_FILTER,
      });
      const sql = (result.stdout ?? "").trim();
      return sql === "-- This is an empty migration." ? "" : sql;
    },
    async close() {
      engine.free();
    },
  };
}
