// The deployment files, checked where no Docker engine runs: docker-compose.yml parsed as YAML (by
// js-yaml, which ESLint's configuration loader already brings), the Dockerfile, nginx's
// configuration and .dockerignore read as text.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const yaml = createRequire(__filename)("js-yaml") as { load(text: string): unknown };

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[]; interval?: string; start_period?: string };
  stop_grace_period?: string;
  logging?: { driver: string; options?: Record<string, string> };
  depends_on?: Record<string, { condition: string }> | string[];
}

const compose = yaml.load(read("docker-compose.yml")) as { services: Record<string, Service> };
const services = compose.services;
/** Services that run the portal's own image: the ones built from this folder or naming its image. */
const portalImage = services.migrate?.image;

describe("docker-compose.yml", () => {
  it("builds the portal's image once and runs that same image for the migration and the app", () => {
    expect(portalImage).toMatch(/^irci-portal:/);
    const builders = Object.entries(services).filter(([, s]) => s.build !== undefined);
    expect(builders.map(([name]) => name)).toEqual(["migrate"]);
    const users = Object.entries(services).filter(([, s]) => s.image?.startsWith("irci-portal"));
    expect(users.map(([name]) => name).sort()).toEqual(["app", "migrate"]);
    for (const [, s] of users) expect(s.image).toBe(portalImage);
  });

  it("migrates with the image's bundled scripts, then starts the app", () => {
    expect(services.migrate?.command?.join(" ")).toContain("node .next/portal/migrate.cjs deploy");
    expect(services.migrate?.command?.join(" ")).toContain("node .next/portal/seed.cjs --reference-only");
    expect(services.app?.depends_on).toMatchObject({ migrate: { condition: "service_completed_successfully" } });
  });

  it("gives the app a readiness health check and a stop grace period longer than its own shutdown bound", () => {
    const app = services.app!;
    expect(app.healthcheck?.test.join(" ")).toContain("/api/health/ready");
    expect(app.stop_grace_period).toBe("30s");
    const bound = Number(app.environment?.SHUTDOWN_TIMEOUT_MS);
    expect(bound).toBeGreaterThan(0);
    expect(bound).toBeLessThan(30_000);
  });

  it("rotates every container's log", () => {
    for (const [name, s] of Object.entries(services)) {
      expect(s.logging?.driver, name).toBe("json-file");
      expect(s.logging?.options?.["max-size"], name).toMatch(/^\d+m$/);
      expect(Number(s.logging?.options?.["max-file"]), name).toBeGreaterThan(1);
    }
  });

  it("holds no secret value: every password, secret and mail server comes from the environment", () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        if (!/PASSWORD|SECRET|EMAIL_SERVER|DATABASE_URL|TOKEN|KEY/.test(key)) continue;
        // A value is either a ${VARIABLE} reference or a URL whose password is one.
        const withoutReferences = String(value).replace(/\$\{[A-Z_]+(?::?[?-][^}]*)?\}/g, "");
        expect(withoutReferences, `${name}.${key}`).not.toMatch(/:[^@/:]+@/);
        if (!key.includes("URL") && !key.includes("SERVER")) expect(withoutReferences, `${name}.${key}`).toBe("");
      }
    }
  });
});

describe("deploy/nginx.conf", () => {
  const nginx = read("deploy/nginx.conf").replace(/#.*$/gm, "");
  it("resolves the app replicas through Docker's DNS at run time, again and again", () => {
    expect(nginx).toMatch(/resolver\s+127\.0\.0\.11\s+valid=\d+s/);
    // A variable in proxy_pass is what makes nginx resolve per request instead of once at start.
    const passes = [...nginx.matchAll(/proxy_pass\s+([^;]+);/g)].map((m) => m[1]);
    expect(passes.length).toBeGreaterThan(0);
    for (const target of passes) expect(target).toMatch(/^\$/);
    expect(nginx).toMatch(/set\s+\$\w+\s+http:\/\/app:3000;/);
  });
  it("logs no query string and no invitation token, and keeps the health checks off the internet", () => {
    const format = /log_format\s+portal\s+([^;]+);/.exec(nginx)?.[1] ?? "";
    expect(format).toContain("$loggable_uri");
    expect(format).not.toMatch(/\$request\b|\$request_uri|\$args|\$query_string|\$uri\b/);
    expect(nginx).toMatch(/access_log\s+\S+\s+portal;/);
    expect(nginx).toMatch(/~\^\/invitations\/\s+\/invitations\/\[token\];/);
    expect(nginx).toMatch(/location \/api\/health\/ \{[^}]*allow 10\.0\.0\.0\/8;[^}]*deny all;/);
  });
  it("keeps the 51 MB upload location and the forwarded headers", () => {
    expect(nginx).toMatch(/location = \/api\/documents \{[^}]*client_max_body_size 51m;/);
    for (const header of ["X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Request-Id"]) {
      expect(nginx).toContain(`proxy_set_header ${header}`);
    }
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
  it("runs node 24 as a non-root user under an init process, node itself as the command", () => {
    expect(runtime).toMatch(/^\nFROM node:24/);
    expect(runtime).toMatch(/\nUSER node\n/);
    expect(runtime).toContain('ENTRYPOINT ["tini", "--"]');
    expect(runtime).toMatch(/\nCMD \["node", /);
    expect(runtime).not.toMatch(/npm (start|run)/);
  });
  it("copies only the build's output into the runtime stage, never the whole build or its node_modules", () => {
    const copies = [...runtime.matchAll(/^COPY .*$/gm)].map((m) => m[0]);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy).toContain("--from=build");
      expect(copy).not.toMatch(/\/app\/? /);
      expect(copy).not.toMatch(/\/app\/node_modules(\/)? /);
    }
    expect(runtime).toContain("HEALTHCHECK");
  });
});

describe(".dockerignore", () => {
  const ignored = read(".dockerignore")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  it("keeps secrets and local data out of the build context", () => {
    // Secrets in any folder (a key under deploy/tls/ as much as one at the top).
    for (const pattern of ["**/.env", "**/.env.*", "**/*.pem", "**/*.key", "**/secrets/", "**/backups/", "**/*.sql.gz"]) {
      expect(ignored, pattern).toContain(pattern);
    }
    for (const pattern of [".data", "node_modules", ".next", ".git"]) expect(ignored, pattern).toContain(pattern);
    // The example settings carry no secret and document the variables.
    expect(ignored).toContain("!.env.example");
    expect(ignored.indexOf("!.env.example")).toBeGreaterThan(ignored.indexOf("**/.env.*"));
  });
});
