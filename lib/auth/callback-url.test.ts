import { describe, expect, it } from "vitest";
import { authRedirect, safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/groups", "/groups"],
    ["/groups/anal?x=1", "/groups/anal?x=1"],
    ["https://evil.example/steal", "/dashboard"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    ["/\t/evil.example/login", "/dashboard"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/\n/evil.example", "/dashboard"],
    ["/groups\\..\\evil", "/dashboard"],
    ["///evil.example", "/dashboard"],
    ["", "/dashboard"],
    [undefined, "/dashboard"],
  ])("%s -> %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});

describe("authRedirect", () => {
  const base = "https://portal.example.org";
  it.each([
    ["/proposals/x", "/proposals/x"],
    [`${base}/groups?status=ACTIVE`, "/groups?status=ACTIVE"],
    ["https://evil.example/phish", "/dashboard"],
    ["//evil.example/phish", "/dashboard"],
    ["http://[", "/dashboard"],
    ["%%%", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["", "/dashboard"],
  ])("%j -> %s (a path: the browser stays on the host it signed in on)", (url, expected) => {
    expect(authRedirect(url, base)).toBe(expected);
  });
});
