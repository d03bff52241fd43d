import { describe, expect, it } from "vitest";
import { recipients, type Audience } from "./fanout";

const audience: Audience = {
  actor: "actor",
  authors: ["author1", "author2"],
  followers: ["follower", "author2"],
  representatives: ["repNCI", "repEORTC", "actor"],
  leadRepresentatives: ["repNCI"],
};

describe("notification fan-out", () => {
  it.each([
    [
      "a comment reaches authors and followers, once each, not its writer",
      { kind: "comment", commentAuthor: "actor", mentioned: [], repliedTo: null },
      ["author1", "author2", "follower"],
    ],
    [
      "a comment skips those told by a mention or a reply",
      { kind: "comment", commentAuthor: "actor", mentioned: ["author1"], repliedTo: "follower" },
      ["author2"],
    ],
    [
      "a status change reaches authors, followers and the lead's representative",
      { kind: "status", newStatus: "SUBMITTED" },
      ["author1", "author2", "follower", "repNCI"],
    ],
    ["a request for interest reaches every representative but the actor", { kind: "interest.asked" }, ["repNCI", "repEORTC"]],
  ] as const)("%s", (_name, happening, expected) => {
    expect(recipients(happening, audience).sort()).toEqual([...expected].sort());
  });

  it("nobody acting (the job queue) leaves everyone in", () => {
    expect(recipients({ kind: "status", newStatus: "APPROVED" }, { ...audience, actor: null }).sort()).toEqual([
      "author1",
      "author2",
      "follower",
      "repNCI",
    ]);
  });
});
