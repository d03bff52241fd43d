// People management, as the people who do it: the secretariat invites a colleague, who accepts
// from the emailed link and signs in; NCI's representative makes them a deputy, who records NCI's
// interest; the representative deactivates them while their browser is open, and its next request
// lands on sign-in. Refusals (one's own role, the last representative) show on the field.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { navigate, screenshot, signInAsDemo } from "./helpers";

/** The newest captured mail to `to` with `subject`, waited for (the mail worker sends within seconds), and its first link. */
async function linkFromMailbox(page: Page, to: string, subject: string) {
  const mail = page.getByRole("article", { name: `Mail to ${to}: ${subject}` }).first();
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const link = await mail.locator("a.mail-link").first().getAttribute("href");
  expect(link).toBeTruthy();
  return link!;
}

test("a colleague is invited, accepts, signs in, acts as a deputy, and is deactivated with their browser open", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const colleague = `colleague-${randomUUID().slice(0, 8)}@nci.irci.example`;

  // The secretariat invites a colleague to NCI as a member.
  await signInAsDemo(page, "Quinn Quorum");
  await navigate(page, "People");
  await expect(page.getByRole("heading", { name: "People", exact: true })).toBeVisible();
  const inviteForm = page.getByRole("form", { name: "Invite someone" });
  await inviteForm.getByLabel("Email address").fill(colleague);
  await inviteForm.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
  await inviteForm.getByLabel("Organization", { exact: true }).selectOption({ label: "NCI: U.S. National Cancer Institute" });
  await inviteForm.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `An invitation is on its way to ${colleague}` })).toBeVisible();

  // The colleague, in a browser of their own, opens the link from the mail.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  const invitation = await linkFromMailbox(them, colleague, "You are invited to the IRCI portal");
  expect(invitation).toMatch(/\/invitations\/[A-Za-z0-9_-]{40,}$/);
  await them.goto(invitation);
  await expect(them.getByRole("heading", { name: "You are invited to the IRCI portal" })).toBeVisible();
  await expect(them.getByText("U.S. National Cancer Institute (NCI)")).toBeVisible();
  await expect(them.getByText("Member", { exact: true })).toBeVisible();
  await screenshot(them, "invitation");
  await expect(them.getByLabel("Your name")).toHaveValue("");
  await them.getByLabel("Your name").fill("Alex Invitee");
  await them.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(them.getByRole("status")).toContainText("your account is ready. You can sign in now.");

  // The link works once.
  await them.goto(invitation);
  await expect(them.getByText("This invitation has already been accepted.")).toBeVisible();

  // They sign in with an email link.
  await them.goto(`/signin?callbackUrl=/dashboard&email=${encodeURIComponent(colleague)}`);
  await them.getByLabel("Work email address").fill(colleague);
  await them.getByRole("button", { name: "Email me a sign-in link" }).click();
  const signIn = await linkFromMailbox(them, colleague, "Your sign-in link for the IRCI portal");
  await them.goto(signIn);
  await expect(them.getByRole("heading", { name: "Welcome, Alex" })).toBeVisible();

  // NCI's representative makes them a deputy; they are told.
  await page.context().clearCookies();
  await signInAsDemo(page, "Riley Placebo");
  await page.goto("/organizations/nci");
  await page.getByRole("link", { name: "Manage NCI's people" }).click();
  await expect(page.getByRole("heading", { name: "People of NCI" })).toBeVisible();
  const alex = page.getByRole("listitem", { name: "Alex Invitee" });
  await alex.getByText("Change Alex Invitee").click();
  await alex.getByLabel("Role of Alex Invitee").selectOption({ label: "Deputy representative" });
  await alex.getByRole("button", { name: "Change role" }).click();
  await expect(alex.getByRole("status")).toContainText("Alex Invitee is now a deputy representative");
  await expect(alex.getByText("Deputy representative", { exact: true }).first()).toBeVisible();

  // The deputy records NCI's interest: the history says who acted.
  await them.goto("/proposals/demo-uveal-liver");
  await them.getByRole("radio", { name: "be interested" }).check();
  await them.getByRole("button", { name: "Record interest" }).click();
  await expect(them.getByRole("status").filter({ hasText: "Your organization's interest is recorded." })).toBeVisible();
  await them.reload();
  await expect(them.getByRole("region", { name: "History of interest" })).toContainText("Alex Invitee");

  // The representative deactivates them with a reason; the deputy's open browser is signed out at its next request.
  await page.reload();
  await alex.getByText("Change Alex Invitee").click();
  await alex.getByLabel("Why deactivate Alex Invitee?").fill("Moved to another institute");
  await alex.getByRole("button", { name: "Deactivate" }).click();
  // The card shows it at once: deactivated, with the reason.
  await expect(alex).toContainText("Deactivated");
  await expect(alex).toContainText("Moved to another institute");

  await them.goto("/dashboard");
  await expect(them).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  await theirs.close();
});

test("refusals show on the field: one's own role, and the organization's last representative", async ({ page }) => {
  await signInAsDemo(page, "Riley Placebo"); // NCI's only representative
  await page.goto("/organizations/nci/people");
  const riley = page.getByRole("listitem", { name: "Riley Placebo" });
  await riley.getByText("Change Riley Placebo").click();
  await riley.getByLabel("Role of Riley Placebo").selectOption({ label: "Member" });
  await riley.getByRole("button", { name: "Change role" }).click();
  const role = riley.getByLabel("Role of Riley Placebo");
  await expect(role).toHaveAttribute("aria-invalid", "true");
  await expect(riley.getByText("You cannot change your own role")).toBeVisible();
  await screenshot(page, "people-nci-representative");

  // NCI's deputy cannot demote NCI's last representative either.
  await page.context().clearCookies();
  await signInAsDemo(page, "Morgan Washout");
  await page.goto("/organizations/nci/people");
  const again = page.getByRole("listitem", { name: "Riley Placebo" });
  await again.getByText("Change Riley Placebo").click();
  await again.getByLabel("Role of Riley Placebo").selectOption({ label: "Member" });
  await again.getByRole("button", { name: "Change role" }).click();
  await expect(again.getByLabel("Role of Riley Placebo")).toHaveAttribute("aria-invalid", "true");
  await expect(again.getByText(/last active representative: an organization always keeps one/)).toBeVisible();

  // A member of NCI has no access to the page.
  await page.context().clearCookies();
  await signInAsDemo(page, "Casey Cohort");
  const response = await page.goto("/organizations/nci/people");
  expect(response?.status()).toBe(403);
});
