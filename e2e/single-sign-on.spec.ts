// Signing in with one's organization: two organizations' identity providers (real OpenID Connect
// providers, in-process on loopback ports), connected by the secretariat in the portal, and the
// people they may and may not sign in. A portal of its own, so the sign-in page of the other
// suites never offers these providers.
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { screenshot, signInAsDemo, signOut } from "./helpers";
import { type Portal, startPortal } from "./portal";
import { type IdentityProvider, startIdentityProvider } from "./identity-provider";

let portal: Portal;
let nci: IdentityProvider;
let cruk: IdentityProvider;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await startPortal("sso", { demo: true });
  nci = await startIdentityProvider("NCI", `${portal.baseURL}/api/auth/callback/oidc-nci`);
  cruk = await startIdentityProvider("CRUK", `${portal.baseURL}/api/auth/callback/oidc-cruk`);
  nci.account("riley", { email: "riley.placebo@nci.irci.example", email_verified: true, name: "Riley Placebo" });
  nci.account("casey", { email: "casey.cohort@nci.irci.example", email_verified: false, name: "Casey Cohort" });
  nci.account("noor", { email: "noor.newcomer@nci.irci.example", email_verified: true, name: "Noor Newcomer" });
  nci.account("dana", { email: "dana.invited@nci.irci.example", email_verified: true, name: "Dana Invited" });
  // CRUK's provider asserts an NCI person's address (it is set to vouch for NCI's domain too).
  cruk.account("riley-elsewhere", { email: "riley.placebo@nci.irci.example", email_verified: true, name: "Riley Placebo" });
});

test.afterAll(async () => {
  await nci?.stop();
  await cruk?.stop();
  await portal?.stop();
});

async function connect(page: Page, slug: string, provider: IdentityProvider, domains: string) {
  await page.goto(`${portal.baseURL}/organizations/${slug}/sign-in`);
  await page.getByLabel("Issuer").fill(provider.issuer);
  await page.getByLabel("Client id").fill(provider.clientId);
  await page.getByLabel("Client secret").fill(provider.clientSecret);
  await page.getByLabel("Email domains it vouches for").fill(domains);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText("sign-in service answered: its people can sign in with it now");
}

async function signInWith(page: Page, organization: string, login: string) {
  await page.goto(`${portal.baseURL}/signin`);
  await page.getByRole("button", { name: `Sign in with ${organization}` }).click();
  await page.getByLabel("Login").fill(login);
  await page.getByRole("button", { name: `Sign in at ${organization}` }).click();
}

test("the secretariat connects two organizations' identity providers; the secret is never shown again", async ({ page }) => {
  await signInAsDemo(page, "Quinn Quorum", portal.baseURL);
  await page.goto(`${portal.baseURL}/organizations/nci`);
  await page.getByRole("link", { name: "Sign-in settings" }).click();
  await expect(page.getByText(`${portal.baseURL}/api/auth/callback/oidc-nci`)).toBeVisible();

  // A mistyped issuer is refused on its field, and what was typed stays.
  await page.getByLabel("Issuer").fill("http://login.nci.example");
  await page.getByLabel("Client id").fill(nci.clientId);
  await page.getByLabel("Client secret").fill(nci.clientSecret);
  await page.getByLabel("Email domains it vouches for").fill("nci.irci.example");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByText("The issuer must be an https:// address.")).toBeVisible();
  await expect(page.getByLabel("Client id")).toHaveValue(nci.clientId);
  expect(await portal.db.identityProvider.count()).toBe(0);

  await connect(page, "nci", nci, "nci.irci.example");
  await screenshot(page, "sso-settings");
  await page.reload();
  await expect(page.getByLabel("Client secret")).toHaveValue("");
  expect(await page.content()).not.toContain(nci.clientSecret);
  await expect(page.getByText("A secret is stored (never shown)")).toBeVisible();
  const stored = await portal.db.identityProvider.findFirstOrThrow({ where: { organization: { slug: "nci" } } });
  expect(stored.clientSecretEncrypted).not.toContain(nci.clientSecret);

  await connect(page, "cruk", cruk, "cruk.irci.example, nci.irci.example");
  await signOut(page);

  await page.goto(`${portal.baseURL}/signin`);
  await expect(page.getByRole("button", { name: "Sign in with NCI" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with CRUK" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
  await screenshot(page, "sign-in-with-organizations");
  // Coming with an address (from an invitation), the organization that alone speaks for its domain is suggested.
  await page.goto(`${portal.baseURL}/signin?email=someone%40cruk.irci.example`);
  await expect(page.getByText("CRUK signs in addresses at cruk.irci.example.")).toBeVisible();
  await expect(page.getByLabel("Work email address")).toHaveValue("someone@cruk.irci.example");
});

test("a registered person signs in through their organization's provider, as their organization", async ({ page }) => {
  await signInWith(page, "NCI", "riley");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Riley" })).toBeVisible();
  await expect(page.getByText("National Cancer Institute")).toBeVisible();
  const riley = await portal.db.user.findUniqueOrThrow({
    where: { email: "riley.placebo@nci.irci.example" },
    select: { accounts: { select: { provider: true, providerAccountId: true } }, sessions: { select: { method: true } } },
  });
  expect(riley.accounts).toEqual([{ provider: "oidc-nci", providerAccountId: "riley" }]);
  expect(riley.sessions.map((s) => s.method)).toContain("oidc-nci");
  await signOut(page);

  // The second time, NCI's provider still knows Riley (its own session) and the linked identity
  // signs Riley in without a form.
  await page.goto(`${portal.baseURL}/signin`);
  await page.getByRole("button", { name: "Sign in with NCI" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Riley" })).toBeVisible();
  await signOut(page);
});

test("another organization's provider cannot sign in a person registered at NCI, whatever address it asserts", async ({ page }) => {
  await signInWith(page, "CRUK", "riley-elsewhere");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your portal account belongs to another organization");
  await screenshot(page, "sso-refused-other-organization");
  await page.goto(`${portal.baseURL}/dashboard`);
  await expect(page).toHaveURL(/\/signin/);
  expect(await portal.db.account.count({ where: { provider: "oidc-cruk" } })).toBe(0);
});

test("an address the provider has not verified is refused", async ({ page }) => {
  await signInWith(page, "NCI", "casey");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("NCI's sign-in service did not confirm your email address");
  await page.goto(`${portal.baseURL}/dashboard`);
  await expect(page).toHaveURL(/\/signin/);
});

test("someone unknown to the portal becomes an access request for the organization's representative", async ({ page }) => {
  await signInWith(page, "NCI", "noor");
  await expect(page.getByRole("heading", { name: "Your request was sent" })).toBeVisible();
  await expect(page.getByText("NCI's representative or the IRCI secretariat will approve or refuse")).toBeVisible();
  await screenshot(page, "sso-request-sent");
  expect(await portal.db.user.count({ where: { email: "noor.newcomer@nci.irci.example" } })).toBe(0);
  // Signing in again (NCI's provider remembers Noor) does not make a second request.
  await page.goto(`${portal.baseURL}/signin`);
  await page.getByRole("button", { name: "Sign in with NCI" }).click();
  await expect(page.getByRole("heading", { name: "Your request was sent" })).toBeVisible();
  expect(await portal.db.accessRequest.count({ where: { email: "noor.newcomer@nci.irci.example", status: "PENDING" } })).toBe(1);

  // NCI's representative is told, finds the request in NCI's queue and approves it.
  await page.context().clearCookies();
  await signInAsDemo(page, "Riley Placebo", portal.baseURL);
  await page.goto(`${portal.baseURL}/notifications`);
  await page.getByRole("link", { name: "Noor Newcomer asks to join the portal for NCI" }).click();
  await expect(page).toHaveURL(/\/organizations\/nci\/people/);
  await expect(page.getByText("noor.newcomer@nci.irci.example")).toBeVisible();
  await screenshot(page, "sso-access-request-queue");
  await page
    .getByRole("form", { name: "Approve noor.newcomer@nci.irci.example" })
    .getByRole("button", { name: "Approve as member" })
    .click();
  await expect(page.getByText("noor.newcomer@nci.irci.example")).toHaveCount(1);
  await expect.poll(() => portal.db.user.count({ where: { email: "noor.newcomer@nci.irci.example", active: true } })).toBe(1);
  await signOut(page);

  // Approved, Noor signs in the same way, now as a member of NCI.
  await page.context().clearCookies();
  await signInWith(page, "NCI", "noor");
  await expect(page.getByRole("heading", { name: "Welcome, Noor" })).toBeVisible();
  await expect(page.getByText("National Cancer Institute")).toBeVisible();
  await signOut(page);
});

test("an invited colleague accepts and signs in through their organization's provider", async ({ page, browser }) => {
  const colleague = "dana.invited@nci.irci.example";
  // The secretariat invites Dana to NCI.
  await signInAsDemo(page, "Quinn Quorum", portal.baseURL);
  await page.goto(`${portal.baseURL}/organizations/nci/people`);
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email address").fill(colleague);
  await invite.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `An invitation is on its way to ${colleague}` })).toBeVisible();

  // Before accepting, NCI's provider does not let Dana in: the invitation comes first.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto(`${portal.baseURL}/signin`);
  await them.getByRole("button", { name: "Sign in with NCI" }).click();
  await them.getByLabel("Login").fill("dana");
  await them.getByRole("button", { name: "Sign in at NCI" }).click();
  await expect(them.getByRole("main").getByRole("alert")).toContainText("You have been invited to the portal");
  expect(await portal.db.accessRequest.count({ where: { email: colleague } })).toBe(0);

  // Dana opens the invitation from the mail, accepts, and signs in with NCI.
  const mail = them.getByRole("article", { name: `Mail to ${colleague}: You are invited to the IRCI portal` }).first();
  await expect(async () => {
    await them.goto(`${portal.baseURL}/dev/mailbox`);
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const link = await mail.locator("a.mail-link").first().getAttribute("href");
  await them.goto(link!);
  await them.getByLabel("Your name").fill("Dana Invited");
  await them.getByRole("button", { name: "Accept the invitation" }).click();
  await them.getByRole("link", { name: "Sign in now" }).click();
  // CRUK's provider is set to vouch for NCI's domain too, so the page suggests neither.
  await expect(them.getByLabel("Work email address")).toHaveValue(colleague);
  await them.getByRole("button", { name: "Sign in with NCI" }).click();
  await expect(them.getByRole("heading", { name: "Welcome, Dana" })).toBeVisible();
  const dana = await portal.db.user.findUniqueOrThrow({
    where: { email: colleague },
    select: { accounts: { select: { provider: true } } },
  });
  expect(dana.accounts).toEqual([{ provider: "oidc-nci" }]);
  await theirs.close();
});

test("an organization's provider that does not answer gives a plain message", async ({ page }) => {
  await nci.stop();
  await page.goto(`${portal.baseURL}/signin`);
  await page.getByRole("button", { name: "Sign in with NCI" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("NCI's sign-in service did not answer");
  await expect(page.getByRole("link", { name: "Back to sign-in" })).toBeVisible();
  await screenshot(page, "sso-provider-down");
});
