import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./test";
import { screenshot, signInAsDemo, navigate } from "./helpers";

test("recording accrual moves the chart; a doubtful figure is confirmed first, and a typo is corrected or retracted with a reason", async ({
  page,
}) => {
  await signInAsDemo(page, "Robin Crossover"); // EORTC leads EORTC 1206
  await page.goto("/proposals/irci-eortc-1206");
  await page.getByRole("link", { name: "Open the trial record" }).click();
  const accrual = page.getByRole("region", { name: "Accrual" });
  // Three overall reports and six by organization (illustrative); another spec may have added one more.
  const points = Number(await accrual.locator("[data-points]").getAttribute("data-points"));
  expect(points).toBeGreaterThanOrEqual(9);
  await expect(accrual).toContainText("115 patients enrolled of 152 planned (76%)");
  await accrual.getByLabel("Date").fill("2021-01-15");
  await accrual.getByLabel("Patients so far").fill("100");
  await accrual.getByRole("button", { name: "Record accrual" }).click();
  // Cumulative: lower than an earlier report is a drop, recorded only once confirmed; the form says why.
  await expect(accrual.getByRole("alert")).toContainText(
    "Accrual is cumulative, and 115 patients were reported on 2020-06: 100 would be a drop.",
  );
  await expect(accrual.getByRole("checkbox", { name: "Yes, it is right: record it as it is." })).not.toBeChecked();
  // What was typed is still there to correct.
  await expect(accrual.getByLabel("Date")).toHaveValue("2021-01-15");
  await accrual.getByLabel("Patients so far").fill("131");
  await accrual.getByRole("button", { name: "Record accrual" }).click();
  await expect(accrual.getByRole("status")).toHaveText("Accrual recorded.");
  await expect(accrual.locator("[data-points]")).toHaveAttribute("data-points", String(points + 1));
  await expect(accrual).toContainText("131 patients enrolled of 152 planned (86%)");
  await expect(
    accrual.getByRole("table", { name: "Accrual reports, oldest first" }).getByRole("row", { name: /2021-01-15.*Overall.*131/ }),
  ).toBeVisible();
  await screenshot(page, "trial");

  // The walkthrough's typo: 1400 for 140, against a target of 152. Asked, then confirmed by mistake.
  await accrual.getByLabel("Date").fill("2021-03-01");
  await accrual.getByLabel("Patients so far").fill("1400");
  await accrual.getByRole("button", { name: "Record accrual" }).click();
  await expect(accrual.getByRole("alert")).toContainText("1400 patients is far above the target of 152. Is the figure right?");
  await screenshot(page, "trial-accrual-confirm");
  await accrual.getByRole("checkbox", { name: "Yes, it is right: record it as it is." }).check();
  await accrual.getByRole("button", { name: "Record accrual" }).click();
  await expect(accrual.getByRole("status")).toHaveText("Accrual recorded.");
  await expect(accrual).toContainText("1400 patients enrolled of 152 planned");

  // Corrected on its own page, with the reason; the audit log keeps both.
  await accrual.getByRole("link", { name: "Correct or retract the report of 2021-03-01, 1400 patients" }).click();
  await expect(page.getByRole("heading", { name: "Correct an accrual report" })).toBeVisible();
  const correct = page.getByRole("region", { name: "Correct it" });
  await correct.getByLabel("Patients so far").fill("140");
  await correct.getByRole("button", { name: "Save the correction" }).click();
  await expect(correct.getByText("Why: Say why, for the record (at least a few words).")).toBeVisible();
  await correct.getByLabel("Why (kept in the audit log)").fill("Typo: one zero too many");
  await correct.getByRole("button", { name: "Save the correction" }).click();
  await expect(correct.getByRole("status")).toHaveText("Accrual report corrected.");
  await screenshot(page, "trial-accrual-correct");
  await page.goto("/proposals/irci-eortc-1206/trial");
  await expect(accrual).toContainText("140 patients enrolled of 152 planned (92%)");

  // Retracted: it leaves the record and the chart.
  await accrual.getByRole("link", { name: "Correct or retract the report of 2021-03-01, 140 patients" }).click();
  const retract = page.getByRole("region", { name: "Retract it" });
  await retract.getByLabel("Why (kept in the audit log)").fill("Entered before the site's data were checked");
  await retract.getByRole("button", { name: "Retract this report" }).click();
  await expect(page).toHaveURL(/\/proposals\/irci-eortc-1206\/trial$/);
  await expect(accrual).toContainText("131 patients enrolled of 152 planned (86%)");
  await expect(accrual.locator("[data-points]")).toHaveAttribute("data-points", String(points + 1));
});

test("the secretariat imports a study from ClinicalTrials.gov JSON", async ({ page }) => {
  await signInAsDemo(page, "Quinn Quorum");
  await page.goto("/proposals/irci-ballad/trial");
  await page.getByRole("link", { name: "Import from ClinicalTrials.gov" }).click();
  await page.getByLabel(/Or paste the study's JSON/).fill('{ "studies": [] }');
  await page.getByRole("button", { name: "Show what would change" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This looks like a search result" })).toBeVisible();
  await page
    .getByLabel(/Or paste the study's JSON/)
    .fill(readFileSync(path.join(__dirname, "../tests/fixtures/ctgov/full-study.json"), "utf8"));
  await page.getByRole("button", { name: "Show what would change" }).click();
  const changes = page.getByRole("table", { name: "Changes the import would make" });
  // Words, not the registry's codes; what is replaced is struck through, what is kept is not.
  await expect(changes.getByRole("row", { name: /Overall status.*Active not recruiting.*Recruiting/ })).toBeVisible();
  await expect(changes.getByRole("row", { name: "Overall status" }).locator("del")).toHaveText("Active not recruiting");
  await expect(changes.getByRole("row", { name: /Sites.*adds 6 sites in 5 countries/ })).toBeVisible();
  await expect(changes.getByRole("row", { name: /Registry ids/ }).locator("del")).toHaveCount(0);
  await expect(changes.getByRole("row", { name: /Sites/ }).locator("del")).toHaveCount(0);
  // The record is another study's number than the trial's (the UK-led study's, and the Belgian study's): applying
  // needs an explicit yes.
  const warning = page
    .getByRole("alert")
    .filter({ hasText: "This record is NCT00000001, but this trial is registered as NCT02502370, NCT04257461." });
  await expect(warning).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply these changes" })).toBeDisabled();
  await screenshot(page, "trial-import-preview");
  await warning.getByRole("checkbox", { name: "NCT00000001 is this trial's record: apply it anyway." }).check();
  await page.getByRole("button", { name: "Apply these changes" }).click();
  await expect(page.getByRole("status")).toContainText("Imported: 6 sites added.");
  await page.getByRole("link", { name: "Back to the trial" }).click();
  await expect(page.getByRole("region", { name: "Registry ids" })).toContainText("NCT00000001");
  await expect(page.getByRole("region", { name: "Countries and sites" })).toContainText("South Korea");

  // Undone as one event: the record is as it was.
  await page.getByRole("button", { name: "Undo the import of NCT00000001" }).click();
  await expect(page.getByRole("region", { name: "Details" })).toContainText(/The import of NCT00000001 was undone on \d{4}-\d{2}-\d{2}\./);
  await expect(page.getByRole("region", { name: "Registry ids" })).not.toContainText("NCT00000001");
  await expect(page.getByRole("region", { name: "Countries and sites" })).not.toContainText("South Korea");
  await expect(page.getByRole("region", { name: "Details" })).toContainText("Active not recruiting");
});

test("the portfolio, its exports, the printable summary, and the public page", async ({ page }) => {
  // Fourteen downloads and a search besides the pages: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  await signInAsDemo(page, "Taylor Protocol");
  await navigate(page, "Portfolio");
  await expect(page.getByRole("heading", { name: "Portfolio", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Accrual against target" })).toContainText("InterAACT");
  await screenshot(page, "portfolio");
  await page.getByLabel("Organization (lead or taking part)").selectOption("jcog");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/organization=jcog/);
  await page.getByRole("region", { name: "Accrual against target" }).getByText("Accrual against target as a table").click();
  await expect(page.getByRole("table", { name: "Accrual against target" }).getByRole("row")).toHaveCount(2);

  // Every export linked from the portfolio's export section downloads as a file, CSV and JSON alike.
  const exportsCard = page.getByRole("region", { name: "Exports" });
  const links = exportsCard.getByRole("link");
  await expect(links).toHaveCount(14);
  for (const link of await links.all()) {
    const href = (await link.getAttribute("href"))!;
    const [, kind, format] = /^\/api\/export\/(\w+)\.(csv|json)$/.exec(href)!;
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"], href).toContain(format === "csv" ? "text/csv" : "application/json");
    expect(response.headers()["content-disposition"], href).toMatch(
      new RegExp(`^attachment; filename="irci-${kind}-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`),
    );
    expect(response.headers()["cache-control"], href).toBe("private, no-store");
    if (format === "json") expect(Array.isArray(await response.json()), href).toBe(true);
  }
  // A click saves the file, named for what it holds.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exportsCard.getByRole("link", { name: "Interest matrix CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^irci-interests-\d{4}-\d{2}-\d{2}\.csv$/);
  const matrix = (await page.request.get("/api/export/interests.csv")).body().then((b) => b.toString("utf8"));
  expect(await matrix).toContain(
    '"proposalId","title","stage","expertGroup","organization","organizationName","countryCode","country","interest"',
  );
  expect(await matrix).toContain('"Not recorded"');
  const sites = (await (await page.request.get("/api/export/sites.json")).json()) as { countryCode: string; country: string }[];
  expect(sites).toContainEqual(expect.objectContaining({ countryCode: "JP", country: "Japan" }));

  const csv = await page.request.get("/api/export/trials.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["cache-control"]).toBe("private, no-store");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)], "a UTF-8 byte order mark for spreadsheets").toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain('"NCT01533207');

  await page.goto("/proposals/irci-interaact/print");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("InterAACT");
  // The hypothesis part by part, as written: a sentence built around whole sentences read
  // "...chemotherapy., Trabectedin ... review..".
  const hypothesis = page.getByRole("main").locator("dl").first();
  await expect(hypothesis.locator("dt")).toHaveText(["Population", "Intervention", "Comparator", "Primary outcome"]);
  await expect(hypothesis.locator("dd").first()).toContainText("anal");
  expect(await page.getByRole("main").innerText()).not.toMatch(/\.,|\.\.(?!\.)/);
  await screenshot(page, "print-summary");

  // Signed out: the public page, with registry links and nothing private.
  await page.context().clearCookies();
  expect((await page.request.get("/api/export/trials.json")).status()).toBe(401);
  await page.goto("/");
  await navigate(page, "Trials");
  await expect(page.getByRole("heading", { name: "IRCI trials" })).toBeVisible();
  await expect(page.getByRole("article", { name: /InterAACT/ }).getByRole("link", { name: "NCT02051868" })).toHaveAttribute(
    "href",
    "https://clinicaltrials.gov/study/NCT02051868",
  );
  const text = await page.getByRole("main").innerText();
  expect(text).not.toContain("[Demo]");
  expect(text).not.toContain("irci.example");
  await screenshot(page, "public-trials");

  // Search and filters: a plain form whose choices stay selected on the page of results.
  const results = page.getByRole("main").getByRole("article");
  const everyTrial = await results.count();
  const search = page.getByRole("search", { name: "Search the trials" });
  await search.getByLabel("Search").fill("NCT02051868");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=NCT02051868/);
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveAccessibleName(/InterAACT/);
  await search.getByRole("link", { name: "Clear" }).click();
  await expect(results).toHaveCount(everyTrial);
  await search.getByLabel("Status").selectOption({ label: "Active not recruiting" });
  await search.getByLabel("Country").selectOption({ label: "Japan" });
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/status=ACTIVE_NOT_RECRUITING/);
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveAccessibleName(/small bowel/);
  await expect(search.getByLabel("Status")).toHaveValue("ACTIVE_NOT_RECRUITING");
  await expect(search.getByLabel("Country")).toHaveValue("JP");
  await screenshot(page, "public-trials-filtered");
  // Nothing matches: said so, with the way back.
  await search.getByLabel("Phase").selectOption({ label: "Phase 2" });
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No trial matches this search and these filters.")).toBeVisible();
  await expect(search.getByLabel("Phase")).toHaveValue("PHASE2");
});

test("a real-size record of several megabytes imports; one over the limit is refused before it is sent, with a message", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Large trials' records carry hundreds of locations and posted results: several megabytes, of
  // which the portal keeps what it needs.
  const study = JSON.parse(readFileSync(path.join(__dirname, "../tests/fixtures/ctgov/full-study.json"), "utf8"));
  study.protocolSection.identificationModule.nctId = "NCT09999991";
  study.protocolSection.identificationModule.secondaryIdInfos = [];
  study.protocolSection.contactsLocationsModule = {
    locations: Array.from({ length: 300 }, (_, i) => ({
      facility: `Cancer Centre ${i + 1}`,
      city: `City ${i + 1}`,
      country: ["France", "Japan", "Canada"][i % 3],
      status: "RECRUITING",
    })),
  };
  // Over 10 MB: past what a Next.js proxy would buffer, so the import route must not go through one.
  study.resultsSection = { baselineCharacteristicsModule: { note: "x".repeat(11_000_000) } };
  const big = Buffer.from(JSON.stringify(study));
  expect(big.length).toBeGreaterThan(11_000_000);

  await signInAsDemo(page, "Quinn Quorum");
  await page.goto("/proposals/irci-inpact/trial/import");
  await page.getByLabel(/upload a file/).setInputFiles({ name: "large-study.json", mimeType: "application/json", buffer: big });
  await page.getByRole("button", { name: "Show what would change" }).click();
  const changes = page.getByRole("table", { name: "Changes the import would make" });
  await expect(changes.getByRole("row", { name: /Sites.*adds 300 sites in 3 countries/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("checkbox", { name: "NCT09999991 is this trial's record: apply it anyway." }).check();
  await page.getByRole("button", { name: "Apply these changes" }).click();
  await expect(page.getByRole("status")).toContainText("Imported: 300 sites added.", { timeout: 30_000 });

  // Hundreds of sites: counted by country, each country and a search show its sites.
  await page.goto("/proposals/irci-inpact/trial");
  const sites = page.getByRole("region", { name: "Countries and sites" });
  await expect(sites.getByText(/^\d+ sites in \d+ countries\./)).toBeVisible();
  await expect(sites.getByText("Cancer Centre 3,")).toHaveCount(0);
  await sites.getByRole("list", { name: "Sites by country" }).getByRole("link", { name: "Japan 100" }).click();
  await expect(sites.getByText("Cancer Centre 2, City 2")).toBeVisible();
  await expect(sites.getByText("Cancer Centre 1, City 1")).toHaveCount(0); // in France
  await sites.getByRole("searchbox", { name: "Search sites in Japan" }).fill("City 299");
  await sites.getByRole("button", { name: "Search" }).click();
  await expect(sites.getByText("Cancer Centre 299, City 299")).toBeVisible();
  await expect(sites.getByText("Cancer Centre 2, City 2")).toHaveCount(0);
  await screenshot(page, "trial-sites-by-country");
  await page.goto("/proposals/irci-inpact/trial/import");

  const tooBig = Buffer.alloc(12_500_000, 0x20);
  await page.getByLabel(/upload a file/).setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: tooBig });
  await page.getByRole("button", { name: "Show what would change" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The study's file is 12.5 MB: the portal reads records up to 12.0 MB." }),
  ).toBeVisible();
});
