import { describe, expect, it } from "vitest";
import { unsupportedNodeMessage } from "./node-version";

describe("supported Node.js", () => {
  it.each(["20.20.2", "22.11.0", "18.19.1"])("refuses %s with what to do", (version) => {
    expect(unsupportedNodeMessage(version)).toMatch(/too old: the portal needs 22\.12 or newer.*nvm install 24/);
  });
  it.each(["22.12.0", "22.20.1", "24.22.3", "26.1.0"])("accepts %s", (version) => {
    expect(unsupportedNodeMessage(version)).toBeUndefined();
  });
});
