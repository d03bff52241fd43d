import { describe, expect, it } from "vitest";
import { composeAccessMail } from "./mail";
import { ZDecideAccess, ZInvite, ZReason, ZSetSecretariat } from "./schema";

describe("people-management input", () => {
  it("an invitation: the address in small letters, a known role, an organization id or none, the box ticked or not", () => {
    expect(ZInvite.parse({ email: " Ana.Pereira@Example.ORG ", role: "DEPUTY", organizationId: "", secretariat: "yes" })).toEqual({
      email: "ana.pereira@example.org",
      role: "DEPUTY",
      organizationId: "",
      secretariat: true,
    });
    const refused = ZInvite.safeParse({ email: "not an address", role: "OWNER", organizationId: "{not:''}", secretariat: "true" });
    expect(refused.error?.issues.map((i) => i.path[0]).sort()).toEqual(["email", "organizationId", "role", "secretariat"]);
  });

  it("a refusal needs its reason; an approval does not", () => {
    expect(ZDecideAccess.safeParse({ decision: "approve", reason: "" }).success).toBe(true);
    expect(ZDecideAccess.safeParse({ decision: "refuse", reason: "  " }).error?.issues[0]?.path).toEqual(["reason"]);
    expect(ZReason.safeParse("a\u0000b").success).toBe(false);
    expect(ZSetSecretariat.safeParse({ secretariat: "maybe" }).success).toBe(false);
  });

  it("access mail is plain text first, and its HTML escapes what people typed", () => {
    const mail = composeAccessMail({
      subject: "s",
      paragraphs: ["The reason given: <script>alert(1)</script>"],
      link: { url: "https://portal.example/invitations/abc?x=1&y=2", label: "Accept" },
    });
    expect(mail.text).toContain("<script>alert(1)</script>");
    expect(mail.text).toContain("Accept: https://portal.example/invitations/abc?x=1&y=2");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain('href="https://portal.example/invitations/abc?x=1&amp;y=2"');
  });
});
