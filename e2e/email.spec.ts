import { expect, test } from "./test";
import { openAccountMenu, screenshot, signInAsDemo } from "./helpers";

// Two people in different organizations, sixteen hours apart: a mention reaches the other's bell
// and, through the job queue's mail worker, their mailbox; the email's link stops that kind of
// mail without signing in; the settings page shows and changes it.
test("a mention reaches the other person's bell and mailbox, and the email's link stops such mail", async ({ page }) => {
  test.setTimeout(120_000);
  const words = `could JCOG open sites? (${Date.now()})`;
  await signInAsDemo(page, "Camille Médiane");
  await page.goto("/proposals/irci-ballad");
  const discussion = page.getByRole("region", { name: /Discussion/ });
  await discussion.getByLabel("Add to the discussion").fill(`@haru.hazard ${words}`);
  await discussion.getByRole("button", { name: "Post", exact: true }).click();
  await expect(discussion.getByRole("article", { name: "Comment by Camille Médiane (INCa)" }).filter({ hasText: words })).toBeVisible();

  await page.context().clearCookies();
  await signInAsDemo(page, "Haru Hazard");
  await page.getByRole("link", { name: /Notifications, \d+ unread/ }).click();
  await expect(
    page
      .getByRole("main")
      .getByRole("link", { name: /Camille Médiane mentioned you/ })
      .first(),
  ).toBeVisible();

  // The mail worker sends within seconds of the comment; the development mailbox keeps demo people's mail.
  const mail = page
    .getByRole("article", { name: /^Mail to haru\.hazard@jcog\.irci\.example: \[IRCI\] Camille Médiane mentioned you/ })
    .filter({ hasText: words });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 75_000, intervals: [1_000] });
  await expect(mail).toContainText("/proposals/irci-ballad#comment-");
  await screenshot(page, "mailbox-mention");

  // Signed out, as from a mail program: the link asks before it changes anything.
  const stop = await mail.getByRole("link", { name: /\/unsubscribe\?token=/ }).getAttribute("href");
  await page.context().clearCookies();
  await page.goto(stop!);
  await expect(
    page.getByText("Stop sending emails for “Someone mentions me or replies to my comment” to haru.hazard@jcog.irci.example?"),
  ).toBeVisible();
  await screenshot(page, "unsubscribe");
  await page.getByRole("button", { name: "Stop these emails" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done: we stopped sending" })).toBeVisible();

  // Forged links are refused with a way forward.
  await page.goto(`${stop!}x`);
  await expect(page.getByRole("main")).toContainText("This unsubscribe link is not valid.");

  // Haru's settings show it, and can turn it back on as a digest.
  await signInAsDemo(page, "Haru Hazard");
  await openAccountMenu(page);
  await page.getByRole("menuitem", { name: "Email and time zone" }).click();
  const mentions = page.getByRole("group", { name: "Someone mentions me or replies to my comment" });
  await expect(mentions.getByRole("radio", { name: "Off" })).toBeChecked();
  await expect(page.getByText(/07:00 in Asia\/Tokyo \(UTC\+9\)/)).toBeVisible();
  await screenshot(page, "email-settings");
  await mentions.getByRole("radio", { name: "Daily digest" }).check();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByText("Saved. Your email settings apply from the next notification.")).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("group", { name: "Someone mentions me or replies to my comment" }).getByRole("radio", { name: "Daily digest" }),
  ).toBeChecked();

  // One rule for times: the person's own zone (here their organization's, until they choose another), named beside each time.
  const zone = page.getByRole("region", { name: "Your time zone" });
  await expect(zone).toContainText("Now Asia/Tokyo (UTC+9).");
  await zone.getByLabel("Time zone").selectOption("America/New_York");
  await zone.getByRole("button", { name: "Save time zone" }).click();
  await expect(zone.getByRole("status")).toHaveText("Saved. Every time in the portal and in your email is now shown in this zone.");
  await page.reload();
  await expect(page.getByText(/07:00 in America\/New York \(UTC-5\)/)).toBeVisible();
  await page.goto("/notifications");
  await expect(
    page
      .getByRole("main")
      .getByText(/GMT-5|EST/)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("main").getByText(/GMT\+9/)).toHaveCount(0);
  // Back to the organization's.
  await page.goto("/notifications/settings");
  await zone.getByLabel("Time zone").selectOption("");
  await zone.getByRole("button", { name: "Save time zone" }).click();
  await expect(zone.getByRole("status")).toHaveText("Saved. Every time in the portal and in your email is now shown in this zone.");
  await page.reload();
  await expect(zone).toContainText("Now Asia/Tokyo (UTC+9).");
});
