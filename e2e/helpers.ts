import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

const SHOTS = path.join(__dirname, "screenshots");

/** Saves what the person sees, full page, for a human to look at after the run. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in with one click on the demo page, as the named fictional person. */
export async function signInAsDemo(page: Page, name: string) {
  await page.goto("/demo");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await expect(page.getByRole("button", { name: new RegExp(`${name}.*account menu`) })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}
