import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./test";
import { wallTimeInZone } from "../lib/wall-time";
import { screenshot, signInAsDemo } from "./helpers";

const PROPOSAL = "/proposals/demo-salivary-her2";

async function as(page: Page, name: string) {
  await page.context().clearCookies();
  await signInAsDemo(page, name);
}

/** A datetime-local value between 65 and 125 seconds from now, on a whole minute, in the form's zone. */
async function closingSoon(panel: Locator): Promise<{ value: string; at: number }> {
  const zone = await panel.locator('input[name="zone"]').inputValue();
  const at = Math.ceil((Date.now() + 65_000) / 60_000) * 60_000;
  return { value: wallTimeInZone(new Date(at), zone), at };
}

// The browser's own zone is neither UTC nor the chair's: the form must render the same on the
// server and in the browser (React once reported a hydration error #418 here), and name the zone
// it reads the time in.
test.describe("in a browser set to Los Angeles time", () => {
  test.use({ timezoneId: "America/Los_Angeles" });
  test("the open-vote form renders without an error and reads the time in the chair's own zone", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await as(page, "Emil Stratum");
    await page.goto(PROPOSAL);
    const panel = page.getByRole("region", { name: "Vote" });
    const zone = await panel.locator('input[name="zone"]').inputValue();
    expect(zone).not.toBe("America/Los_Angeles");
    await expect(panel.getByLabel(new RegExp(`Closes at \\(your time: ${zone.replace(/_/g, " ")}`))).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
});

test("five representatives vote, the deadline passes, and the proposal is approved without anyone pressing a button", async ({ page }) => {
  test.setTimeout(240_000);
  await as(page, "Emil Stratum"); // chairs the salivary group
  await page.goto(PROPOSAL);
  const panel = page.getByRole("region", { name: "Vote" });
  const closing = await closingSoon(panel);
  await panel.getByLabel(/Closes at \(your time/).fill(closing.value);
  await expect(panel.getByLabel("Quorum (organizations)")).toHaveValue("5");
  await panel.getByRole("button", { name: "Open voting" }).click();
  // The panel turns into the open vote.
  await expect(panel.getByText("Open", { exact: true })).toBeVisible();
  await expect(panel).toContainText("Quorum: ballots from 5 of 8 organizations.");

  const voters: [string, string, string][] = [
    ["Robin Crossover", "Approve", "EORTC will lead this."],
    ["Haru Hazard", "Approve", ""],
    ["Drew Interim", "Approve", ""],
    ["Charlie Consort", "Reject", "Not a priority for COSA this year."],
    ["Camille Médiane", "Abstain", ""],
  ];
  for (const [name, choice, rationale] of voters) {
    await as(page, name);
    await page.goto(PROPOSAL);
    await panel.getByRole("radio", { name: choice }).check();
    if (rationale) await panel.getByLabel(/Rationale/).fill(rationale);
    await panel.getByRole("button", { name: "Cast ballot" }).click();
    await expect(panel.getByRole("status").filter({ hasText: "ballot is recorded" })).toBeVisible();
  }
  // Before the close, INCa sees its own ballot and only that others voted.
  await page.reload();
  const ballots = panel.getByRole("table", { name: /Which organizations have voted/ });
  await expect(ballots.getByRole("row", { name: /INCa.*Abstain/ })).toBeVisible();
  await expect(ballots.getByRole("row", { name: /COSA.*Voted/ })).toBeVisible();
  await expect(ballots.getByRole("row", { name: /EORTC.*Voted/ })).toBeVisible();
  await expect(ballots.getByRole("row", { name: /NIHR.*Not yet/ })).toBeVisible();
  await expect(ballots.getByText("Approve", { exact: true })).toHaveCount(0);
  await screenshot(page, "vote-open");

  // NIHR's representative sees on the dashboard that NIHR still owes a ballot.
  await as(page, "Jordan Endpoint");
  await expect(page.getByRole("region", { name: "Open votes" })).toContainText("NIHR has not voted");
  await screenshot(page, "dashboard-open-vote");

  // Nobody presses anything: the job queue closes the vote at its deadline.
  await page.goto(PROPOSAL);
  await page.waitForTimeout(Math.max(0, closing.at - Date.now()));
  await expect(panel.getByText("Closed: Passed")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("banner").locator("..").getByRole("main")).toContainText("The proposal is approved.");
  const results = panel.getByRole("table", { name: "Each organization's ballot" });
  await expect(results.getByRole("row", { name: /EORTC.*Approve.*EORTC will lead this/ })).toBeVisible();
  await expect(results.getByRole("row", { name: /COSA.*Reject.*Not a priority/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Approved");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Vote passed: Voting → Approved");
  await screenshot(page, "vote-closed");
});
