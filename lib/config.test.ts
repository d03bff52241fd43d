import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

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
});
