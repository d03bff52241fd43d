import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token";

const SECRET = "a-long-secret-for-tests";

describe("unsubscribe tokens", () => {
  it("carry whom and which email, and read back", () => {
    const token = unsubscribeToken({ userId: "cmabc123", category: "mentions" }, SECRET);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/); // safe in a URL as it is
    expect(readUnsubscribeToken(token, SECRET)).toEqual({ userId: "cmabc123", category: "mentions" });
  });
  it("refuse a token altered to name someone else, or another category", () => {
    const token = unsubscribeToken({ userId: "alice", category: "mentions" }, SECRET);
    const [, mac] = token.split(".");
    const forged = `${Buffer.from("bob.mentions").toString("base64url")}.${mac}`;
    expect(readUnsubscribeToken(forged, SECRET)).toBeNull();
    const other = `${Buffer.from("alice.all").toString("base64url")}.${mac}`;
    expect(readUnsubscribeToken(other, SECRET)).toBeNull();
  });
  it("refuse another portal's token, a truncated one and garbage", () => {
    const token = unsubscribeToken({ userId: "alice", category: "all" }, SECRET);
    expect(readUnsubscribeToken(token, "another-secret")).toBeNull();
    expect(readUnsubscribeToken(token.slice(0, -3), SECRET)).toBeNull();
    expect(readUnsubscribeToken(`${token}.x`, SECRET)).toBeNull();
    for (const junk of ["", ".", "abc", "a.b", "%%%.%%%"]) expect(readUnsubscribeToken(junk, SECRET)).toBeNull();
  });
});
