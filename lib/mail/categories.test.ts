import { describe, expect, it } from "vitest";
import { EMAIL_CATEGORIES, categoryOfKind, modeFor, type EmailMode } from "./categories";

// Every kind of notification the portal writes (lib/discussion, lib/proposals, lib/votes).
const KINDS = [
  "comment.mention",
  "comment.reply",
  "comment.new",
  "proposal.status",
  "interest.asked",
  "vote.opened",
  "vote.closing",
  "vote.closed",
];

describe("email categories", () => {
  it("put every notification kind in exactly one setting", () => {
    for (const kind of KINDS)
      expect(
        EMAIL_CATEGORIES.filter((c) => (c.kinds as readonly string[]).includes(kind)),
        kind,
      ).toHaveLength(1);
    expect(EMAIL_CATEGORIES.flatMap((c) => c.kinds).sort()).toEqual([...KINDS].sort());
  });
  it("send what asks something of you at once, and the rest in the digest, by default", () => {
    const none = new Map<string, EmailMode>();
    expect(modeFor("comment.mention", none)).toBe("IMMEDIATE");
    expect(modeFor("vote.closing", none)).toBe("IMMEDIATE");
    expect(modeFor("interest.asked", none)).toBe("IMMEDIATE");
    expect(modeFor("comment.new", none)).toBe("DIGEST");
    expect(modeFor("proposal.status", none)).toBe("DIGEST");
  });
  it("follow the person's own choice for the kind's category", () => {
    const saved = new Map<string, EmailMode>([
      ["mentions", "OFF"],
      ["comments", "IMMEDIATE"],
    ]);
    expect(modeFor("comment.reply", saved)).toBe("OFF");
    expect(modeFor("comment.new", saved)).toBe("IMMEDIATE");
    expect(modeFor("vote.opened", saved)).toBe("IMMEDIATE");
  });
  it("mail a kind no category lists at once rather than lose it", () => {
    expect(categoryOfKind("something.new")).toBeUndefined();
    expect(modeFor("something.new", new Map([["mentions", "OFF"]]))).toBe("IMMEDIATE");
  });
});
