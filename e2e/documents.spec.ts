// Versioned documents, as the chair of the salivary group works with them: upload a protocol synopsis,
// upload a new version with what changed, preview the PDF in the page, download a version (the bytes as
// uploaded, as an attachment), then open a vote on the new version and see it named on the vote panel.
// Bad input on the form is refused on its field with what was chosen kept. A portal of its own.
import { minimalPdf } from "../lib/documents/pdf";
import { expect, test } from "./test";
import { screenshot, signInAsDemo } from "./helpers";
import { type Portal, startPortal } from "./portal";

let portal: Portal;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await startPortal("documents", { demo: true });
});
test.afterAll(async () => {
  await portal?.stop();
});

const PROPOSAL = "demo-salivary-her2";
const pdf = (name: string, text: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(minimalPdf([text])) });

test("a chair uploads a synopsis and a new version, previews and downloads it, and opens a vote on that version", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsDemo(page, "Emil Stratum", portal.baseURL); // author of the proposal, chairs the salivary group
  await page.goto(`${portal.baseURL}/proposals/${PROPOSAL}`);
  const card = page.getByRole("region", { name: "Documents" });
  // The seeded demo documents are there, with their versions.
  await expect(card.getByRole("heading", { name: "[Demo] Protocol synopsis" })).toBeVisible();

  await card.getByText("Upload a document or a new version").click();
  const form = card.locator("form");
  // A web page renamed .pdf is refused on the file field; the title typed stays.
  await form.getByLabel("Kind").selectOption({ label: "Full protocol" });
  await form.getByLabel("Title").fill("E2E full protocol");
  await form
    .getByLabel("File")
    .setInputFiles({ name: "protocol.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await form.getByRole("button", { name: "Upload the document" }).click();
  await expect(form.getByText(/This file is not a PDF though its name ends in \.pdf/)).toBeVisible();
  await expect(form.getByLabel("File")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Title")).toHaveValue("E2E full protocol");
  await expect(form.getByLabel("Kind")).toHaveValue("FULL_PROTOCOL");

  // The real file: version 1.
  await form.getByLabel("File").setInputFiles(pdf("../../etc/full-protocol.pdf", "E2E full protocol, version 1"));
  await form.getByRole("button", { name: "Upload the document" }).click();
  await expect(card.getByRole("status")).toHaveText('"E2E full protocol" is uploaded as version 1.');
  const doc = card.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "E2E full protocol" }) });
  await expect(doc).toContainText("Full protocol");
  await expect(doc).toContainText("full-protocol.pdf"); // the path dropped from the name

  // A new version without saying what changed is refused on that field.
  await form
    .getByLabel("Upload", { exact: true })
    .selectOption({ label: "New version of E2E full protocol (Full protocol, now version 1)" });
  await form.getByLabel("File").setInputFiles(pdf("full-protocol-v2.pdf", "E2E full protocol, version 2"));
  await form.getByLabel("What changed in this version").fill(" ");
  await form.getByRole("button", { name: "Upload the new version" }).click();
  await expect(form.getByText("Say what changed in this version.")).toBeVisible();
  await form.getByLabel("What changed in this version").fill("Eligibility widened to ECOG 2.");
  await form.getByRole("button", { name: "Upload the new version" }).click();
  await expect(card.getByRole("status")).toHaveText('Version 2 of "E2E full protocol" is uploaded.');
  await expect(doc).toContainText("Version 2");
  await expect(doc).toContainText("Eligibility widened to ECOG 2.");
  await expect(doc.getByText("Earlier versions (1)")).toBeVisible();

  // Preview: the PDF in a frame of the page, served inline, frameable by this site only.
  await doc.getByRole("button", { name: /^Preview/ }).click();
  const frame = doc.locator("iframe");
  await expect(frame).toHaveAttribute("title", "Preview: E2E full protocol, version 2");
  const previewSrc = (await frame.getAttribute("src"))!;
  const preview = await page.request.get(`${portal.baseURL}${previewSrc}`);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  expect(preview.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(preview.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  expect(preview.headers()["x-content-type-options"]).toBe("nosniff");
  await screenshot(page, "documents-proposal");

  // Download version 1 from the history: the same bytes, as an attachment.
  await doc.getByText("Earlier versions (1)").click();
  const v1 = doc.getByRole("link", { name: /^Version 1/ });
  const download = await page.request.get(`${portal.baseURL}${await v1.getAttribute("href")}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toBe(`attachment; filename="full-protocol.pdf"; filename*=UTF-8''full-protocol.pdf`);
  expect(download.headers()["content-security-policy"]).toContain("sandbox");
  expect(Buffer.compare(await download.body(), Buffer.from(minimalPdf(["E2E full protocol, version 1"])))).toBe(0);

  // Open a vote on version 2 (and the seeded synopsis's latest version, chosen by default).
  const panel = page.getByRole("region", { name: "Vote" });
  const versions = panel.getByRole("group", { name: "The vote is on these document versions" });
  const v2Box = versions
    .getByRole("listitem")
    .filter({ hasText: "E2E full protocol" })
    .getByRole("checkbox", { name: /^Version 2/ });
  await expect(v2Box).toBeChecked();
  await expect(
    versions
      .getByRole("listitem")
      .filter({ hasText: "E2E full protocol" })
      .getByRole("checkbox", { name: /^Version 1/ }),
  ).not.toBeChecked();
  await panel.getByRole("button", { name: "Open voting" }).click();
  await expect(panel.getByText("Open", { exact: true })).toBeVisible();
  const votedOn = panel.getByRole("list", { name: "Document versions this vote is on" });
  await expect(votedOn.getByRole("link", { name: "E2E full protocol, version 2" })).toBeVisible();
  await expect(votedOn.getByRole("link", { name: "[Demo] Protocol synopsis, version 2" })).toBeVisible();
  await expect(votedOn.getByRole("listitem")).toHaveCount(3); // with the consent template's version 1
  const named = await page.request.get(
    `${portal.baseURL}${await votedOn.getByRole("link", { name: "E2E full protocol, version 2" }).getAttribute("href")}`,
  );
  expect(Buffer.compare(await named.body(), Buffer.from(minimalPdf(["E2E full protocol, version 2"])))).toBe(0);
  await screenshot(page, "documents-vote");

  // Five organizations approve; the secretariat closes the vote; the decision rests on the same versions.
  for (const name of ["Robin Crossover", "Haru Hazard", "Drew Interim", "Charlie Consort", "Camille Médiane"]) {
    await page.context().clearCookies();
    await signInAsDemo(page, name, portal.baseURL);
    await page.goto(`${portal.baseURL}/proposals/${PROPOSAL}`);
    await panel.getByRole("radio", { name: "Approve" }).check();
    await panel.getByRole("button", { name: "Cast ballot" }).click();
    await expect(panel.getByRole("status").filter({ hasText: "ballot is recorded" })).toBeVisible();
  }
  await page.context().clearCookies();
  await signInAsDemo(page, "Quinn Quorum", portal.baseURL);
  await page.goto(`${portal.baseURL}/proposals/${PROPOSAL}`);
  await panel.getByLabel("Reason to close the vote now (secretariat)").fill("Every organization that will vote has voted.");
  await panel.getByRole("button", { name: "Close the vote now" }).click();
  await expect(panel.getByText("Closed: Passed")).toBeVisible();
  await page.goto(`${portal.baseURL}/decisions?q=${encodeURIComponent("HER2-directed")}`);
  const entry = page.getByRole("article").filter({ hasText: "Approved: [Demo] HER2-directed therapy" });
  const restsOn = entry.getByRole("list", { name: "Document versions this decision rests on" });
  await expect(restsOn.getByRole("link", { name: "E2E full protocol, version 2" })).toBeVisible();
  await expect(restsOn.getByRole("listitem")).toHaveCount(3);
  await screenshot(page, "documents-decision");
});

test("the trial page has its documents; a representative of another organization reads them but gets no upload form", async ({ page }) => {
  await signInAsDemo(page, "Haru Hazard", portal.baseURL); // JCOG: InPACT is led elsewhere
  await page.goto(`${portal.baseURL}/proposals/irci-inpact/trial`);
  const card = page.getByRole("region", { name: "Documents" });
  await expect(card.getByRole("heading", { name: "[Demo] Trial management group minutes (illustrative)" })).toBeVisible();
  await expect(card.getByText("Upload a document or a new version")).toHaveCount(0);
  const href = await card.getByRole("link", { name: /^Download/ }).getAttribute("href");
  const file = await page.request.get(`${portal.baseURL}${href}`);
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await screenshot(page, "documents-trial");
});
