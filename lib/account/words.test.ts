import { describe, expect, it } from "vitest";
import { addressWords, browserWords, methodWords, providerOrganization, zoneWords } from "./words";

const UA = {
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
  iphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
  android: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
};

describe("browserWords", () => {
  it.each([
    [UA.safariMac, "Safari 17 on macOS"],
    [UA.chromeWindows, "Chrome 124 on Windows 10"],
    [UA.edge, "Microsoft Edge 124 on Windows 10"],
    [UA.iphone, "Safari 17 on iPhone"],
    [UA.firefoxLinux, "Firefox 125 on Linux"],
    [UA.android, "Chrome 124 on Android 14"],
  ])("reads %s as %s", (ua, words) => {
    expect(browserWords(ua)).toBe(words);
  });

  it("says so when there is nothing to read, and never repeats a header it cannot read", () => {
    expect(browserWords(null)).toBe("Browser not recorded");
    expect(browserWords("   ")).toBe("Browser not recorded");
    expect(browserWords("curl/8.5.0")).toBe("Unknown browser");
    expect(browserWords("<script>alert(1)</script>")).toBe("Unknown browser");
    expect(browserWords("x".repeat(100_000))).toBe("Unknown browser");
  });
});

describe("methodWords", () => {
  const shortNames = new Map([["nci", "NCI"]]);
  it("names the email link and an organization's sign-in by its short name", () => {
    expect(methodWords("email", shortNames)).toBe("Email link");
    expect(methodWords("oidc-nci", shortNames)).toBe("Sign in with NCI");
    expect(methodWords("oidc-kcsg", shortNames)).toBe("Sign in with KCSG");
  });
  it("says when the method was not kept (sessions from before) or is not one it knows", () => {
    expect(methodWords(null, shortNames)).toBe("Not recorded");
    expect(methodWords("github", shortNames)).toBe("Another way");
    expect(providerOrganization("oidc-")).toBeNull();
    expect(providerOrganization("oidc-jcog")).toBe("jcog");
  });
});

describe("addressWords", () => {
  it("gives the address as it was recorded", () => {
    expect(addressWords("203.0.113.7")).toBe("address 203.0.113.7");
    expect(addressWords("2001:db8::1")).toBe("address 2001:db8::1");
    expect(addressWords(null)).toBe("address not recorded");
  });
});

describe("zoneWords", () => {
  it("names the zone with its offset at that moment, and UTC once", () => {
    expect(zoneWords("Europe/Brussels", new Date("2026-01-15T12:00:00Z"))).toBe("Europe/Brussels (UTC+1)");
    expect(zoneWords("America/New_York", new Date("2026-07-15T12:00:00Z"))).toBe("America/New York (UTC-4)");
    expect(zoneWords("UTC")).toBe("UTC");
  });
});
