import { describe, expect, it } from "vitest";
import { PLACEHOLDER_SECRET, configProblems, parseConfig, secretWeakness } from "./config";

const DATABASE_URL = "postgresql://localhost/irci";

describe("configuration", () => {
  it("defaults to production, which needs an SMTP server", () => {
    expect(() => parseConfig({ DATABASE_URL })).toThrow(/EMAIL_SERVER/);
  });

  it("production never has demo sign-in nor a captured mailbox", () => {
    const c = parseConfig({ DATABASE_URL, EMAIL_SERVER: "smtp://mail.example.org:587" });
    expect(c.demo).toBe(false);
    expect(c.captureMail).toBe(false);
  });

  it("refuses demo mode on a database server unless a second setting says it is meant", () => {
    expect(() => parseConfig({ DATABASE_URL, PORTAL_MODE: "demo" })).toThrow(
      /PORTAL_MODE: demo mode lets anyone sign in.*PORTAL_DEMO_ON_SERVER=true/,
    );
    expect(parseConfig({ DATABASE_URL, PORTAL_MODE: "demo", PORTAL_DEMO_ON_SERVER: "true" }).demo).toBe(true);
    expect(parseConfig({ DATABASE_URL, PORTAL_MODE: "demo", EMBEDDED_DATABASE: "true" }).demo).toBe(true);
    expect(() => parseConfig({ DATABASE_URL, PORTAL_MODE: "demo", PORTAL_DEMO_ON_SERVER: "yes" })).toThrow(/PORTAL_DEMO_ON_SERVER/);
  });

  it("sends the long-lived connections to DATABASE_DIRECT_URL when a pooler sits behind DATABASE_URL", () => {
    const base = { DATABASE_URL, PORTAL_MODE: "demo", EMBEDDED_DATABASE: "true" };
    expect(parseConfig(base).directDatabaseUrl).toBe(DATABASE_URL);
    const direct = "postgresql://db.internal:5432/irci";
    expect(parseConfig({ ...base, DATABASE_URL: "postgresql://pgbouncer:6432/irci", DATABASE_DIRECT_URL: direct }).directDatabaseUrl).toBe(
      direct,
    );
  });

  it("demo without SMTP captures mail in the development mailbox", () => {
    const c = parseConfig({ DATABASE_URL, PORTAL_MODE: "demo", EMBEDDED_DATABASE: "true" });
    expect(c.demo).toBe(true);
    expect(c.captureMail).toBe(true);
  });

  it("demo with SMTP sends real mail", () => {
    expect(
      parseConfig({ DATABASE_URL, PORTAL_MODE: "demo", PORTAL_DEMO_ON_SERVER: "true", EMAIL_SERVER: "smtp://localhost:2525" }).captureMail,
    ).toBe(false);
  });

  it("refuses unknown modes, missing database and bad numbers with a message naming the variable", () => {
    expect(() => parseConfig({ DATABASE_URL, PORTAL_MODE: "staging" })).toThrow(/PORTAL_MODE/);
    expect(() => parseConfig({ PORTAL_MODE: "demo" })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ DATABASE_URL, PORTAL_MODE: "demo", DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
  });

  describe("a production deployment (PORTAL_MODE=production, NODE_ENV=production)", () => {
    const strong = "9f2c4e7a1b3d5f60817a2c4e6b8d0f1357"; // 34 characters, as `openssl rand -hex` gives
    const production = {
      DATABASE_URL,
      EMAIL_SERVER: "smtp://mail.example.org:587",
      NODE_ENV: "production",
      NEXTAUTH_URL: "https://portal.example.org",
      NEXTAUTH_SECRET: strong,
    };

    it("starts with a generated secret and its public address, and keeps the secret out of the settings object", () => {
      const c = parseConfig(production);
      expect(c.NEXTAUTH_URL).toBe("https://portal.example.org");
      expect(JSON.stringify(c)).not.toContain(strong);
      expect(configProblems(production)).toEqual([]);
    });

    it("refuses a missing secret, saying how to make one", () => {
      expect(configProblems({ ...production, NEXTAUTH_SECRET: undefined })).toEqual([
        "NEXTAUTH_SECRET: is not set: generate one with `openssl rand -hex 32` and set it, the same on every instance",
      ]);
    });

    it.each([
      [PLACEHOLDER_SECRET, /placeholder from \.env\.example/],
      ["e2e-secret-not-for-production", /29 characters long; it needs at least 32/],
      ["a".repeat(64), /only 1 different characters/],
      ["0123456780123456780123456780123456", /only 9 different characters/],
      ["changeme-changeme-changeme-changeme-1", /the word "changeme"/],
      ["MySuperSecret2026!MySuperSecret2026!", /the word "secret"/],
      ["Password123456789012345678901234567", /the word "password"/],
    ])("refuses the weak secret %s", (secret, why) => {
      const problems = configProblems({ ...production, NEXTAUTH_SECRET: secret });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^NEXTAUTH_SECRET: /);
      expect(problems[0]).toMatch(why);
      expect(problems[0]).toContain("openssl rand -hex 32");
      expect(() => parseConfig({ ...production, NEXTAUTH_SECRET: secret })).toThrow(/NEXTAUTH_SECRET/);
    });

    it.each(["9f2c4e7a1b3d5f60817a2c4e6b8d0f1357", "q8ZLk2v+Jw0bXr7yH3mN5pT1cF6gD9sA4eU=", "e2e-only-4c7d1a9f0b3e8265-not-for-production"])(
      "accepts the generated-looking secret %s",
      (secret) => {
        expect(secretWeakness(secret)).toBeNull();
        expect(configProblems({ ...production, NEXTAUTH_SECRET: secret })).toEqual([]);
      },
    );

    it("requires the public address: no localhost default in production", () => {
      expect(configProblems({ ...production, NEXTAUTH_URL: undefined })).toEqual([
        "NEXTAUTH_URL: is not set: set it to the portal's public address (e.g. https://portal.example.org), which links in email point to",
      ]);
    });

    it("refuses a public address that is not http(s)", () => {
      expect(configProblems({ ...production, NEXTAUTH_URL: "portal.example.org" })[0]).toMatch(/^NEXTAUTH_URL: .*public address/);
      expect(configProblems({ ...production, NEXTAUTH_URL: "ftp://portal.example.org" })[0]).toMatch(
        /^NEXTAUTH_URL: must start with https:\/\//,
      );
    });

    it("lists every problem at once, each naming its variable", () => {
      const problems = configProblems({ NODE_ENV: "production", DATABASE_POOL_SIZE: "500" });
      expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
        "DATABASE_POOL_SIZE",
        "DATABASE_URL",
        "NEXTAUTH_SECRET",
        "NEXTAUTH_URL",
      ]);
    });

    it("leaves demo instances and runs outside NODE_ENV=production to their own defaults", () => {
      expect(configProblems({ DATABASE_URL, NODE_ENV: "production", PORTAL_MODE: "demo", EMBEDDED_DATABASE: "true" })).toEqual([]);
      expect(parseConfig({ DATABASE_URL, NODE_ENV: "production", PORTAL_MODE: "demo", EMBEDDED_DATABASE: "true" }).NEXTAUTH_URL).toBe(
        "http://localhost:3000",
      );
      expect(
        configProblems({ DATABASE_URL, EMAIL_SERVER: "smtp://mail.example.org:587", NODE_ENV: "test", NEXTAUTH_SECRET: "short" }),
      ).toEqual([]);
    });
  });
});
