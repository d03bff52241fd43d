import { wallTimeInZone } from "../lib/wall-time";
import { expect, test } from "./test";
import { navigate, openAccountMenu, openMainMenu, screenshot, signInAsDemo } from "./helpers";

test("a chair's dashboard shows the organization, the groups and the counts", async ({ page }) => {
  await signInAsDemo(page, "Casey Cohort");
  await expect(page.getByRole("heading", { name: "Welcome, Casey" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("NCI", { exact: true })).toBeVisible();
  const yourGroups = page.getByRole("region", { name: "Your expert groups" });
  await expect(yourGroups.getByRole("link", { name: /uterine\) sarcoma expert group/ })).toBeVisible();
  await expect(yourGroups.getByText("Chair")).toBeVisible();
  await expect(page.getByRole("main").locator("dl > div").filter({ hasText: "Member organizations" })).toContainText("8");
  await screenshot(page, "dashboard");
});

test("organizations: the eight members with local time, and one organization's people", async ({ page }) => {
  await signInAsDemo(page, "Drew Interim");
  await navigate(page, "Organizations");
  await expect(page.getByRole("heading", { name: "Member organizations", exact: true })).toBeVisible();
  const cards = page.getByRole("main").getByRole("listitem");
  await expect(cards).toHaveCount(8);
  const cosa = cards.filter({ hasText: "Clinical Oncology Society of Australia" });
  await expect(cosa).toContainText("Australia/Sydney");
  await expect(cosa.locator("time")).toHaveText(/^\d{2}:\d{2}$/);
  await screenshot(page, "organizations");

  await page.getByRole("link", { name: "EORTC" }).click();
  await expect(page.getByRole("heading", { name: "European Organisation for Research and Treatment of Cancer" })).toBeVisible();
  const people = page.getByRole("table", { name: "People of EORTC" });
  await expect(people.getByRole("row", { name: /Robin Crossover.*Representative/ })).toBeVisible();
  await expect(people.getByRole("row", { name: /Emil Stratum.*Member/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent activity" })).toBeVisible();
  await screenshot(page, "organization");
});

test("expert groups: filter by status, and a group's chairs and members by organization", async ({ page }) => {
  await signInAsDemo(page, "Yuki Sample");
  await navigate(page, "Expert groups");
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByRole("heading", { name: "Expert groups", exact: true })).toBeVisible();
  await screenshot(page, "groups");
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Proposed" }).click();
  await expect(page).toHaveURL(/status=PROPOSED/);
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(2);

  await page.goto("/groups/uterine-sarcoma");
  await expect(page.getByRole("heading", { name: /Gynaecological \(uterine\) sarcoma/ })).toBeVisible();
  await expect(page.getByText("demo value", { exact: true })).toBeVisible();
  const members = page.getByRole("region", { name: /Members by organization/ });
  await expect(members.getByRole("region", { name: "NCI" })).toContainText("Casey Cohort");
  await expect(members.getByRole("region", { name: "EORTC" })).toContainText("Emil Stratum");
  await expect(members.getByRole("region", { name: "JCOG" })).toContainText("Yuki Sample");
  await expect(page.getByRole("region", { name: "Recent activity" })).toContainText("Recorded in the portal as closed early");
  await screenshot(page, "group");
});

test("a member is refused the secretariat's audit log; the secretariat sees it", async ({ page }) => {
  await signInAsDemo(page, "Avery Baseline");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const response = await page.goto("/admin/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await screenshot(page, "forbidden");

  await page.context().clearCookies();
  await signInAsDemo(page, "Quinn Quorum");
  await navigate(page, "Audit log");
  await expect(page.getByRole("heading", { name: "Audit log", exact: true })).toBeVisible();
  // What happened, in words: never an internal code.
  await expect(page.getByRole("cell", { name: "Signed in", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("table")).not.toContainText("auth.signed_in");
  await screenshot(page, "audit-log");
});

test("the header stays one row: a Menu button folds the links on a phone and for the secretariat's longer list", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAsDemo(page, "Quinn Quorum"); // the secretariat: eight links
  const header = page.getByRole("banner");
  expect((await header.boundingBox())!.height).toBeLessThan(80);
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Settings" })).toBeHidden();
  await openMainMenu(page);
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "Settings" })).toBeHidden();

  await page.setViewportSize({ width: 390, height: 844 });
  expect((await header.boundingBox())!.height).toBeLessThan(80);
  await menu.click();
  await screenshot(page, "menu-open");
  await nav.getByRole("link", { name: "Portfolio" }).click();
  await expect(page.getByRole("heading", { name: "Portfolio", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toBeHidden();

  // A member's six links fit on a laptop: no menu there.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.context().clearCookies();
  await signInAsDemo(page, "Avery Baseline");
  await expect(nav.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(nav.getByRole("link", { name: "Expert groups" })).toBeVisible();
  expect((await header.boundingBox())!.height).toBeLessThan(80);
});

test("an unknown group is a plain 404", async ({ page }) => {
  await signInAsDemo(page, "Yuki Sample");
  const response = await page.goto("/groups/no-such-group");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("on a phone the shell and pages fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsDemo(page, "Charlie Consort");
  for (const [path, name] of [
    ["/dashboard", "mobile-dashboard"],
    ["/organizations", "mobile-organizations"],
    ["/groups/anal", "mobile-group"],
    ["/account", "mobile-account"],
  ] as const) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await screenshot(page, name);
  }
});

/** The first given weekday (0 Sunday … 6 Saturday) at least `days` ahead, as Sydney's calendar writes it. */
function sydneyDay(days: number, weekday: number): string {
  let at = Date.now() + days * 86_400_000;
  while (new Date(`${wallTimeInZone(new Date(at), "Australia/Sydney").slice(0, 10)}T12:00:00Z`).getUTCDay() !== weekday) at += 86_400_000;
  return wallTimeInZone(new Date(at), "Australia/Sydney").slice(0, 10);
}

test("the meeting planner shows each office's local time and hands out an invitation", async ({ page }) => {
  await signInAsDemo(page, "Sky Eligibility"); // COSA, in Sydney
  await page.goto("/groups/anal");
  await page.getByRole("link", { name: "Plan a meeting" }).click();
  // The day is Sky's own, in Sydney's calendar.
  const wednesday = sydneyDay(14, 3);
  await page.getByLabel(/Day \(your time: Australia\/Sydney/).fill(wednesday);
  await page.getByRole("button", { name: "Find times" }).click();
  await expect(page).toHaveURL(new RegExp(`date=${wednesday}`));
  const first = page.getByRole("table", { name: "Local times for option 1" });
  await expect(first.getByRole("row", { name: /COSA/ })).toContainText("Australia/Sydney");
  await screenshot(page, "meeting-planner");
  const href = await page.getByRole("link", { name: "Download invitation (.ics) for option 1" }).getAttribute("href");
  const ics = await page.request.get(href!);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const text = await ics.text();
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);

  // A Saturday in Sydney is nobody's working day there, whatever the hour.
  await page.goto(`/groups/anal/meeting?date=${sydneyDay(14, 6)}`);
  const options = await page.getByRole("table", { name: /Local times for option/ }).all();
  expect(options.length).toBeGreaterThan(0);
  for (const option of options) {
    await expect(option.getByRole("row", { name: /COSA/ })).toContainText("Weekend");
  }
  // A day that does not exist, or has passed, is said so, never silently moved.
  await page.goto("/groups/anal/meeting?date=1999-02-30");
  await expect(page.getByRole("alert").filter({ hasText: "“1999-02-30” is not a day of the calendar" })).toBeVisible();
  await page.goto("/groups/anal/meeting?date=2020-03-02");
  await expect(page.getByRole("alert").filter({ hasText: "2020-03-02 has passed" })).toBeVisible();

  await page.context().clearCookies();
  expect((await page.request.get(href!)).status()).toBe(401);
});

test("the help page explains the workflow from the rules the portal enforces", async ({ page }) => {
  await signInAsDemo(page, "Riley Placebo");
  await openAccountMenu(page);
  await page.getByRole("menuitem", { name: "How the portal works" }).click();
  await expect(page.getByRole("heading", { name: "How the portal works" })).toBeVisible();
  const path = page.getByRole("region", { name: "A proposal's path" });
  await expect(path.getByRole("row", { name: /Submit for review/ })).toContainText("an author");
  await screenshot(page, "help");
});

test("the secretariat's settings show the email outbox", async ({ page }) => {
  await signInAsDemo(page, "Quinn Quorum");
  await page.goto("/admin/settings");
  const mail = page.getByRole("region", { name: "Email delivery" });
  await expect(mail.getByText("Waiting to be sent")).toBeVisible();
  await screenshot(page, "admin-settings");
});

test("the secretariat's people pages: everyone, searchable, and one organization's people with its invitations", async ({ page }) => {
  await signInAsDemo(page, "Quinn Quorum");
  await navigate(page, "People");
  await expect(page.getByRole("heading", { name: "People", exact: true })).toBeVisible();
  const search = page.getByRole("search", { name: "Find people" });
  await search.getByLabel("Name or email").fill("placebo");
  await search.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/q=placebo/);
  const people = page.getByRole("list", { name: "People" });
  await expect(people.getByRole("listitem", { name: "Riley Placebo" })).toContainText("NCI representative");
  await expect(people.getByRole("listitem")).toHaveCount(1);
  await page.goto("/admin/people");
  await screenshot(page, "admin-people");

  await page.goto("/organizations/nci/people");
  await expect(page.getByRole("heading", { name: "People of NCI" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Morgan Washout" })).toContainText("Deputy representative");
  await screenshot(page, "people-nci-secretariat");
});
