import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allow only scripts with this request's nonce, and no framing, plugins or foreign form targets", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("frame-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("base-uri 'self'");
  });
  it("let the development build evaluate code, and production not", () => {
    expect(contentSecurityPolicy("n", { development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n")).not.toContain("'unsafe-eval'");
  });
  it("ask for HTTPS only where the portal is served over it", () => {
    expect(securityHeaders({ https: true })["strict-transport-security"]).toMatch(/max-age=31536000/);
    expect(securityHeaders({ https: false })["strict-transport-security"]).toBeUndefined();
  });
});
