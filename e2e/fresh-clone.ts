// A fresh clone of this working tree, as a new user has it after `git clone` and `npm install`:
// the files git would hand over (tracked, plus new files not ignored, so uncommitted work is tested
// too), no .next, no .data, no generated client; node_modules hard-linked from this checkout (an
// install from the same lock file, without the network or the minute it takes).
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

export interface FreshClone {
  dir: string;
  remove(): void;
}

export function freshClone(): FreshClone {
  // Enterable by others: as root, the embedded server runs as the `postgres` user.
  const dir = mkdtempSync(path.join(tmpdir(), "irci-clone-"));
  chmodSync(dir, 0o755);
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree, not yet committed
    const to = path.join(dir, file);
    mkdirSync(path.dirname(to), { recursive: true });
    const stat = lstatSync(from);
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else copyFileSync(from, to);
    chmodSync(to, stat.mode & 0o777);
  }
  for (const made of [".next", ".data", "lib/generated"]) {
    if (existsSync(path.join(dir, made))) throw new Error(`the fresh clone has ${made}: is it missing from .gitignore?`);
  }
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(dir, "node_modules")]);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
