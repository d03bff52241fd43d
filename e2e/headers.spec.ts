// Every page is sent with the security headers, and the Content-Security-Policy's nonce is fresh for
// each response and on every script the page runs: pages work under the policy, with no violation.
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { openAccountMenu, signInAsDemo } from "./helpers";

const PUBLIC = ["/", "/signin", "/trials", "/demo"];
const SIGNED_IN = [
  "/dashboard",
  "/help",
  "/proposals",
  "/proposals?q=%00trial&group=%00&lead=%01",
  "/proposals/irci-interaact",
  "/groups",
  "/groups/anal",
  "/groups/anal/meeting",
  "/organizations",
  "/portfolio",
  "/notifications",
  "/admin/settings",
  "/dev/mailbox",
];

function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

async function visit(page: Page, path: string, seen: Set<string>) {
  const problems: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error") problems.push(m.text());
  };
  page.on("console", onConsole);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const headers = response!.headers();
  const policy = headers["content-security-policy"];
  expect(policy, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  const nonce = nonceOf(policy);
  expect(seen.has(nonce), "a nonce is never reused").toBe(false);
  seen.add(nonce);
  // Every script the server rendered carries this response's nonce (what they load later is allowed
  // by 'strict-dynamic', and anything else would show as a violation below).
  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  expect(
    scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
    `${path}: scripts without the nonce`,
  ).toEqual([]);
  await page.waitForLoadState("networkidle");
  page.off("console", onConsole);
  expect(problems, `${path}: console errors (a Content-Security-Policy violation shows here)`).toEqual([]);
}

test("every page carries the security headers and a fresh nonce, and runs under the policy", async ({ page }) => {
  const seen = new Set<string>();
  for (const path of PUBLIC) await visit(page, path, seen);
  await signInAsDemo(page, "Quinn Quorum");
  for (const path of SIGNED_IN) await visit(page, path, seen);
  // Interactive pages still work under the policy: a client component answers a click.
  await page.goto("/proposals");
  await openAccountMenu(page);
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
});

test("the browser's own request for /favicon.ico finds the portal's icon, not a 404", async ({ request }) => {
  const asked = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(asked.status()).toBe(308);
  expect(asked.headers().location).toBe("/icon.svg");
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
