// Which Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium,
// else Playwright's own download. Never none: without a browser the tests fail and say why.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own installed.
  }
  return undefined;
}

export const NO_BROWSER_MESSAGE = [
  "No Chromium found for the end-to-end tests.",
  "Install one, then run the tests again:",
  "  Debian/Ubuntu:  sudo apt-get install chromium     (found at /usr/bin/chromium)",
  "  with internet:  npx playwright install chromium",
  "  elsewhere:      set CHROMIUM_PATH to a Chromium or Chrome executable",
].join("\n");
