// The accrual forecast where people decide: beside the interest matrix, in the criteria checklist
// as a warning, and on the vote panel; a pledge changes it in the same request. The expected
// figures come from the pure model with the same pledges (it is seeded, so they are exact).
import { expect, test } from "./test";
import { screenshot, signInAsDemo } from "./helpers";
import { forecastFromPledges, formatMonths, type Pledge } from "../lib/forecast/pledges";

const median = (target: number, pledges: Pledge[]) => {
  const result = forecastFromPledges({ target, pledges });
  if (!result.ok) throw new Error(result.why);
  return formatMonths(result.forecast.medianMonths);
};

test("a proposal in review shows its forecast, a warning in the checklist, and the figure on the vote panel", async ({ page }) => {
  await signInAsDemo(page, "Emil Stratum"); // chairs the salivary group: the vote panel shows
  await page.goto("/proposals/demo-salivary-her2");
  const forecast = page.getByRole("region", { name: "Accrual forecast" });
  const expected = median(120, [
    { organization: "EORTC", level: "LEAD", expectedSites: 20, expectedPatientsPerYear: 12 },
    // JCOG and CCTG gave illustrative feasibility sites (the demo data): each site opens when it says.
    {
      organization: "JCOG",
      level: "PARTICIPATE",
      expectedSites: 3,
      expectedPatientsPerYear: 7,
      sites: [
        { expectedPerYear: 2, monthsToActivation: 10 },
        { expectedPerYear: 3, monthsToActivation: 14 },
        { expectedPerYear: 1.7, monthsToActivation: 18 },
      ],
    },
    {
      organization: "CCTG",
      level: "PARTICIPATE",
      expectedSites: 2,
      expectedPatientsPerYear: 3,
      sites: [
        { expectedPerYear: 1, monthsToActivation: 12 },
        { expectedPerYear: 1.6, monthsToActivation: 15 },
      ],
    },
  ]);
  await expect(forecast.getByRole("definition").first()).toHaveText(expected);
  await expect(forecast).toContainText("21.3 patients a year pledged");
  await expect(forecast).toContainText("takes each site of JCOG, CCTG from its feasibility");
  await expect(page.getByRole("list", { name: "Eligibility checklist" })).toContainText("Accrual may take long");
  await expect(page.getByRole("region", { name: "Vote" })).toContainText(`120 patients take a median of ${expected}`);
  await screenshot(page, "proposal-forecast");
});

test("a representative's pledge changes the forecast in the same request", async ({ page }) => {
  await signInAsDemo(page, "Charlie Consort"); // COSA's representative
  await page.goto("/proposals/demo-anal-maintenance");
  const forecast = page.getByRole("region", { name: "Accrual forecast" });
  const cruk: Pledge = { organization: "CRUK", level: "LEAD", expectedSites: 12, expectedPatientsPerYear: 15 };
  const before = median(36, [cruk, { organization: "COSA", level: "PARTICIPATE", expectedSites: 6, expectedPatientsPerYear: 8 }]);
  const after = median(36, [cruk, { organization: "COSA", level: "PARTICIPATE", expectedSites: 9, expectedPatientsPerYear: 30 }]);
  expect(after).not.toBe(before);
  await expect(forecast.getByRole("definition").first()).toHaveText(before);

  await page.getByRole("radio", { name: "participate" }).check();
  await page.getByLabel("Expected sites").fill("9");
  await page.getByLabel("Expected patients a year").fill("30");
  await page.getByRole("button", { name: "Record interest" }).click();
  await expect(page.getByRole("status").filter({ hasText: "recorded" })).toBeVisible();
  await expect(forecast.getByRole("definition").first()).toHaveText(after);
  await expect(forecast).toContainText("45 patients a year pledged");
});
