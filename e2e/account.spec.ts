// My account: a representative signed in on a laptop and a phone sees both sessions, in words,
// with the one in front of them marked; from the laptop they sign out everywhere else, and the
// phone's next page asks it to sign in while the laptop stays signed in. On a portal of its own,
// so that the sessions made here are the only ones this person has.
import { randomBytes } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./test";
import { type Portal, startPortal } from "./portal";
import { openAccountMenu, screenshot, signInAsDemo } from "./helpers";

const LAPTOP = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

let portal: Portal;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await startPortal("account", { demo: true });
});
test.afterAll(async () => {
  await portal?.stop();
});

/** A browser of the person's own, signed in as a session made for it, as the sign-in would make it. */
async function signedInBrowser(
  newContext: (options: { userAgent: string; viewport: { width: number; height: number } }) => Promise<BrowserContext>,
  email: string,
  session: { userAgent: string; ipAddress: string; method: string; startedMinutesAgo: number },
) {
  const user = await portal.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const sessionToken = randomBytes(32).toString("hex");
  const started = new Date(Date.now() - session.startedMinutesAgo * 60_000);
  await portal.db.session.create({
    data: {
      sessionToken,
      userId: user.id,
      expires: new Date(Date.now() + 86_400_000),
      createdAt: started,
      lastSeenAt: started,
      userAgent: session.userAgent,
      ipAddress: session.ipAddress,
      method: session.method,
    },
  });
  const context = await newContext({ userAgent: session.userAgent, viewport: { width: 1280, height: 900 } });
  await context.addCookies([
    { name: "next-auth.session-token", value: sessionToken, url: portal.baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
  return context;
}

test("a representative sees both sessions and signs out everywhere else; the other browser must sign in again", async ({ browser }) => {
  test.setTimeout(120_000);
  const email = "robin.crossover@eortc.irci.example";
  const laptop = await signedInBrowser((o) => browser.newContext(o), email, {
    userAgent: LAPTOP,
    ipAddress: "198.51.100.4",
    method: "email",
    startedMinutesAgo: 5,
  });
  const phone = await signedInBrowser((o) => browser.newContext(o), email, {
    userAgent: PHONE,
    ipAddress: "203.0.113.7",
    method: "email",
    startedMinutesAgo: 3 * 60,
  });
  try {
    const page = await laptop.newPage();
    await page.goto(`${portal.baseURL}/dashboard`);
    await openAccountMenu(page);
    await page.getByRole("menuitem", { name: "My account" }).click();
    await expect(page.getByRole("heading", { name: "My account", level: 1 })).toBeVisible();

    const organization = page.getByRole("region", { name: "Organization and roles" });
    await expect(organization).toContainText("European Organisation for Research and Treatment of Cancer");
    await expect(organization).toContainText("Representative");
    await expect(page.getByRole("region", { name: "Expert groups" })).toContainText("You are not in an expert group.");

    const sessions = page.getByRole("list", { name: "Your sessions" }).getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    // Newest first: this laptop, then the phone, each in words.
    await expect(sessions.nth(0)).toHaveAccessibleName("Firefox 125 on Linux, this session");
    await expect(sessions.nth(0)).toContainText("This session");
    await expect(sessions.nth(0)).toContainText("address 198.51.100.4");
    await expect(sessions.nth(1)).toHaveAccessibleName("Safari 17 on iPhone");
    await expect(sessions.nth(1)).toContainText("Email link");
    await expect(sessions.nth(1)).toContainText("address 203.0.113.7");
    await expect(sessions.nth(1)).not.toContainText("This session");
    await expect(page.getByRole("region", { name: "Email and time zone" })).toContainText("robin.crossover@eortc.irci.example");
    await screenshot(page, "account");

    // The phone sees the same two, with itself marked.
    const phonePage = await phone.newPage();
    await phonePage.goto(`${portal.baseURL}/account`);
    await expect(
      phonePage.getByRole("list", { name: "Your sessions" }).getByRole("listitem", { name: /this session/ }),
    ).toHaveAccessibleName("Safari 17 on iPhone, this session");

    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(page.getByRole("status")).toHaveText(/Signed out of 1 other session\. This one stays signed in\./);
    await expect(sessions).toHaveCount(1);
    await expect(sessions.first()).toHaveAccessibleName("Firefox 125 on Linux, this session");
    await expect(page.getByText("You are signed in on this browser only.")).toBeVisible();

    // The phone's next page asks it to sign in; the laptop stays signed in.
    await phonePage.goto(`${portal.baseURL}/account`);
    await expect(phonePage).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
    await page.reload();
    await expect(page.getByRole("heading", { name: "My account", level: 1 })).toBeVisible();
    const user = await portal.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await portal.db.auditEvent.count({ where: { action: "auth.signed_out_elsewhere", actorId: user.id } })).toBe(1);
  } finally {
    await laptop.close();
    await phone.close();
  }
});

test("a person signs out one other session from the list", async ({ browser }) => {
  const email = "haru.hazard@jcog.irci.example";
  const laptop = await signedInBrowser((o) => browser.newContext(o), email, {
    userAgent: LAPTOP,
    ipAddress: "198.51.100.9",
    method: "email",
    startedMinutesAgo: 1,
  });
  const phone = await signedInBrowser((o) => browser.newContext(o), email, {
    userAgent: PHONE,
    ipAddress: "203.0.113.9",
    method: "email",
    startedMinutesAgo: 60,
  });
  try {
    const page = await laptop.newPage();
    await page.goto(`${portal.baseURL}/account`);
    const sessions = page.getByRole("list", { name: "Your sessions" }).getByRole("listitem");
    await sessions.filter({ hasText: "Safari 17 on iPhone" }).getByRole("button", { name: "Sign out" }).click();
    await expect(sessions).toHaveCount(1);
    const phonePage = await phone.newPage();
    await phonePage.goto(`${portal.baseURL}/dashboard`);
    await expect(phonePage).toHaveURL(/\/signin/);
  } finally {
    await laptop.close();
    await phone.close();
  }
});

test("the secretariat's account: no organization, the secretariat's role, this session from the sign-in", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsDemo(page, "Quinn Quorum", portal.baseURL);
  await page.goto(`${portal.baseURL}/account`);
  const organization = page.getByRole("region", { name: "Organization and roles" });
  await expect(organization).toContainText("You are not in a member organization.");
  await expect(organization).toContainText("IRCI Secretariat");
  const sessions = page.getByRole("list", { name: "Your sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(1);
  await expect(sessions.first()).toContainText("This session");
  await screenshot(page, "account-secretariat");
});
