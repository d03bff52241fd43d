import { describe, expect, it } from "vitest";
import { proposalCacheKey, staleProposalEntries } from "./page-cache";

/** Whether the shared cache drops `key` for these prefixes (it drops keys starting with one). */
const drops = (prefixes: string[], key: string) => prefixes.some((p) => key.startsWith(p));

describe("which proposal page entries an audited change drops", () => {
  it("a ballot drops its proposal's vote and timeline, nothing else of it and nothing of another proposal", () => {
    const stale = staleProposalEntries({ action: "ballot.cast", entityType: "proposal", entityId: "p1" });
    expect(drops(stale, proposalCacheKey("p1", "vote"))).toBe(true);
    expect(drops(stale, proposalCacheKey("p1", "timeline"))).toBe(true);
    for (const part of ["core", "comments", "interests", "feasibility", "documents"] as const) {
      expect(drops(stale, proposalCacheKey("p1", part))).toBe(false);
    }
    expect(drops(stale, proposalCacheKey("p10", "vote"))).toBe(false);
  });

  it("a comment drops the discussion; a saved draft the proposal itself; each with the timeline", () => {
    for (const action of ["comment.posted", "comment.edited", "comment.deleted"]) {
      const stale = staleProposalEntries({ action, entityType: "proposal", entityId: "p1" });
      expect(drops(stale, proposalCacheKey("p1", "comments"))).toBe(true);
      expect(drops(stale, proposalCacheKey("p1", "core"))).toBe(false);
    }
    const saved = staleProposalEntries({ action: "proposal.saved", entityType: "proposal", entityId: "p1" });
    expect(drops(saved, proposalCacheKey("p1", "core"))).toBe(true);
    expect(drops(saved, proposalCacheKey("p1", "timeline"))).toBe(true);
    expect(drops(saved, proposalCacheKey("p1", "vote"))).toBe(false);
  });

  it("any other change to a proposal drops all of that proposal's parts, and only that proposal's", () => {
    const stale = staleProposalEntries({ action: "interest.recorded", entityType: "proposal", entityId: "p1" });
    expect(drops(stale, proposalCacheKey("p1", "documents"))).toBe(true);
    expect(drops(stale, proposalCacheKey("p1", "core"))).toBe(true);
    expect(drops(stale, proposalCacheKey("p2", "core"))).toBe(false);
  });

  it("a change audited against anything else, or naming no proposal, drops every proposal's parts", () => {
    for (const event of [
      { action: "person.deactivated", entityType: "user", entityId: "u1" },
      { action: "group.changed", entityType: "group", entityId: "g1" },
      { action: "proposal.something", entityType: "proposal", entityId: null },
    ]) {
      const stale = staleProposalEntries(event);
      expect(drops(stale, proposalCacheKey("p1", "core"))).toBe(true);
      expect(drops(stale, proposalCacheKey("p2", "vote"))).toBe(true);
    }
  });
});
