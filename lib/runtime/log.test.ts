import { describe, expect, it } from "vitest";
import { loggablePath } from "./log";

describe("paths in the log", () => {
  it("drops the query string, where sign-in and unsubscribe links carry their tokens", () => {
    expect(loggablePath("/api/auth/callback/email?token=abc&email=a%40b.org")).toBe("/api/auth/callback/email");
    expect(loggablePath("/unsubscribe?token=xyz")).toBe("/unsubscribe");
  });

  it("hides an invitation link's token, and keeps other paths as they are", () => {
    expect(loggablePath("/invitations/s3cr3t-token-value")).toBe("/invitations/[token]");
    expect(loggablePath("/invitations/s3cr3t/accept?x=1")).toBe("/invitations/[token]/accept");
    expect(loggablePath("/proposals/irci-ballad/trial")).toBe("/proposals/irci-ballad/trial");
  });
});
