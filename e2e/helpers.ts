import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const SHOTS = path.join(__dirname, "screenshots");

/**
 * Saves what the person sees, full page, for a human to look at after the run, and checks the
 * page against WCAG 2.1 A and AA with axe: labels, contrast, landmarks, names of controls.
 */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  // After a client-side navigation Next.js sets the title a moment later: wait for it.
  await expect(page).toHaveTitle(/\S/);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  // And at a phone's width: nothing may run off the side of the screen.
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  // Charts follow their container through a ResizeObserver, a frame or two after the resize: give
  // the page up to two seconds to fit, then measure.
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 2_000 })
    .catch(() => undefined);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: path.join(SHOTS, `${name}.phone.png`), fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
  expect(overflow, `${name} is ${overflow} px wider than a 390 px phone`).toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const problems = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(problems, `accessibility problems on ${name}`).toEqual([]);
}

/** Signs in with one click on the demo page, as the named fictional person. */
export async function signInAsDemo(page: Page, name: string, baseUrl = "") {
  await page.goto(`${baseUrl}/demo`);
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await expect(page.getByRole("button", { name: new RegExp(`${name}.*account menu`) })).toBeVisible();
}

/**
 * Opens the account menu. A click that lands before the page has hydrated is lost (the button is
 * there, its handler not yet): it is clicked again until the menu shows, never toggled shut.
 */
export async function openAccountMenu(page: Page) {
  const button = page.getByRole("button", { name: /account menu/ });
  await expect(async () => {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(page.getByRole("menu")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

export async function signOut(page: Page) {
  await openAccountMenu(page);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Opens the folded main menu, clicking again if the first click landed before the page hydrated. */
export async function openMainMenu(page: Page) {
  const menu = page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Menu" });
  await expect(async () => {
    if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** Follows a link of the main navigation, through its Menu button where the links are folded away. */
export async function navigate(page: Page, label: string) {
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });
  const link = nav.getByRole("link", { name: label });
  // As with the account menu, a click on Menu before the page has hydrated is lost: again until the link shows.
  await expect(async () => {
    if ((await menu.isVisible()) && !(await link.isVisible())) await menu.click();
    await expect(link).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await link.click();
}
