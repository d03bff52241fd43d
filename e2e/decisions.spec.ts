// The decision register: a visitor reads the seeded public decisions, filters them, downloads them as
// CSV and prints them as minutes, and sees a trial's decisions on the public trials page; a chair
// records a design change, bad input refused on its field with what was typed kept; someone who does
// not chair the group is not offered it. A portal of its own, so its new decisions stay out of other specs.
import { readFileSync } from "node:fs";
import { expect, test } from "./test";
import { navigate, screenshot, signInAsDemo } from "./helpers";
import { type Portal, startPortal } from "./portal";

let portal: Portal;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await startPortal("decisions", { demo: true });
});
test.afterAll(async () => {
  await portal?.stop();
});

const decisions = (page: import("@playwright/test").Page) => page.getByRole("list", { name: "Decisions" }).getByRole("article");
const filters = (page: import("@playwright/test").Page) => page.getByRole("search", { name: "Filter the decisions" });

test("a visitor reads the seeded public decisions, filters them, downloads the CSV and prints the minutes", async ({ page }) => {
  await page.goto(`${portal.baseURL}/trials`);
  await navigate(page, "Decisions");
  await expect(page.getByRole("heading", { level: 1, name: "Decision register" })).toBeVisible();
  // The record's decisions, from the seed: the first five groups, GOG-0277's early close, EORTC 1206's close to entry.
  await expect(page.getByRole("status")).toHaveText("7 decisions");
  await expect(decisions(page).filter({ hasText: "GOG-0277 closed early for accrual futility" })).toContainText(
    "38 of the 216 planned patients",
  );
  await expect(decisions(page).filter({ hasText: "EORTC 1206 closed to patient entry" })).toContainText("30 November 2021");
  await expect(decisions(page).filter({ hasText: "Penile cancer expert group convened" })).toContainText(
    "One of the first five expert groups",
  );
  // Labels, never codes.
  await expect(page.getByText("TRIAL_CLOSED_EARLY")).toHaveCount(0);
  await screenshot(page, "decisions-register-public");

  await filters(page).getByLabel("Kind").selectOption({ label: "Trial closed early" });
  await filters(page).getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=TRIAL_CLOSED_EARLY/);
  await expect(page.getByRole("status")).toHaveText("1 decision");
  await expect(decisions(page)).toHaveCount(1);
  await expect(decisions(page).first()).toContainText("GOG-0277");
  await expect(decisions(page).first()).toContainText("Gynaecological (uterine) sarcoma expert group");

  // The CSV carries the same filters and a header in words.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^irci-decisions-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = csv.trim().split("\r\n");
  expect(header).toBe(
    '"Decided on","Kind","Title","Expert group","Proposal or trial","Options considered","Rationale","Vote","Dissent","Rests on (document versions)","Visibility","Illustrative","Source"',
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain('"Trial closed early","GOG-0277 closed early for accrual futility"');

  // The minutes: the same decisions on a page made for printing.
  await page.getByRole("link", { name: "Minutes (printable)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Minutes of decisions" })).toBeVisible();
  await expect(page.getByText("1 decision (Trial closed early), public decisions only, 2016.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await screenshot(page, "decisions-minutes");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "GOG-0277 closed early for accrual futility" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The public trials page shows a trial's public decisions with it.
  await page.goto(`${portal.baseURL}/trials?q=EORTC%201206`);
  const trial = page.getByRole("article", { name: /androgen/i });
  await expect(trial.getByRole("region", { name: /Decisions on/ })).toContainText("EORTC 1206 closed to patient entry");
  await trial.getByRole("link", { name: "EORTC 1206 closed to patient entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Other decision" })).toBeVisible();
  await expect(page.getByText("EORTC trial page for EORTC 1206 (NCT01969578)")).toBeVisible();
});

test("a chair records a design change: bad input is refused on its field, keeping what was typed", async ({ page }) => {
  await signInAsDemo(page, "Emil Stratum", portal.baseURL); // chairs the salivary gland group
  await page.goto(`${portal.baseURL}/decisions`);
  const form = page.getByRole("region", { name: "Record a decision" });
  await form.getByLabel("About").selectOption({ label: "Salivary gland cancer expert group (the group)" });
  await form.getByLabel("Kind").selectOption({ label: "Design change" });
  await form.getByLabel("Title").fill("Second randomisation dropped");
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Decided on").fill(tomorrow);
  await form.getByLabel("Options considered").fill("Keep the second randomisation\nDrop it");
  await form.getByRole("button", { name: "Record the decision" }).click();
  await expect(form.getByText("A decision is recorded once it is taken: the date cannot be in the future.")).toBeVisible();
  await expect(form.getByText("Say why it was decided: the rationale is what the register is for.")).toBeVisible();
  await expect(form.getByLabel("Rationale")).toHaveAttribute("aria-invalid", "true");
  // What was typed stays.
  await expect(form.getByLabel("Title")).toHaveValue("Second randomisation dropped");
  await expect(form.getByLabel("Options considered")).toHaveValue("Keep the second randomisation\nDrop it");
  await screenshot(page, "decisions-record-refused");

  await form.getByLabel("Decided on").fill("2026-11-27");
  await form.getByLabel("Rationale").fill("Too few patients for two randomisations: the group keeps the first.");
  await form.getByRole("button", { name: "Record the decision" }).click();
  await expect(form.getByRole("status")).toHaveText("Recorded: Second randomisation dropped.");
  const recorded = decisions(page).filter({ hasText: "Second randomisation dropped" });
  await expect(recorded).toContainText("Members only");
  await expect(recorded).toContainText("Design change");
  await expect(recorded).toContainText("27 November 2026");
  await expect(recorded).toContainText("by Emil Stratum");

  // Members filter by group and visibility; visitors would not see it.
  await filters(page).getByLabel("Expert group").selectOption({ label: "Salivary gland cancer expert group" });
  await filters(page).getByLabel("Visibility").selectOption({ label: "Members only" });
  await filters(page).getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("status")).toHaveText("1 decision");

  // The chair edits its rationale on its page.
  await recorded.getByRole("link", { name: "Second randomisation dropped" }).click();
  const edit = page.getByRole("region", { name: "Edit the options and rationale" });
  await edit.getByLabel("Rationale").fill("");
  await edit.getByRole("button", { name: "Save the decision" }).click();
  await expect(edit.getByText("Say why it was decided: the rationale is what the register is for.")).toBeVisible();
  await edit.getByLabel("Rationale").fill("Too few patients for two randomisations; the first answers the main question.");
  await edit.getByRole("button", { name: "Save the decision" }).click();
  await expect(edit.getByRole("status")).toHaveText("The decision is saved.");
  await page.reload();
  await expect(page.getByText("Too few patients for two randomisations; the first answers the main question.").first()).toBeVisible();
  await screenshot(page, "decisions-decision-page");
});

test("someone who does not chair the group is not offered to record for it", async ({ page }) => {
  await signInAsDemo(page, "Yuki Sample", portal.baseURL); // chairs ocular melanoma, only a member of the salivary group
  await page.goto(`${portal.baseURL}/decisions`);
  const about = page.getByRole("region", { name: "Record a decision" }).getByLabel("About");
  await expect(about.getByRole("option", { name: "Ocular (eye) melanoma expert group (the group)" })).toHaveCount(1);
  await expect(about.getByRole("option", { name: /Salivary/ })).toHaveCount(0);
});

test("an organization's representative who chairs no group reads the register without the form", async ({ page }) => {
  await signInAsDemo(page, "Riley Placebo", portal.baseURL); // NCI's representative
  await page.goto(`${portal.baseURL}/decisions`);
  await expect(page.getByRole("heading", { level: 1, name: "Decision register" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Record a decision" })).toHaveCount(0);
});
