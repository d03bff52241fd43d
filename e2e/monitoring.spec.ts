// Monitoring a running trial: the seeded demo trial (EORTC 1206, illustrative accrual) shows its reported
// accrual against the forecast band, the same numbers as a table, and its at-risk state; an organization
// taking part reports its own accrual and the re-forecast follows in the same request; the portfolio flags it.
import { expect, test } from "./test";
import { screenshot, signInAsDemo } from "./helpers";

test("a taking-part organization reports its own accrual; the band, the table and the at-risk verdict follow", async ({ page }) => {
  await signInAsDemo(page, "Taylor Protocol"); // CRUK's representative: CRUK takes part in EORTC 1206, led by EORTC
  await page.goto("/proposals/irci-eortc-1206/trial");
  const accrual = page.getByRole("region", { name: "Accrual" });
  const verdict = accrual.getByTestId("monitor-verdict");
  await expect(verdict).toContainText("At risk");
  await expect(verdict).toContainText("152 by February 2021");
  await expect(accrual.getByRole("img", { name: /Reported accrual and forecast band\. At risk/ })).toBeVisible();
  await accrual.getByText("Show as a table").click();
  const table = accrual.getByRole("table", { name: "Reported accrual and the forecast, by month" });
  await expect(table.getByRole("row", { name: /planned end/ })).toBeVisible();
  const organizations = accrual.getByTestId("monitor-organizations");
  await expect(organizations.getByRole("row", { name: /EORTC/ })).toBeVisible();
  const before = await verdict.textContent();
  await screenshot(page, "trial-monitor");

  // CRUK's representative reports for CRUK (the form has no organization to choose), after the keepers' latest figures.
  await accrual.getByLabel("Date").fill("2021-06-01");
  await accrual.getByLabel("CRUK's patients so far").fill("40");
  await accrual.getByLabel("Source").fill("CRUK monthly report");
  await accrual.getByRole("button", { name: "Report CRUK's accrual" }).click();
  await expect(accrual.getByRole("status")).toHaveText("Accrual recorded.");
  await expect(organizations.getByRole("row", { name: /CRUK/ })).toContainText("40");
  await expect(verdict).not.toHaveText(before ?? "");
  await expect(verdict).toContainText("At risk");
  await expect(
    accrual.getByRole("table", { name: "Accrual reports, oldest first" }).getByRole("row", { name: /2021-06-01.*CRUK.*40/ }),
  ).toBeVisible();

  // Cumulative: CRUK cannot report fewer than it already has; the keepers correct an earlier report.
  await accrual.getByLabel("Date").fill("2021-07-01");
  await accrual.getByLabel("CRUK's patients so far").fill("30");
  await accrual.getByRole("button", { name: "Report CRUK's accrual" }).click();
  await expect(accrual.getByText(/40 patients were reported on 2021-06-01: 30 would be a drop/)).toBeVisible();

  // The portfolio flags the trials the monitor says are at risk, readable as a table.
  await page.goto("/portfolio");
  const monitor = page.getByRole("table", { name: /Each monitored trial/ });
  await expect(monitor.getByRole("row", { name: /EORTC 1206/ })).toContainText("At risk");
  await expect(monitor.getByRole("row", { name: /GOG-0277/ })).toContainText("At risk");
  await expect(monitor.getByRole("row", { name: /InPACT/ })).toContainText("At risk");
  await screenshot(page, "portfolio-monitor");
});

test("a trial without a planned end says what the monitor needs", async ({ page }) => {
  await signInAsDemo(page, "Taylor Protocol"); // CRUK leads BALLAD
  await page.goto("/proposals/irci-ballad/trial");
  await expect(page.getByTestId("monitor-missing")).toContainText("The accrual monitor cannot run yet");
  await expect(page.getByTestId("monitor-missing")).toContainText("the planned date of the “Accrual complete” milestone");
});
