// npm run db:backup [-- --out <file>]
// A consistent, compressed backup of the portal's database (the uploaded documents included: they
// live in its tables), written by Node alone: see ops/backup/backup.ts and README, Backups.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { writeBackup } from "../ops/backup/backup";
import { PROJECT_ROOT } from "../ops/migrate/engine";
import { describeTarget, formatBytes, formatMs, rowsTable } from "./lib/backup-cli";
import { withDatabase } from "./lib/database";

function outputFile(args: string[]): string {
  const at = args.indexOf("--out");
  if (at !== -1) {
    const file = args[at + 1];
    if (!file || file.startsWith("--")) throw new Error("--out needs a file name: npm run db:backup -- --out /path/to/irci.sql.gz");
    return path.resolve(file);
  }
  const unknown = args.filter((a) => a !== "--out");
  if (unknown.length) throw new Error(`Unknown option ${unknown[0]}. Usage: npm run db:backup [-- --out <file>]`);
  // 2026-12-03T07:05:09Z -> 20261203T070509Z: sorts by time and is a valid file name everywhere.
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
  return path.join(PROJECT_ROOT, "backups", `irci-${stamp}.sql.gz`);
}

async function main() {
  const file = outputFile(process.argv.slice(2));
  mkdirSync(path.dirname(file), { recursive: true });
  console.log(`Backing up ${describeTarget()}`);
  const summary = await withDatabase((url) => writeBackup(url, file));
  const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    [
      `Wrote ${path.relative(process.cwd(), summary.file) || summary.file} (${formatBytes(summary.bytes)}) in ${formatMs(summary.ms)}:`,
      `  PostgreSQL ${summary.server}, ${summary.migrations} migrations, ${summary.tables.length} tables, ${rows} rows` +
        (summary.sequences ? `, ${summary.sequences} sequences` : ""),
      rowsTable(summary.tables.filter((t) => t.rows > 0)),
      "Restore it with: npm run db:restore -- <file>",
    ].join("\n"),
  );
}

main().catch((error: Error) => {
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
});
