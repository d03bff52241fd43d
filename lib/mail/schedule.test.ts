import { describe, expect, it } from "vitest";
import { digestDue, isPermanentFailure, retryDelayMs } from "./schedule";

describe("retry backoff", () => {
  it("doubles from a minute and stops growing at an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});

describe("when the daily digest is due", () => {
  const at = (iso: string) => new Date(iso);
  it("is due at 07:00 local time for what waited from before then, so once a local day", () => {
    // Sydney in November is UTC+11: 07:00 local is 20:00 UTC the day before.
    const waiting = at("2026-11-25T02:00:00Z"); // 13:00 in Sydney on the 25th
    expect(digestDue(at("2026-11-25T19:59:00Z"), waiting, "Australia/Sydney")).toBe(false);
    expect(digestDue(at("2026-11-25T20:00:00Z"), waiting, "Australia/Sydney")).toBe(true);
    // Something that came after this morning's digest waits for tomorrow's.
    expect(digestDue(at("2026-11-26T05:00:00Z"), at("2026-11-25T20:01:00Z"), "Australia/Sydney")).toBe(false);
    expect(digestDue(at("2026-11-26T20:00:00Z"), at("2026-11-25T20:01:00Z"), "Australia/Sydney")).toBe(true);
  });
  it("does not send a first digest the moment something arrives in the afternoon", () => {
    expect(digestDue(at("2026-11-25T16:50:00Z"), at("2026-11-25T16:49:00Z"), "Europe/London")).toBe(false);
    expect(digestDue(at("2026-11-26T07:00:00Z"), at("2026-11-25T16:49:00Z"), "Europe/London")).toBe(true);
  });
  it("follows each office's clock, not the server's", () => {
    const waiting = at("2026-11-24T12:00:00Z");
    const now = at("2026-11-25T12:30:00Z");
    expect(digestDue(now, waiting, "America/New_York")).toBe(true); // 07:30
    expect(digestDue(now, waiting, "America/Los_Angeles")).toBe(false); // 04:30
    expect(digestDue(now, waiting, "Asia/Tokyo")).toBe(true); // 21:30
  });
  it("keeps to 07:00 local across a daylight-saving change", () => {
    // Paris moves from UTC+1 to UTC+2 on 29 March 2026: 07:00 is 06:00 UTC before, 05:00 UTC after.
    const waiting = at("2026-03-28T09:00:00Z");
    expect(digestDue(at("2026-03-29T04:59:00Z"), waiting, "Europe/Paris")).toBe(false);
    expect(digestDue(at("2026-03-29T05:00:00Z"), waiting, "Europe/Paris")).toBe(true);
    // Sydney leaves daylight saving on 5 April 2026 (UTC+11 to UTC+10): 07:00 is 21:00 UTC the day before.
    expect(digestDue(at("2026-04-05T20:30:00Z"), at("2026-04-04T22:00:00Z"), "Australia/Sydney")).toBe(false);
    expect(digestDue(at("2026-04-05T21:00:00Z"), at("2026-04-04T22:00:00Z"), "Australia/Sydney")).toBe(true);
  });
  it("sends what waited from before the hour the same morning", () => {
    expect(digestDue(at("2026-11-25T08:00:00Z"), at("2026-11-25T03:00:00Z"), "Europe/London")).toBe(true);
  });
});

describe("which SMTP failures are final", () => {
  it("5xx answers are; 4xx answers and lost connections are tried again", () => {
    expect(isPermanentFailure(Object.assign(new Error("550 no such user"), { responseCode: 550 }))).toBe(true);
    expect(isPermanentFailure(Object.assign(new Error("451 try later"), { responseCode: 451 }))).toBe(false);
    expect(isPermanentFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }))).toBe(false);
    expect(isPermanentFailure(null)).toBe(false);
  });
});
