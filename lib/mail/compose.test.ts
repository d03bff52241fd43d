import { describe, expect, it } from "vitest";
import { composeDigestMail, composeNotificationMail, type MailContext } from "./compose";

const ctx: MailContext = {
  baseUrl: "https://portal.irci.example",
  timeZone: "Asia/Tokyo",
  reason: "Someone mentions me or replies to my comment",
  unsubscribeUrl: "https://portal.irci.example/unsubscribe?token=abc.def",
};
const at = new Date("2026-11-25T01:00:00Z");

describe("notification email", () => {
  it("names what happened, links to it in full, and says how to stop it", () => {
    const mail = composeNotificationMail(
      { title: "Robin mentioned you: INPACT", body: "Could NCI join?", link: "/proposals/p1#comment-c1", createdAt: at },
      ctx,
    );
    expect(mail.subject).toBe("[IRCI] Robin mentioned you: INPACT");
    expect(mail.text).toContain("Could NCI join?");
    expect(mail.text).toContain("https://portal.irci.example/proposals/p1#comment-c1");
    expect(mail.text).toContain("Stop these emails: https://portal.irci.example/unsubscribe?token=abc.def");
    expect(mail.text).toContain("https://portal.irci.example/notifications/settings");
    expect(mail.html).toContain('href="https://portal.irci.example/proposals/p1#comment-c1"');
  });
  it("escapes what people wrote in the HTML part", () => {
    const mail = composeNotificationMail(
      { title: "<b>x</b>", body: `<script>alert("x")</script> & "quotes"`, link: null, createdAt: at },
      ctx,
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(mail.html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(mail.text).toContain("https://portal.irci.example/notifications"); // no link: the list
  });
});

describe("the daily digest", () => {
  const items = [
    { title: "New comment: INPACT", body: "First line\nsecond line", link: "/proposals/p1", createdAt: at },
    { title: "Approved: BALLAD", body: "", link: "/proposals/p2", createdAt: at },
  ];
  it("lists each item with its time in the reader's zone", () => {
    const mail = composeDigestMail(items, 2, { ...ctx, reason: "Daily digest" });
    expect(mail.subject).toBe("[IRCI] Your daily digest: 2 updates");
    expect(mail.text).toContain("* New comment: INPACT (25 Nov 2026, 10:00 GMT+9)");
    expect(mail.text).toContain("  First line\n");
    expect(mail.text).not.toContain("second line");
    expect(mail.text).toContain("https://portal.irci.example/proposals/p2");
    expect(mail.text).not.toContain("more:");
  });
  it("counts what it does not list", () => {
    const mail = composeDigestMail(items, 75, ctx);
    expect(mail.subject).toBe("[IRCI] Your daily digest: 75 updates");
    expect(mail.text).toContain("… and 73 more: https://portal.irci.example/notifications");
    expect(composeDigestMail(items.slice(0, 1), 1, ctx).subject).toBe("[IRCI] Your daily digest: 1 update");
  });
});
