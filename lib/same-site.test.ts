import { describe, expect, it } from "vitest";
import { fromThisSite } from "./same-site";

const h = (headers: Record<string, string>) => new Headers(headers);

describe("fromThisSite", () => {
  it("accepts the portal's own pages, directly and behind a load balancer", () => {
    expect(fromThisSite(h({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(fromThisSite(h({ origin: "https://portal.example.org", host: "app:3000", "x-forwarded-host": "portal.example.org" }))).toBe(
      true,
    );
  });
  it("refuses other sites, a missing or malformed Origin", () => {
    expect(fromThisSite(h({ origin: "https://evil.example", host: "portal.example.org" }))).toBe(false);
    expect(fromThisSite(h({ host: "portal.example.org" }))).toBe(false);
    expect(fromThisSite(h({ origin: "null", host: "portal.example.org" }))).toBe(false);
  });
});
