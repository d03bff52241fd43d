import { expect, test } from "./test";
import { navigate, screenshot, signInAsDemo } from "./helpers";

test("the secretariat finds a proposal submitted a moment ago in its work queue and starts the review from there", async ({ page }) => {
  test.setTimeout(90_000);
  const title = "Adjuvant therapy for resected salivary duct carcinoma (work queue e2e)";

  // A member of the salivary gland group drafts a proposal and submits it.
  await signInAsDemo(page, "Yuki Sample");
  await navigate(page, "Proposals");
  await page.getByRole("link", { name: "New proposal" }).click();
  await page.getByLabel("Working title").fill(title);
  await page.getByLabel("Expert group").selectOption({ label: "Salivary gland cancer expert group" });
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Edit proposal" })).toBeVisible();
  const proposalUrl = page.url().replace(/\/edit$/, "");
  for (const [label, value] of Object.entries({
    Population: "Adults after resection of AR-positive salivary duct carcinoma",
    Intervention: "Androgen deprivation for one year",
    Comparator: "Observation",
    "Primary outcome": "Disease-free survival",
  })) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as revision 2." })).toBeVisible();
  await page.goto(proposalUrl);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "the proposal is now submitted" })).toBeVisible();

  // The secretariat signs in right after: the dashboard's work queue shows it, not "Nothing new".
  await page.context().clearCookies();
  await signInAsDemo(page, "Quinn Quorum");
  await page.goto("/dashboard");
  const queue = page.getByRole("region", { name: "Work queue" });
  const submitted = queue.getByRole("region", { name: /^Submitted, awaiting review \(\d+\)$/ });
  const item = submitted.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(item).toContainText(/Waiting under an hour · submitted \d+ \w+ \d{4}, \d\d:\d\d/);
  await expect(queue.getByRole("region", { name: /^Votes closing within 72 hours \(\d+\)$/ })).toBeVisible();
  await expect(queue.getByRole("region", { name: /^Trial milestones late \(\d+\) or due in 30 days \(\d+\)$/ })).toBeVisible();
  await screenshot(page, "dashboard-work-queue");

  // The link leads to where the work is done: the proposal, with the review to start.
  await item.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "the proposal is now in review" })).toBeVisible();

  // Done: it leaves the queue.
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Work queue" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Work queue" }).getByRole("link", { name: title })).toHaveCount(0);
});

test("a member who chairs no group has no work queue", async ({ page }) => {
  await signInAsDemo(page, "Robin Crossover");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: /^Welcome, Robin/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Work queue" })).toHaveCount(0);
});
