// npm run db:restore -- <file> [--force]
// Puts a backup from npm run db:backup back, all or nothing, then applies any migration this
// version of the portal has that the backup predates: see ops/backup/restore.ts and README, Backups.
import path from "node:path";
import { restoreBackup } from "../ops/backup/restore";
import { listMigrations, openEngine } from "../ops/migrate/engine";
import { describeTarget, formatMs, rowsTable } from "./lib/backup-cli";
import { runningEmbeddedUrl, withDatabase } from "./lib/database";

const USAGE = "Usage: npm run db:restore -- <backup file> [--force]";

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((a) => a !== "--force");
  const unknown = files.find((a) => a.startsWith("--"));
  if (unknown) throw new Error(`Unknown option ${unknown}. ${USAGE}`);
  if (files.length !== 1) throw new Error(USAGE);
  const file = path.resolve(files[0]!);
  // A restore replaces every table under the portal's feet: the embedded one must be stopped.
  if (!process.env.DATABASE_URL && runningEmbeddedUrl()) {
    throw new Error("The portal is running on the embedded database: stop it (Ctrl-C in its terminal) and run the restore again.");
  }
  console.log(`Restoring ${path.relative(process.cwd(), file) || file} into ${describeTarget()}`);
  await withDatabase(async (url) => {
    const summary = await restoreBackup(url, file, { force });
    const { header } = summary;
    const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      [
        `Restored in ${formatMs(summary.ms)}: the backup of ${header.created ?? "an unknown date"} (${header.server ?? "unknown server"}, database ${header.database ?? "?"})`,
        `  ${header.migrations.length} migrations, ${summary.tables.length} tables, ${rows} rows` +
          (summary.sequences ? `, ${summary.sequences} sequences` : "") +
          (summary.replacedData ? "; the data that was there before is replaced (--force)" : ""),
        rowsTable(summary.tables.filter((t) => t.rows > 0)),
      ].join("\n"),
    );
    // A backup from an older version: bring its data up to this version, as an upgrade would.
    const restored = new Set(header.migrations.map((m) => m.name));
    if (listMigrations().migrationDirectories.every((d) => restored.has(d.path))) return;
    const engine = await openEngine(url);
    try {
      const applied = await engine.deploy();
      if (applied.length) console.log(`Then applied the migrations newer than the backup:\n${applied.map((n) => `  ${n}`).join("\n")}`);
    } finally {
      await engine.close();
    }
  });
}

main().catch((error: Error) => {
  console.error(`Restore failed: ${error.message}`);
  process.exit(1);
});
