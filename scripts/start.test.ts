// npm start with a database server of one's own runs in production: it refuses to start, naming what
// to fix, before it touches the database (nothing here listens on the address given).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

function start(env: Record<string, string>) {
  const base = { ...process.env };
  for (const name of ["DATABASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "PORTAL_MODE", "EMAIL_SERVER", "PORTAL_DEMO_ON_SERVER"])
    delete base[name];
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...base, PORT: "3479", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm start on a database server", () => {
  it("refuses a weak secret and a missing public address, naming both", () => {
    const run = start({
      DATABASE_URL: "postgresql://irci@127.0.0.1:9/irci",
      NEXTAUTH_SECRET: "changeme",
      EMAIL_SERVER: "smtp://127.0.0.1:9",
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/NEXTAUTH_SECRET: .*openssl rand -hex 32/);
    expect(run.stdout + run.stderr).toMatch(/NEXTAUTH_URL: is not set/);
  });

  it("gets past the settings with a strong secret and the public address (then finds no database)", () => {
    const run = start({
      DATABASE_URL: "postgresql://irci@127.0.0.1:9/irci",
      NEXTAUTH_SECRET: "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60",
      NEXTAUTH_URL: "https://portal.example.org",
      EMAIL_SERVER: "smtp://127.0.0.1:9",
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/Invalid configuration/);
    expect(run.stdout + run.stderr).toMatch(/reach database server/);
  });
});
