// The country start-up tracker: the seeded trials show their country x step matrix; a keeper blocks a
// step with a reason and sees since when and why; bad input is refused on its field with what was typed
// kept; an organization updates only its own steps; the portfolio counts days per step by country and
// flags what is past its target; the secretariat edits the targets. A portal of its own: the steps
// changed here stay out of the other specs' pages.
import { expect, test } from "./test";
import { screenshot, signInAsDemo } from "./helpers";
import { type Portal, startPortal } from "./portal";

let portal: Portal;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await startPortal("startup", { demo: true });
});
test.afterAll(async () => {
  await portal?.stop();
});

const CONTRACTS = "Contracts (trial agreement, data sharing, insurance)";

test("a keeper sees BALLAD's matrix, is refused bad input on its field, then blocks a step and sees why and since when", async ({
  page,
}) => {
  await signInAsDemo(page, "Parker Blinding", portal.baseURL); // chairs the small bowel group: keeps BALLAD's record
  await page.goto(`${portal.baseURL}/proposals/irci-ballad/trial`);
  const startup = page.getByRole("region", { name: "Start-up by country" });
  const matrix = startup.getByRole("table");
  for (const country of ["Belgium", "France", "Japan", "United Kingdom"])
    await expect(matrix.getByRole("rowheader", { name: country })).toBeVisible();
  const japan = matrix.getByRole("row", { name: /^Japan/ });
  await expect(japan).toContainText("PMDA / jRCT");
  await expect(japan).toContainText("Done May 2017");
  // The seed's filled-in block is marked as such, in the list and in its cell.
  const blocks = startup.getByRole("region", { name: "What blocks this trial" });
  await expect(blocks).toContainText("France, Contracts (trial agreement, data sharing, insurance): Blocked since 3 Mar 2016");
  await expect(blocks).toContainText("(illustrative)");
  await expect(matrix.getByRole("row", { name: /^France/ }).getByText("illustrative", { exact: true })).toBeVisible();
  await screenshot(page, "startup-trial");

  await startup.getByRole("link", { name: `Update ${CONTRACTS} in Japan` }).click();
  await expect(page.getByRole("heading", { name: `${CONTRACTS}: Japan` })).toBeVisible();
  // Blocked without saying why: refused on that field, the date typed kept.
  await page.getByLabel("State").selectOption({ label: "Blocked" });
  await page.getByLabel("Blocked since").fill("2026-03-03");
  await page.getByRole("button", { name: "Save step" }).click();
  await expect(page.getByText("Say what blocks this step")).toBeVisible();
  await expect(page.getByLabel("What blocks it")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Blocked since")).toHaveValue("2026-03-03");
  await expect(page.getByLabel("State")).toHaveValue("BLOCKED");
  // Done on a day that has not come: refused on the actual date, which stays as typed.
  await page.getByLabel("State").selectOption({ label: "Done" });
  await page.getByLabel("Actual date (done)").fill("2099-12-31");
  await page.getByRole("button", { name: "Save step" }).click();
  await expect(page.getByText("An actual date cannot be in the future")).toBeVisible();
  await expect(page.getByLabel("Actual date (done)")).toHaveValue("2099-12-31");
  await screenshot(page, "startup-step-refused");

  await page.getByLabel("State").selectOption({ label: "Blocked" });
  await page.getByLabel("Actual date (done)").fill("");
  await page.getByLabel("What blocks it").fill("Insurance certificate for Japan");
  await page.getByRole("button", { name: "Save step" }).click();
  await expect(page).toHaveURL(/\/proposals\/irci-ballad\/trial#startup$/);
  await expect(startup.getByRole("region", { name: "What blocks this trial" })).toContainText(
    new RegExp(
      `Japan, ${CONTRACTS.replace(/[()]/g, "\\$&")}: Blocked since 3 Mar 2026 \\([\\d,]+ days\\): Insurance certificate for Japan`,
    ),
  );
  await expect(matrix.getByRole("row", { name: /^Japan/ })).toContainText("Blocked since 3 Mar 2026");
});

test("an organization updates its own country's steps only; others are refused", async ({ page }) => {
  await signInAsDemo(page, "Haru Hazard", portal.baseURL); // JCOG's representative: JCOG owns Japan's steps
  await page.goto(`${portal.baseURL}/proposals/irci-ballad/trial`);
  const startup = page.getByRole("region", { name: "Start-up by country" });
  await expect(startup.getByRole("link", { name: "Update Drug supply and labelling in Japan" })).toBeVisible();
  await expect(startup.getByRole("link", { name: /in France$/ })).toHaveCount(0);
  await expect(startup.getByRole("button", { name: "Add country" })).toHaveCount(0);
  // The address of a step it does not own answers "no access".
  const refused = await page.goto(`${portal.baseURL}/proposals/irci-ballad/trial/startup/FR/CONTRACTS`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

  await page.goto(`${portal.baseURL}/proposals/irci-ballad/trial/startup/JP/DRUG_SUPPLY`);
  await page.getByLabel("State").selectOption({ label: "In progress" });
  await page.getByLabel("Planned date").fill("2027-03-01");
  await page.getByRole("button", { name: "Save step" }).click();
  await expect(page).toHaveURL(/#startup$/);
  await expect(startup.getByRole("row", { name: /^Japan/ })).toContainText("Planned 1 Mar 2027");

  // Someone whose organization owns no step of BALLAD updates none.
  await page.context().clearCookies();
  await signInAsDemo(page, "Robin Crossover", portal.baseURL); // EORTC's representative
  await page.goto(`${portal.baseURL}/proposals/irci-ballad/trial`);
  await expect(page.getByRole("region", { name: "Start-up by country" }).getByRole("table")).toBeVisible();
  await expect(page.getByRole("region", { name: "Start-up by country" }).getByRole("link", { name: /^Update / })).toHaveCount(0);
});

test("the portfolio shows days per step by country and flags what is past its target; the secretariat edits the targets", async ({
  page,
}) => {
  await signInAsDemo(page, "Quinn Quorum", portal.baseURL);
  // InPACT's matrix counts from its funding in 2013 (the public record gives the year only).
  await page.goto(`${portal.baseURL}/proposals/irci-inpact/trial`);
  const inpact = page.getByRole("region", { name: "Start-up by country" });
  await expect(inpact).toContainText("Days count from the first funding secured, 2013");
  const ukEthics = inpact
    .getByRole("row", { name: /^United Kingdom/ })
    .getByRole("cell")
    .nth(3);
  await expect(ukEthics).toContainText("Done 17 Oct 2016");
  await expect(ukEthics).toContainText("about 1,203 days from approval (target 210) · past target");
  await inpact.getByText("Where these dates come from").click();
  await expect(inpact).toContainText("United Kingdom, Ethics (REC, HRA approval): UK ethics approval 17 October 2016 (ICR-CTSU)");
  await screenshot(page, "startup-inpact");
  await page.goto(`${portal.baseURL}/portfolio`);
  const days = page.getByTestId("portfolio-startup");
  // InPACT: funded 2013 (counted as its middle), UK ethics approval on 17 October 2016.
  const uk = days.getByRole("row", { name: /^United Kingdom/ });
  await expect(uk).toContainText("about 1,203 days (n=1)");
  await expect(uk).toContainText("past target");
  await screenshot(page, "startup-portfolio");

  await page.goto(`${portal.baseURL}/admin/settings`);
  const form = page.getByRole("region", { name: "Start-up targets" });
  await expect(form).toContainText("NCI Operational Efficiency Working Group");
  await form.getByLabel("Ethics (days)").fill("400");
  await form.getByLabel("Reason for the change").fill("End-to-end test");
  await form.getByRole("button", { name: "Save start-up targets" }).click();
  await expect(form.getByText(/Due after the first site's activation/)).toBeVisible();
  await expect(form.getByLabel("Ethics (days)")).toHaveValue("400");
  await form.getByLabel("Ethics (days)").fill("240");
  await form.getByRole("button", { name: "Save start-up targets" }).click();
  await expect(form.getByRole("status")).toContainText("Start-up targets saved");
  await page.goto(`${portal.baseURL}/portfolio`);
  await expect(page.getByTestId("portfolio-startup").getByRole("columnheader", { name: /Ethics/ })).toContainText("target 240");
});
