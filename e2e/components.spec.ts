// Component studies: BALLAD's trial page shows its national studies (the UK-led study, J-BALLAD, the Belgian
// study) with their sponsors and registry ids linked to their registries, and the registry card groups the ids by
// study; the public trials page lists them; a keeper adds a study (refused on the field for a bad registry id, what
// was typed kept), reports its accrual and sees it rolled up to the umbrella; JCOG's representative reports for
// J-BALLAD only. A portal of its own: the studies added here stay out of the other specs' pages.
import { minimalPdf } from "../lib/documents/pdf";
import { expect, test } from "./test";
import { screenshot, signInAsDemo } from "./helpers";
import { type Portal, startPortal } from "./portal";

let portal: Portal;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await startPortal("components", { demo: true });
});
test.afterAll(async () => {
  await portal?.stop();
});

test("BALLAD's trial page shows its component studies with their sponsors and registry ids", async ({ page }) => {
  await signInAsDemo(page, "Parker Blinding", portal.baseURL); // chairs the small bowel group: keeps BALLAD's record
  await page.goto(`${portal.baseURL}/proposals/irci-ballad/trial`);
  const studies = page.getByRole("region", { name: "Component studies" });
  const items = studies.getByTestId("component-study");
  await expect(items).toHaveCount(3);
  const uk = items.filter({ hasText: "BALLAD (UK-led international study)" });
  await expect(uk).toContainText("NHS Greater Glasgow and Clyde");
  await expect(uk).toContainText("United Kingdom, France");
  await expect(uk.getByRole("link", { name: "ISRCTN15070952" })).toHaveAttribute("href", "https://www.isrctn.com/ISRCTN15070952");
  await expect(uk.getByRole("link", { name: "NCT02502370" })).toHaveAttribute("href", "https://clinicaltrials.gov/study/NCT02502370");
  const japan = items.filter({ hasText: "J-BALLAD (JCOG1502C)" });
  await expect(japan).toContainText("Japan Clinical Oncology Group (JCOG)");
  await expect(japan).toContainText("of 150 planned");
  await expect(japan.getByRole("link", { name: "UMIN000027280" })).toBeVisible();
  // The seed's accrual figures for the studies are demo data, and say so.
  await expect(japan.getByText("demo figures")).toBeVisible();
  await expect(items.filter({ hasText: "BALLAD Belgium" }).getByRole("link", { name: "NCT04257461" })).toBeVisible();
  // The registry card groups the ids by study.
  const registry = page.getByRole("region", { name: "Registry ids" });
  await expect(registry.getByRole("group", { name: "J-BALLAD" })).toContainText("UMIN000027280");
  await expect(registry.getByRole("group", { name: "BALLAD", exact: true })).toContainText("2013-003047-29");
  await screenshot(page, "components-trial");

  // The public trials page lists the studies of the trial.
  await page.goto(`${portal.baseURL}/trials?q=BALLAD`);
  const entry = page.getByRole("article").filter({ hasText: "small bowel" });
  await expect(entry).toContainText("J-BALLAD (JCOG1502C), sponsored by Japan Clinical Oncology Group (JCOG) (Japan)");
  await expect(entry.getByRole("link", { name: "UMIN000027280" })).toBeVisible();
  await screenshot(page, "components-public");
});

test("a keeper adds a study, reports its accrual and sees it rolled up to the trial", async ({ page }) => {
  await signInAsDemo(page, "Parker Blinding", portal.baseURL);
  await page.goto(`${portal.baseURL}/proposals/irci-ballad/trial`);
  const studies = page.getByRole("region", { name: "Component studies" });
  const umbrella = studies.getByTestId("umbrella-rollup");
  const before = Number((await umbrella.textContent())!.match(/(\d+) enrolled/)![1]);

  await studies.getByText("Add a study").click();
  const add = studies.locator("details").filter({ hasText: "Add a study" });
  await add.getByLabel("Name", { exact: true }).fill("Illustrative national study");
  await add.getByLabel("Sponsor (optional)").fill("Illustrative University");
  await add.getByLabel("Countries (names or codes, separated by commas)").fill("France, Spain");
  await add.getByLabel("Target accrual (patients, optional)").fill("40");
  await add.getByLabel("Status").selectOption({ label: "Recruiting" });
  await add.getByLabel("Accrual started (yyyy, yyyy-MM or yyyy-MM-dd)").fill("2024-01");
  await add.getByLabel("Accrual planned to end (optional)").fill("2027-01");
  await add.getByRole("combobox", { name: /^Registry/ }).selectOption({ label: "EU CT" });
  // An EU CT number cut short: refused on its field, everything typed kept.
  await add.getByLabel("Its registry id (optional)").fill("2023-5012");
  await add.getByRole("button", { name: "Add the study" }).click();
  await expect(add.getByText('"2023-5012" is not a EU CT id: it looks like 2023-501234-12-00.')).toBeVisible();
  await expect(add.getByLabel("Name", { exact: true })).toHaveValue("Illustrative national study");
  await expect(add.getByLabel("Target accrual (patients, optional)")).toHaveValue("40");
  await expect(add.getByLabel("Its registry id (optional)")).toHaveValue("2023-5012");
  await add.getByLabel("Its registry id (optional)").fill("");
  await add.getByRole("button", { name: "Add the study" }).click();
  await expect(add.getByText("Study added.")).toBeVisible();

  const added = studies.getByTestId("component-study").filter({ hasText: "Illustrative national study" });
  await expect(added).toContainText("Illustrative University");
  await expect(added).toContainText("France, Spain");
  await expect(added).toContainText("none reported of 40 planned");
  await added.getByText("Report accrual for Illustrative national study").click();
  await added.getByLabel("Date").fill("2025-06-01");
  await added.getByLabel("Illustrative national study's patients so far").fill("12");
  await added.getByRole("button", { name: "Report Illustrative national study's accrual" }).click();
  await expect(added.getByText("Accrual recorded.")).toBeVisible();
  await expect(added).toContainText("12 enrolled (2025-06-01) of 40 planned · 30%");
  await expect(added.getByRole("progressbar", { name: "Illustrative national study: accrual against its target" })).toHaveAttribute(
    "aria-valuenow",
    "30",
  );
  // Its own forecast, from its reports against its target and window.
  await expect(added).toContainText(/On track|At risk|Too early to judge/);
  // Rolled up: the umbrella counts the new study's 12 with the others' latest reports.
  await expect(umbrella).toContainText(`${before + 12} enrolled`);
  await expect(umbrella).toContainText("Counted from the studies' latest reports");
  // The accrual card names the study in its table.
  await expect(page.getByRole("region", { name: "Accrual" }).getByRole("cell", { name: "Illustrative national study" })).toBeVisible();
  await screenshot(page, "components-added");
});

test("JCOG's representative reports J-BALLAD's accrual, and no other study's", async ({ page }) => {
  await signInAsDemo(page, "Haru Hazard", portal.baseURL);
  await page.goto(`${portal.baseURL}/proposals/irci-ballad/trial`);
  const studies = page.getByRole("region", { name: "Component studies" });
  await expect(studies.getByText("Report accrual for J-BALLAD")).toBeVisible();
  await expect(studies.getByText(/^Report accrual for /)).toHaveCount(1);
  await expect(studies.getByText("Add a study")).toHaveCount(0);
  await expect(studies.getByText(/^Edit /)).toHaveCount(0);
  const japan = studies.getByTestId("component-study").filter({ hasText: "J-BALLAD (JCOG1502C)" });
  await japan.getByText("Report accrual for J-BALLAD").click();
  await japan.getByLabel("Date").fill("2022-05-01");
  await japan.getByLabel("J-BALLAD's patients so far").fill("95");
  await japan.getByRole("button", { name: "Report J-BALLAD's accrual" }).click();
  await expect(japan.getByText("Accrual recorded.")).toBeVisible();
  await expect(japan).toContainText("95 enrolled (2022-05-01) of 150 planned · 63%");
});

test("a keeper uploads a document for J-BALLAD: the trial's documents name its study", async ({ page }) => {
  await signInAsDemo(page, "Parker Blinding", portal.baseURL);
  await page.goto(`${portal.baseURL}/proposals/irci-ballad/trial`);
  const card = page.getByRole("region", { name: "Documents" });
  await card.getByText("Upload a document or a new version").click();
  const form = card.locator("form");
  await form.getByLabel("Kind").selectOption({ label: "Informed consent template" });
  await form.getByLabel("Title").fill("J-BALLAD consent template (Japanese)");
  await form.getByLabel("Belongs to").selectOption({ label: "J-BALLAD (JCOG1502C)" });
  await form
    .getByLabel("File")
    .setInputFiles({ name: "j-ballad-consent.pdf", mimeType: "application/pdf", buffer: Buffer.from(minimalPdf(["J-BALLAD consent"])) });
  await form.getByRole("button", { name: "Upload the document" }).click();
  await expect(card.getByRole("status")).toHaveText('"J-BALLAD consent template (Japanese)" is uploaded as version 1.');
  const doc = card.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "J-BALLAD consent template (Japanese)" }) });
  await expect(doc).toContainText("Component study: J-BALLAD (JCOG1502C)");
  const stored = await portal.db.document.findFirstOrThrow({
    where: { title: "J-BALLAD consent template (Japanese)" },
    select: { scope: true, componentStudy: { select: { name: true } } },
  });
  expect(stored).toEqual({ scope: "STUDY", componentStudy: { name: "J-BALLAD (JCOG1502C)" } });
});
