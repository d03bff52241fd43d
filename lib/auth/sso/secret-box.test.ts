import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

describe("client secrets at rest", () => {
  const key = "a portal secret of enough length for the tests";
  it("opens what it sealed, and never stores the secret as written", () => {
    const sealed = sealSecret("s3cr3t-value", key);
    expect(sealed).not.toContain("s3cr3t");
    expect(openSecret(sealed, key)).toBe("s3cr3t-value");
  });
  it("seals the same secret differently each time (a fresh nonce)", () => {
    expect(sealSecret("same", key)).not.toBe(sealSecret("same", key));
  });
  it("refuses a value sealed with another key, altered, or not sealed at all", () => {
    const sealed = sealSecret("s3cr3t-value", key);
    expect(openSecret(sealed, "another portal secret")).toBeNull();
    const [v, iv, tag, body = ""] = sealed.split(".");
    const flipped = body[0] === "A" ? `B${body.slice(1)}` : `A${body.slice(1)}`;
    expect(openSecret([v, iv, tag, flipped].join("."), key)).toBeNull();
    expect(openSecret("plain text", key)).toBeNull();
  });
});
