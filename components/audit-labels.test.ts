import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROPOSAL_EVENTS } from "@/lib/proposals/workflow";
import { AUDIT_ACTIONS, auditActionLabel } from "./audit-labels";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return full.endsWith(".ts") && !full.endsWith(".test.ts") ? [full] : [];
  });
}

describe("audit action labels", () => {
  it("has words for every action the code records", () => {
    const root = path.resolve(__dirname, "..");
    const recorded = new Set<string>();
    for (const file of [...sources(path.join(root, "lib")), ...sources(path.join(root, "ops"))]) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/action: "([a-z]+\.[A-Za-z_]+)"/g)) recorded.add(m[1]!);
      for (const m of text.matchAll(/trialAudit\([^)]*?"((?:trial|startup)\.[a-z_]+)"/g)) recorded.add(m[1]!);
    }
    for (const event of PROPOSAL_EVENTS) recorded.add(`proposal.${event}`);
    expect(recorded.size).toBeGreaterThan(25);
    expect([...recorded].filter((a) => !AUDIT_ACTIONS.has(a))).toEqual([]);
  });

  it("reads as words", () => {
    expect(auditActionLabel("auth.signed_in")).toBe("Signed in");
    expect(auditActionLabel("proposal.startReview")).toBe("Start review");
    expect(auditActionLabel("something.new")).toBe("Other change");
  });
});
