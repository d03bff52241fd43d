// The accrual forecast where people decide: beside the interest matrix, in the criteria checklist
// as a warning, and on the vote panel; a pledge changes it in the same request. The expected
// figures come from the pure model with the same pledges (it is seeded, so they are exact).
import { expect, test } from "./test";
import { screenshot, signInAsDemo } from "./helpers";
import { forecastFromPledges, formatChance, formatMonths, type Pledge } from "../lib/forecast/pledges";

const outlook = (target: number, pledges: Pledge[], plannedAccrualMonths: number | null = null) => {
  const result = forecastFromPledges({ target, pledges, plannedAccrualMonths });
  if (!result.ok) throw new Error(result.why);
  return result.forecast;
};
const median = (target: number, pledges: Pledge[]) => formatMonths(outlook(target, pledges).medianMonths);

test("a proposal in review shows its forecast, a warning in the checklist, and the figure on the vote panel", async ({ page }) => {
  await signInAsDemo(page, "Emil Stratum"); // chairs the salivary group: the vote panel shows
  await page.goto("/proposals/demo-salivary-her2");
  const forecast = page.getByRole("region", { name: "Accrual forecast" });
  const pledges: Pledge[] = [
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
  ];
  const expected = median(120, pledges);
  await expect(forecast.getByRole("definition").first()).toHaveText(expected);
  await expect(forecast).toContainText("21.3 patients a year pledged");
  await expect(forecast).toContainText("takes each site of JCOG, CCTG from its feasibility");
  // The proposal plans 48 months of accrual (illustrative): the chance is given by its planned end, the
  // first site (JCOG's, at 10 months) plus 48 months.
  const planned = outlook(120, pledges, 48);
  expect(planned.horizonMonths).toBe(58);
  const chance = forecast.getByRole("term").filter({ hasText: "Chance by the planned end of accrual" });
  await expect(chance).toBeVisible();
  await expect(forecast.getByRole("definition").nth(2)).toHaveText(formatChance(planned.probabilityByHorizon));
  await expect(forecast).toContainText("4 years after the first site opens, 4.8 years after the vote");
  // Salivary gland cancer at 1.2 per 100,000 (illustrative) in Canada, Japan and the EU.
  await expect(forecast).toContainText("patients a year are diagnosed in Canada, Japan and the European Union");
  await expect(forecast).toContainText("The pledges (21.3 a year)");
  await expect(page.getByRole("list", { name: "Eligibility checklist" })).toContainText("Accrual may take long");
  await expect(page.getByRole("region", { name: "Vote" })).toContainText(`120 patients take a median of ${expected}`);
  await expect(page.getByRole("region", { name: "Vote" })).toContainText(
    `Chance of reaching them by the planned end of accrual (4 years after the first site opens): ${formatChance(planned.probabilityByHorizon)}`,
  );
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

  // A pledge beyond what the incidence allows (anal cancer at 1.9 per 100,000, illustrative, in the UK and
  // Australia: about 1,834 a year) is a warning in the checklist, not a block; an ordinary one clears it.
  const checklist = page.getByRole("list", { name: "Eligibility checklist" });
  await expect(checklist).not.toContainText("Pledges exceed the patients who arise");
  await page.getByLabel("Expected patients a year").fill("3000");
  await page.getByRole("button", { name: "Record interest" }).click();
  await expect(checklist).toContainText("Pledges exceed the patients who arise");
  await expect(checklist).toContainText(
    "pledge 3015 patients a year, but about 1834 a year are diagnosed in the United Kingdom and Australia",
  );
  await expect(forecast).toContainText("claim more patients than that");
  await page.getByLabel("Expected patients a year").fill("30");
  await page.getByRole("button", { name: "Record interest" }).click();
  await expect(checklist).not.toContainText("Pledges exceed the patients who arise");
  await expect(forecast).toContainText("45 patients a year pledged");
});

test("the secretariat sees the forecast's assumptions in the settings, and a bad value is refused on its field", async ({ page }) => {
  await signInAsDemo(page, "Quinn Quorum");
  await page.goto("/admin/settings");
  const card = page.getByRole("region", { name: "Accrual forecast" });
  await expect(card.getByLabel("Share of pledged patients the forecast expects (%)")).toHaveValue("50");
  await expect(card.getByLabel("Warn when the median time to the sample size exceeds (years)")).toHaveValue("5");
  await card.getByLabel("Share of pledged patients the forecast expects (%)").fill("150");
  await card.getByLabel("Reason for the change").fill("Checking the form");
  await card.getByRole("button", { name: "Save forecast settings" }).click();
  await expect(card.getByText("The share of pledges expected must be at most 100%.")).toBeVisible();
  await expect(card.getByLabel("Share of pledged patients the forecast expects (%)")).toHaveValue("150");
  await expect(card.getByLabel("Reason for the change")).toHaveValue("Checking the form");
  await screenshot(page, "settings-forecast");
});
