// Two portal instances on one database, as behind a load balancer: each keeps the member
// organizations (named in every page's footer) in its shared cache. The secretariat admits a
// member through instance A; instance B, whose copy is warm, shows it within a second of A's
// answer, because A's transaction sent the invalidation that PostgreSQL delivered to B on commit.
import { expect, test } from "./test";
import { type Portal, startPortal } from "./portal";
import { signInAsDemo } from "./helpers";

let a: Portal;
let b: Portal;

test.beforeAll(async () => {
  test.setTimeout(360_000);
  a = await startPortal("cache-a", { demo: true });
  b = await startPortal("cache-b", { demo: true, databaseUrl: a.databaseUrl });
});
test.afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

/** The short names an instance's footer lists, as a visitor who is not signed in gets them. */
async function footerNames(portal: Portal): Promise<string[]> {
  const response = await fetch(`${portal.baseURL}/signin`);
  expect(response.status).toBe(200);
  const footer = /<footer[^>]*>([^<]*)<\/footer>/.exec(await response.text());
  expect(footer, "the page has its footer").not.toBeNull();
  return footer![1]!.split(" · ").slice(1);
}

test("a member admitted through one instance is named by the other within a second", async ({ page }) => {
  test.setTimeout(180_000);
  // Each instance starts listening for invalidations when it first serves shared data.
  await footerNames(b);
  await signInAsDemo(page, "Quinn Quorum", a.baseURL);
  await expect
    .poll(
      async () =>
        (
          await a.db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = 'irci cache listener' AND datname = current_database()`
        )[0]!.n,
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(2);
  // Connecting dropped what B had: it loads its copy now, and keeps it.
  const before = await footerNames(b);
  expect(before).toHaveLength(8);
  expect(before).not.toContain("KCSG");

  // B's copy is warm: a row written behind the portal's back (no transaction of the portal, so no
  // invalidation) does not show there. Without the cache it would show at once.
  await a.db.organization.create({
    data: {
      slug: "ztg",
      shortName: "ZTG",
      name: "Zeta Test Group",
      country: "NZ",
      timeZone: "Pacific/Auckland",
      workingDays: [1, 2, 3, 4, 5],
    },
  });
  expect(await footerNames(b)).not.toContain("ZTG");

  // The secretariat admits KCSG through A.
  await page.goto(`${a.baseURL}/organizations`);
  const form = page.getByRole("form", { name: "Add a member organization" });
  await form.getByLabel("Name", { exact: true }).fill("Korean Cancer Study Group");
  await form.getByLabel("Short name").fill("KCSG");
  await form.getByLabel("Country of its office").selectOption({ label: "South Korea" });
  await form.getByLabel("Time zone of its office").fill("Asia/Seoul");
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(a.baseURL));
  await form.getByRole("button", { name: "Add the organization" }).click();
  await answered;
  const answeredAt = performance.now();

  // B shows it (and the row it had not seen) within a second of A's answer.
  let seenAt = 0;
  let reads = 0;
  while (performance.now() - answeredAt < 5_000) {
    reads++;
    const names = await footerNames(b);
    if (names.includes("KCSG")) {
      seenAt = performance.now();
      expect(names).toContain("ZTG");
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(seenAt, "instance B names KCSG").toBeGreaterThan(0);
  const delay = seenAt - answeredAt;
  console.log(`[cache] instance B named the new member ${delay.toFixed(0)} ms after instance A answered (${reads} reads of B)`);
  expect(delay).toBeLessThan(1_000);

  // A's own page, re-rendered with its answer, shows it too: A dropped its copy at the commit.
  await expect(form.getByRole("status")).toHaveText(/KCSG is now a member organization/);
  await expect(page.getByRole("contentinfo")).toContainText("KCSG");
});
