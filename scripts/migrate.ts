// npm run db:migrate | db:status | db:migration:new -- <name>
// Offline equivalents of `prisma migrate deploy`, `prisma migrate status` and
// `prisma migrate dev --create-only`, built on Prisma's wasm schema engine.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openEngine, MIGRATIONS_DIR } from "../ops/migrate/engine";
import { withDatabase, redactUrl } from "./lib/database";

async function deploy() {
  await withDatabase(async (url, kind) => {
    const engine = await openEngine(url);
    try {
      const applied = await engine.deploy();
      const where = kind === "embedded" ? "the embedded database" : redactUrl(url);
      if (applied.length === 0) console.log(`Migrations: ${where} is up to date.`);
      else console.log(`Migrations applied to ${where}:\n${applied.map((n) => `  ${n}`).join("\n")}`);
    } finally {
      await engine.close();
    }
  });
}

async function status() {
  const ok = await withDatabase(async (url) => {
    const engine = await openEngine(url);
    try {
      const s = await engine.status();
      console.log(`${s.applied.length} applied, ${s.pending.length} pending.`);
      for (const n of s.pending) console.log(`  pending: ${n}`);
      for (const n of s.failed) console.log(`  FAILED: ${n} (fix the database, then mark it rolled back)`);
      for (const n of s.edited) console.log(`  EDITED after it was applied: ${n}`);
      for (const n of s.unknown) console.log(`  applied here but missing from prisma/migrations: ${n}`);
      return s.pending.length + s.failed.length + s.edited.length + s.unknown.length === 0;
    } finally {
      await engine.close();
    }
  });
  process.exitCode = ok ? 0 : 1;
}

async function createMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("Name the migration in lower_snake_case: npm run db:migration:new -- add_proposals");
  }
  await withDatabase(async (url) => {
    const engine = await openEngine(url);
    try {
      const sql = await engine.pendingSchemaChanges();
      if (!sql) {
        console.log("schema.prisma and prisma/migrations agree: no migration needed.");
        return;
      }
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
      console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql. Review it, then npm run db:migrate.`);
    } finally {
      await engine.close();
    }
  });
}

const [command, arg] = process.argv.slice(2);
const run = { deploy, status, new: () => createMigration(arg) }[command ?? ""];
if (!run) {
  console.error("usage: tsx scripts/migrate.ts deploy | status | new <name>");
  process.exit(2);
}
run().catch((error: Error) => {
  console.error(`Error: ${error.message}`);
  process.exit(1);
});
