// What db:backup and db:restore share: which database they talk to, said in words, and figures
// printed for people.
import path from "node:path";
import { DATA_DIR, redactUrl, runningEmbeddedUrl } from "./database";

/** Describes the database a command is about to use, before it opens it. */
export function describeTarget(): string {
  if (process.env.DATABASE_URL) return `the database at ${redactUrl(process.env.DATABASE_URL)}`;
  if (runningEmbeddedUrl()) return "the embedded database of the running portal";
  const folder = path.relative(process.cwd(), DATA_DIR) || DATA_DIR;
  return `the embedded database in ${folder}/ (the portal is not running: started for this command, stopped after)`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export const formatMs = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** A table of names and row counts, the busy ones first. */
export function rowsTable(tables: { name: string; rows: number }[]): string {
  const width = Math.max(...tables.map((t) => t.name.length), 5);
  return [...tables]
    .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name))
    .map((t) => `  ${t.name.padEnd(width)} ${String(t.rows).padStart(8)}`)
    .join("\n");
}
