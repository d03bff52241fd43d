// Where the build puts the portal's own server (scripts/bundle.ts), for everything that starts it:
// npm start, the end-to-end tests, the benchmark. The image runs the same file (Dockerfile).
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

/** `node SERVER_BUNDLE`, run from the project root, serves the build in .next (PORT, default 3000). */
export const SERVER_BUNDLE = path.join(ROOT, ".next", "portal", "server.cjs");
/** The build step that makes SERVER_BUNDLE (and the migrate and seed bundles beside it). */
export const BUNDLE_SCRIPT = path.join(ROOT, "scripts", "bundle.ts");

/** `next build` has run here. */
export function nextBuildExists(): boolean {
  return existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}

/** The server bundle exists (a build made before it existed, or by `next build` alone, lacks it). */
export function serverBundleExists(): boolean {
  return existsSync(SERVER_BUNDLE);
}
