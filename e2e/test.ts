// The browser tests' `test`: Playwright's, with a check that no page a test visited logged an error
// to the console (a hydration mismatch, an exception, a blocked script or style) or threw one. A
// page the server answered with 4xx on purpose (a refusal, a missing page) logs that its document
// failed to load: that is the answer under test, not an error of the page, and is let through.
import { test as base, expect } from "@playwright/test";

const EXPECTED_REFUSAL = /^Failed to load resource: the server responded with a status of 4\d\d/;

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on("console", (message) => {
        if (message.type() === "error" && !EXPECTED_REFUSAL.test(message.text())) {
          errors.push(`${message.page()?.url() ?? "a page"}: ${message.text()}`);
        }
      });
      context.on("weberror", (error) => errors.push(`${error.page()?.url() ?? "a page"}: ${error.error().message}`));
      await use(errors);
      expect(errors, "console errors on the pages this test visited").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
