import { expect, test } from "./test";
import { screenshot, signInAsDemo, signOut } from "./helpers";

test("a representative signs in with the magic link from the captured mail", async ({ page }) => {
  await page.goto("/");
  await screenshot(page, "landing");
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to the IRCI portal" })).toBeVisible();
  await screenshot(page, "sign-in");

  await page.getByLabel("Work email address").fill("Haru.Hazard@jcog.irci.example");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await screenshot(page, "check-email");

  // The mail worker makes and sends the link within seconds of the request.
  // The sign-in mail, not whatever else Haru was sent by the tests before.
  const mail = page.getByRole("article", { name: "Mail to haru.hazard@jcog.irci.example: Your sign-in link for the IRCI portal" }).first();
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await screenshot(page, "dev-mailbox");
  const link = await mail.locator("a.mail-link").first().getAttribute("href");
  expect(link).toContain("/api/auth/callback/email");

  await page.goto(link!);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Haru" })).toBeVisible();
  await expect(page.getByText("Japan Clinical Oncology Group")).toBeVisible();

  // The link works once.
  await signOut(page);
  await page.goto(link!);
  await expect(page.getByText("This sign-in link has expired or has already been used.")).toBeVisible();
  await screenshot(page, "sign-in-error");
});

test("an unknown address gets the same answer and no mail", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Work email address").fill("nobody@unknown.example");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If nobody@unknown.example belongs to a member of the portal");
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { name: "Development mailbox" })).toBeVisible();
  await expect(page.getByRole("article", { name: /nobody@unknown\.example/ })).toHaveCount(0);
});

test("a second link for the same address within a minute is refused on the field, saying when to ask again", async ({ page }) => {
  for (const attempt of [1, 2]) {
    await page.goto("/signin");
    await page.getByLabel("Work email address").fill("twice@unknown.example");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    if (attempt === 1) await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  await expect(page.getByText(/A link was asked for this address a moment ago.*You can ask for another in \d+ seconds/)).toBeVisible();
  await expect(page.getByLabel("Work email address")).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "sign-in-limited");
  await expect(page.getByLabel("Work email address")).toHaveValue("twice@unknown.example");
});

test("next-auth's own endpoint for sign-in links is closed: links are asked for on the sign-in page", async ({ page }) => {
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/signin/email", {
    form: { email: "haru.hazard@jcog.irci.example", csrfToken: csrf.csrfToken },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
});

test("a malformed address is refused on the form with a message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Work email address").fill("not-an-address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter an email address such as name@organization.org.")).toBeVisible();
  await expect(page.getByLabel("Work email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Work email address")).toHaveValue("not-an-address");
});

test("demo sign-in with one click, then sign-out ends the session", async ({ page }) => {
  await page.goto("/demo");
  await screenshot(page, "demo-sign-in");
  await signInAsDemo(page, "Quinn Quorum");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("banner").getByText("IRCI Secretariat")).toBeVisible();

  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
});

test("an anonymous visitor is sent to sign in, and returned to the page afterwards", async ({ page }) => {
  await page.goto("/groups/anal");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fgroups%2Fanal/);
  await page.getByRole("link", { name: "choose a demo person" }).click();
  await page.getByRole("button", { name: "Sign in as Sky Eligibility" }).click();
  await expect(page).toHaveURL(/\/groups\/anal$/);
  await expect(page.getByRole("heading", { name: /anal cancer expert group/i })).toBeVisible();
});

test("a sign-in link whose callbackUrl was tampered with signs in and lands on the dashboard, never an error", async ({
  page,
  baseURL,
}) => {
  await page.goto("/demo");
  const userId = await page.locator('form[action="/demo/sign-in"] input[name="userId"]').first().getAttribute("value");
  for (const tampered of ["http://[", "https://evil.example/phish", "%%%", "/\\evil.example"]) {
    const form = await page.request.post("/demo/sign-in", {
      form: { userId: userId!, callbackUrl: "/groups" },
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    expect(form.status()).toBe(303);
    const link = new URL(form.headers()["location"]!, baseURL);
    link.searchParams.set("callbackUrl", tampered);
    const answer = await page.request.get(link.toString(), { maxRedirects: 0 });
    expect(answer.status(), `callbackUrl ${tampered}`).toBe(302);
    // A path: the browser stays on the host it signed in on.
    expect(answer.headers()["location"]).toBe("/dashboard");
  }
});

test("demo sign-in at 127.0.0.1 (NEXTAUTH_URL says localhost) stays on 127.0.0.1, signed in", async ({ page, baseURL }) => {
  const loopback = baseURL!.replace("localhost", "127.0.0.1");
  await signInAsDemo(page, "Quinn Quorum", loopback);
  await expect(page).toHaveURL(`${loopback}/dashboard`);
  await expect(page.getByRole("banner").getByText("IRCI Secretariat")).toBeVisible();
  await signOut(page);
  await page.goto(`${loopback}/dashboard`);
  await expect(page).toHaveURL(`${loopback}/signin?callbackUrl=%2Fdashboard`);
});
