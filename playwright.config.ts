import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from "./scripts/lib/browser";

const port = Number(process.env.E2E_PORT ?? 3210);
const executablePath = findChromium();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Generous: the suite must hold on a machine busy with other work (a page under load took 33 s).
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    // A production build on a fresh database of its own, in demo mode, mail captured.
    command: "npx tsx e2e/serve.ts",
    url: `http://localhost:${port}/signin`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
