// The secretariat admits a ninth member organization, and it takes part at once: listed with its
// office on the organizations page, named in the footer, and a row in a proposal's interest matrix.
// On a portal of its own: the other suites' pages know IRCI as its eight.
import { expect, test } from "./test";
import { type Portal, startPortal } from "./portal";
import { screenshot, signInAsDemo } from "./helpers";

let portal: Portal;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await startPortal("organizations", { demo: true });
});
test.afterAll(async () => {
  await portal?.stop();
});

test("the secretariat adds a member organization; it is listed and has its row in a proposal's interest matrix", async ({ page }) => {
  test.setTimeout(180_000);
  const base = portal.baseURL;
  await signInAsDemo(page, "Quinn Quorum", base);
  await page.goto(`${base}/organizations`);
  const main = page.getByRole("main");
  await expect(main.getByText("IRCI's 8 members")).toBeVisible();
  const form = page.getByRole("form", { name: "Add a member organization" });

  // A short name already taken is refused on its field, and nothing typed is lost.
  await form.getByLabel("Name", { exact: true }).fill("Korean Cancer Study Group");
  await form.getByLabel("Short name").fill("nci");
  await form.getByLabel("Country of its office").selectOption({ label: "South Korea" });
  await form.getByLabel("Time zone of its office").fill("Asia/Seoul");
  await form.getByRole("button", { name: "Add the organization" }).click();
  await expect(form.getByText(/NCI \(.*\) already uses this short name or one that differs only in capitals/)).toBeVisible();
  await expect(form.getByLabel("Short name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Korean Cancer Study Group");
  await expect(form.getByLabel("Country of its office")).toHaveValue("KR");
  await expect(form.getByLabel("Time zone of its office")).toHaveValue("Asia/Seoul");
  await screenshot(page, "organization-add-refused");

  await form.getByLabel("Short name").fill("KCSG");
  await form.getByRole("button", { name: "Add the organization" }).click();
  await expect(form.getByRole("status")).toHaveText(/KCSG is now a member organization/);
  await expect(main.getByText("IRCI's 9 members")).toBeVisible();
  const card = main.getByRole("listitem").filter({ has: page.getByRole("link", { name: "KCSG", exact: true }) });
  await expect(card).toContainText("Korean Cancer Study Group");
  await expect(card).toContainText("South Korea");
  await expect(card).toContainText("Asia/Seoul");
  await expect(card).toContainText("Monday to Friday");
  await expect(card.locator("time")).toHaveText(/^\d{2}:\d{2}$/);
  await expect(page.getByRole("contentinfo")).toContainText("KCSG");
  // Ready for the next one.
  await expect(form.getByLabel("Short name")).toHaveValue("");
  await screenshot(page, "organization-added");

  // A proposal's interest matrix has a row for it, not yet recorded.
  const proposal = await portal.db.proposal.findFirstOrThrow({ where: { status: "IN_REVIEW" }, select: { id: true } });
  await page.goto(`${base}/proposals/${proposal.id}`);
  const matrix = page.getByRole("table", { name: "Each member organization's interest in this proposal" });
  await expect(matrix.getByRole("row")).toHaveCount(9 + 2); // a row each, the heading and the totals
  await expect(matrix.getByRole("row", { name: /KCSG \(KR\)/ })).toContainText("Not recorded");
  // A vote would have a ballot for it: the usual quorum is a majority of nine.
  await expect(page.getByText("Usually 5 of 9, a majority.")).toBeVisible();
  await screenshot(page, "proposal-matrix-nine");
});
