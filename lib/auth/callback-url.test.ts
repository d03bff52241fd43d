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
    ["/proposals/x", `${base}/proposals/x`],
    [`${base}/groups?status=ACTIVE`, `${base}/groups?status=ACTIVE`],
    ["https://evil.example/phish", `${base}/dashboard`],
    ["http://[", `${base}/dashboard`],
    ["%%%", `${base}/dashboard`],
    ["/\\evil.example", `${base}/dashboard`],
    ["", `${base}/dashboard`],
  ])("%j -> %s", (url, expected) => {
    expect(authRedirect(url, base)).toBe(expected);
  });
});
