// Site feasibility on a proposal: a representative attaches a site to their organization's interest;
// its pledge (the sum over its sites) and the accrual forecast change in the same request. A bad
// figure is refused on its field and what was typed stays. A portal of its own, so the demo
// proposal's pledges stay as the forecast spec expects them.
import { expect, test } from "./test";
import { screenshot, signInAsDemo } from "./helpers";
import { type Portal, startPortal } from "./portal";
import { forecastFromPledges, formatMonths, type Pledge } from "../lib/forecast/pledges";

let portal: Portal;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await startPortal("feasibility", { demo: true });
});
test.afterAll(async () => {
  await portal?.stop();
});

const median = (pledges: Pledge[]) => {
  const result = forecastFromPledges({ target: 120, pledges });
  if (!result.ok) throw new Error(result.why);
  return formatMonths(result.forecast.medianMonths);
};
const EORTC: Pledge = { organization: "EORTC", level: "LEAD", expectedSites: 20, expectedPatientsPerYear: 12 };
const JCOG: Pledge = {
  organization: "JCOG",
  level: "PARTICIPATE",
  expectedSites: 3,
  expectedPatientsPerYear: 7,
  sites: [
    { expectedPerYear: 2, monthsToActivation: 10 },
    { expectedPerYear: 3, monthsToActivation: 14 },
    { expectedPerYear: 1.7, monthsToActivation: 18 },
  ],
};
const CCTG_SITES = [
  { expectedPerYear: 1, monthsToActivation: 12 },
  { expectedPerYear: 1.6, monthsToActivation: 15 },
];
const cctg = (sites: Pledge["sites"]): Pledge => ({
  organization: "CCTG",
  level: "PARTICIPATE",
  expectedSites: null,
  expectedPatientsPerYear: null,
  sites,
});

test("a representative adds a site: a bad share is refused on its field, then the pledge and the forecast follow", async ({ page }) => {
  await signInAsDemo(page, "Drew Interim", portal.baseURL); // CCTG's representative
  await page.goto(`${portal.baseURL}/proposals/demo-salivary-her2`);
  const interest = page.getByRole("region", { name: "Partner interest" });
  const forecast = page.getByRole("region", { name: "Accrual forecast" });
  const feasibility = page.getByRole("region", { name: "Site feasibility" });
  const cctgRow = interest.getByRole("row", { name: /^CCTG/ });
  await expect(cctgRow.getByRole("cell").nth(1)).toHaveText("2");
  // The matrix shows the pledge as the forecast counts it: the sum over the sites, to one decimal.
  await expect(cctgRow.getByRole("cell").nth(2)).toHaveText("2.6");
  await expect(forecast.getByRole("definition").first()).toHaveText(median([EORTC, JCOG, cctg(CCTG_SITES)]));
  await expect(feasibility.getByRole("table", { name: "Feasibility sites of CCTG" })).toContainText("CCTG site A (illustrative)");
  // Another organization's sites are shown, never its forms.
  await expect(feasibility.getByText("Edit or remove JCOG site A (illustrative)")).toHaveCount(0);

  const add = feasibility.locator("details", { hasText: "Add a site for CCTG" });
  await add.getByText("Add a site for CCTG").click();
  await add.getByLabel("Site", { exact: true }).fill("CCTG site C (test)");
  await add.getByLabel("Country (optional)").fill("Canada");
  await add.getByLabel("Patients seen a year").fill("20");
  await add.getByLabel("Share eligible (%)").fill("140");
  await add.getByLabel("Share consenting (%)").fill("80");
  await add.getByLabel("Competing trials").fill("0");
  await add.getByLabel("Months to activation").fill("6");
  await add.getByRole("checkbox", { name: "Drug import possible" }).check();
  await add.getByRole("button", { name: "Add site" }).click();
  await expect(add.getByText("Enter the share eligible as a percentage from 0 to 100.")).toBeVisible();
  await expect(add.getByLabel("Share eligible (%)")).toHaveAttribute("aria-invalid", "true");
  // Nothing typed is lost.
  await expect(add.getByLabel("Site", { exact: true })).toHaveValue("CCTG site C (test)");
  await expect(add.getByLabel("Share eligible (%)")).toHaveValue("140");
  await expect(add.getByRole("checkbox", { name: "Drug import possible" })).toBeChecked();

  await add.getByLabel("Share eligible (%)").fill("60");
  await add.getByRole("button", { name: "Add site" }).click();
  await expect(page.getByRole("status").filter({ hasText: "CCTG site C (test) is added" })).toBeVisible();
  // 20 × 60% × 80% = 9.6 a year; with 1 + 1.6 from the other two sites, the pledge is 12.2 from 3 sites.
  await expect(page.getByRole("status").filter({ hasText: "3 sites, 12.2 patients a year" })).toBeVisible();
  await expect(feasibility.getByRole("table", { name: "Feasibility sites of CCTG" })).toContainText("CCTG site C (test)");
  await expect(cctgRow.getByRole("cell").nth(1)).toHaveText("3");
  await expect(cctgRow.getByRole("cell").nth(2)).toHaveText("12.2");
  const after = median([EORTC, JCOG, cctg([...CCTG_SITES, { expectedPerYear: 9.6, monthsToActivation: 6 }])]);
  expect(after).not.toBe(median([EORTC, JCOG, cctg(CCTG_SITES)]));
  await expect(forecast.getByRole("definition").first()).toHaveText(after);
  await expect(forecast).toContainText("takes each site of JCOG, CCTG from its feasibility");

  // The change is in the history, with who made it.
  await feasibility.getByText(/^Changes to sites/).click();
  await expect(
    feasibility
      .getByRole("list", { name: /Changes to feasibility sites/ })
      .getByRole("listitem")
      .first(),
  ).toContainText("CCTG added CCTG site C (test)");
  await expect(
    feasibility
      .getByRole("list", { name: /Changes to feasibility sites/ })
      .getByRole("listitem")
      .first(),
  ).toContainText("Drew Interim");

  const section = feasibility;
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: "e2e/screenshots/feasibility-section.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await section.screenshot({ path: "e2e/screenshots/feasibility-section.phone.png" });
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, "proposal-feasibility");
});
