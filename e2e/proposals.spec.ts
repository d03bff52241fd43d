import { expect, test, type Locator, type Page } from "@playwright/test";
import { screenshot, signInAsDemo, navigate } from "./helpers";

async function switchTo(page: Page, name: string) {
  await page.context().clearCookies();
  await signInAsDemo(page, name);
}

/** The length count under a field: the last of the elements that describe it. */
async function counterOf(field: Locator) {
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(" ");
  return field.page().locator(`[id="${ids.at(-1)}"]`);
}

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

test("a chair and two representatives take a proposal from draft to review", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsDemo(page, "Casey Cohort");
  await navigate(page, "Proposals");
  await page.getByRole("link", { name: "New proposal" }).click();
  await page.getByLabel("Working title").fill("Maintenance therapy after surgery for uterine leiomyosarcoma (e2e)");
  await page.getByLabel("Expert group").selectOption({ label: "Gynaecological (uterine) sarcoma expert group" });
  await page.getByLabel("Lead organization").selectOption({ label: "NCI: U.S. National Cancer Institute" });
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Edit proposal" })).toBeVisible();
  const proposalUrl = page.url().replace(/\/edit$/, "");

  // Submitting before the hypothesis is complete is refused, and the page says why.
  await page.goto(proposalUrl);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Complete the hypothesis before submitting" })).toContainText(
    "population, intervention, comparator, primary outcome missing",
  );
  await screenshot(page, "proposal-refused-transition");

  // The editor shows field messages and keeps the text; then saves a revision.
  await page.getByRole("link", { name: "Edit draft" }).click();
  await page.getByLabel("Planned sample size").fill("lots");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByText("Planned sample size must be a whole number.")).toBeVisible();
  await expect(page.getByLabel("Planned sample size")).toHaveValue("lots");
  await fill(page, {
    Population: "Women after complete resection of uterine leiomyosarcoma",
    Intervention: "Maintenance therapy for two years",
    Comparator: "Observation",
    "Primary outcome": "Disease-free survival",
    "Planned sample size": "180",
    "Why no other forum fits": "The disease is too rare for any single national group.",
  });
  await page.getByLabel("Phase").selectOption("PHASE3");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await screenshot(page, "proposal-editor");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as revision 2." })).toBeVisible();
  await expect(page.getByText("All changes saved")).toBeVisible();
  // What was chosen stays chosen after a save (React's reset once showed "Not decided" here, and
  // the next save stored it).
  await expect(page.getByLabel("Phase")).toHaveValue("PHASE3");

  // Leaving with unsaved changes asks first, by a link in the portal and by the browser's Back.
  await page.getByLabel("Rationale").fill("Typed and not saved.");
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await navigate(page, "Proposals");
  await expect.poll(() => asked).toEqual(["You have unsaved changes. Leave this page and lose them?"]);
  await expect(page.getByRole("heading", { name: "Edit proposal" })).toBeVisible();
  await expect(page.getByLabel("Rationale")).toHaveValue("Typed and not saved.");
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goBack();
  await expect.poll(() => asked.length).toBe(2);
  await expect(page.getByLabel("Rationale")).toHaveValue("Typed and not saved.");
  // Answering yes leaves, and the unsaved text is gone.
  page.once("dialog", (dialog) => void dialog.accept());
  await navigate(page, "Proposals");
  await expect(page.getByRole("heading", { name: "Trial proposals" })).toBeVisible();

  await page.goto(proposalUrl);
  const checklist = page.getByRole("list", { name: "Eligibility checklist" });
  await expect(page.getByRole("heading", { name: "IRCI criteria (3 of 4)" })).toBeVisible();
  await expect(checklist).toContainText("0 organizations will lead or participate");

  // NCI's representative records that NCI leads.
  await switchTo(page, "Riley Placebo");
  await page.goto(proposalUrl);
  await page.getByRole("radio", { name: "lead" }).check();
  await page.getByLabel("Expected sites").fill("8");
  await page.getByLabel("Expected patients a year").fill("10");
  await page.getByRole("button", { name: "Record interest" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your organization's interest is recorded." })).toBeVisible();

  // EORTC's representative cannot claim the lead, and records participation.
  await switchTo(page, "Robin Crossover");
  await page.goto(proposalUrl);
  await expect(page.getByRole("radio", { name: "lead" })).toHaveCount(0);
  await page.getByRole("radio", { name: "participate" }).check();
  await page.getByLabel("Expected sites").fill("5");
  await page.getByRole("button", { name: "Record interest" }).click();
  await expect(page.getByRole("status").filter({ hasText: "recorded" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "IRCI criteria (4 of 4)" })).toBeVisible();
  const matrix = page.getByRole("table", { name: "Each member organization's interest in this proposal" });
  await expect(matrix.getByRole("row", { name: /NCI.*Lead.*8.*10/ })).toBeVisible();
  await expect(matrix.getByRole("row", { name: /EORTC.*Participate.*5/ })).toBeVisible();
  await expect(matrix.getByRole("row", { name: /Taking part.*2 organizations, 2 countries.*13.*10/ })).toBeVisible();
  // Robin is neither author nor lead nor chair: nothing to move, no vote to open.
  await expect(page.getByText("Nothing for you to move here now.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Vote" })).toHaveCount(0);

  // The lead's representative submits; the chair starts the review.
  await switchTo(page, "Riley Placebo");
  await page.goto(proposalUrl);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "the proposal is now submitted" })).toBeVisible();
  await switchTo(page, "Casey Cohort");
  await page.goto(proposalUrl);
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "the proposal is now in review" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Maintenance therapy after surgery");
  await expect(page.getByRole("main").getByText("In review", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Eligibility checklist" }).getByText("Not met:")).toHaveCount(0);
  // Eligible and in review: the chair may now open the vote.
  await expect(page.getByRole("region", { name: "Vote" }).getByRole("button", { name: "Open voting" })).toBeVisible();
  await screenshot(page, "proposal-in-review");

  // The revisions compare side by side with the changed words marked.
  await page.getByRole("link", { name: /Revisions \(2\)/ }).click();
  await expect(page.getByRole("heading", { name: "Revision 1 and revision 2" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Population/ }).locator("ins")).toContainText("Women after complete resection");
  await screenshot(page, "proposal-revisions");

  // The secretariat sees it on the pipeline board.
  await switchTo(page, "Quinn Quorum");
  await navigate(page, "Pipeline");
  await expect(page.getByRole("listitem", { name: /In review/ })).toContainText("Maintenance therapy after surgery");
  await screenshot(page, "pipeline");
});

test("when two people save the same draft, the later one is told and keeps their text", async ({ browser }) => {
  const chair = await (await browser.newContext()).newPage();
  await signInAsDemo(chair, "Avery Baseline");
  await chair.goto("/proposals/new");
  await chair.getByLabel("Working title").fill("Second-line therapy in penile cancer (e2e)");
  await chair.getByLabel("Expert group").selectOption({ label: "Penile cancer expert group" });
  await chair.getByLabel("Lead organization").selectOption({ label: "CRUK: Cancer Research UK" });
  await chair.getByRole("button", { name: "Create draft" }).click();
  await expect(chair.getByRole("heading", { name: "Edit proposal" })).toBeVisible();
  const editUrl = chair.url();

  const rep = await (await browser.newContext()).newPage();
  await signInAsDemo(rep, "Taylor Protocol");
  await rep.goto(editUrl);

  await chair.getByLabel("Rationale").fill("The chair's rationale");
  await chair.getByRole("button", { name: "Save revision" }).click();
  await expect(chair.getByRole("status").filter({ hasText: "Saved as revision 2." })).toBeVisible();

  await rep.getByLabel("Rationale").fill("The representative's rationale, typed at the same time");
  await rep.getByRole("button", { name: "Save revision" }).click();
  await expect(rep.getByRole("alert").filter({ hasText: "Someone else saved this proposal after you opened it" })).toBeVisible();
  await expect(rep.getByLabel("Rationale")).toHaveValue("The representative's rationale, typed at the same time");
  await expect(rep.getByText("Unsaved changes")).toBeVisible();
  await screenshot(rep, "proposal-save-conflict");
});

test("the proposals list filters and searches", async ({ page }) => {
  await signInAsDemo(page, "Robin Crossover");
  await page.goto("/proposals");
  await expect(page.getByRole("link", { name: /GOG-0277/ })).toBeVisible();
  await screenshot(page, "proposals");
  await page.getByLabel("Search title and hypothesis").fill("salivary duct");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=salivary\+duct/);
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("link", { name: /HER2-directed therapy/ })).toBeVisible();
  await page.goto("/proposals?status=UNDERWAY");
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(3);
  await page.goto("/proposals/irci-gog-0277");
  await expect(page.getByText("NCT01533207")).toBeVisible();
  await expect(page.getByText(/accrual futility at 38 of 216/)).toBeVisible();
  await screenshot(page, "proposal-real-trial");
});

test("a chair adds a member from another organization and names a second chair", async ({ page }) => {
  await signInAsDemo(page, "Parker Blinding"); // chairs the small bowel group
  await page.goto("/groups/small-bowel");
  const manage = page.getByRole("region", { name: "Manage members" });
  await manage.getByLabel("Add a person from any member organization").selectOption({ label: "Camille Médiane (INCa)" });
  await manage.getByRole("button", { name: "Add to group" }).click();
  await expect(manage.getByRole("status")).toHaveText("The group's members are updated.");
  await expect(page.getByRole("region", { name: "INCa" })).toContainText("Camille Médiane");
  await manage.getByRole("button", { name: "Name Camille Médiane chair" }).click();
  await expect(page.getByRole("region", { name: /Members by organization/ }).getByRole("region", { name: "INCa" })).toContainText("Chair");
  await screenshot(page, "group-manage");

  // A member who chairs nothing here sees no management at all.
  await page.context().clearCookies();
  await signInAsDemo(page, "Yuki Sample");
  await page.goto("/groups/small-bowel");
  await expect(page.getByRole("region", { name: "Manage members" })).toHaveCount(0);
});

test("a comment with a mention reaches the other organization's representative", async ({ page }) => {
  await signInAsDemo(page, "Robin Crossover");
  await page.goto("/proposals/demo-anal-maintenance");
  const discussion = page.getByRole("region", { name: /Discussion/ });
  const box = discussion.getByLabel("Add to the discussion");
  // Typing "@" and a letter suggests people who can see the proposal, with their organizations.
  await box.pressSequentially("Could @C");
  const suggestions = discussion.getByRole("listbox", { name: "People to mention" });
  await expect(suggestions).toBeVisible();
  expect(await suggestions.getByRole("option").count()).toBeGreaterThanOrEqual(3);
  const casey = suggestions.getByRole("option", { name: /Casey Cohort\s*NCI/ });
  await expect(casey).toBeVisible();
  await screenshot(page, "discussion-mention-suggestions");
  // Chosen with the arrow keys, picked with Enter: a token bound to that one person.
  for (let i = 0; i < 8 && (await casey.getAttribute("aria-selected")) !== "true"; i++) await box.press("ArrowDown");
  await expect(casey).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await casey.getAttribute("id"))!);
  await box.press("Enter");
  await expect(suggestions).toBeHidden();
  await expect(box).toHaveValue(/^Could @\[Casey Cohort\]\(user:[\w-]+\) $/);
  // An old-style handle still reaches its person when it is the only one with that address.
  await box.pressSequentially("and @riley.placebo, could NCI take **part**?\n\n- sites\n- patients a year");
  await discussion.getByRole("button", { name: "Post", exact: true }).click();
  const comment = discussion.getByRole("article", { name: "Comment by Robin Crossover (EORTC)" });
  await expect(comment.locator(".prose-comment strong")).toHaveText("part");
  await expect(comment.getByRole("listitem")).toHaveCount(2);
  await expect(comment.locator(".mention")).toHaveText("@Casey Cohort");
  await expect(comment).not.toContainText("user:");
  await screenshot(page, "discussion");

  await page.context().clearCookies();
  await signInAsDemo(page, "Riley Placebo");
  // The bell says there is something new; the notifications page lists it and marks it read.
  await page.getByRole("link", { name: /Notifications, \d+ unread/ }).click();
  await expect(page.getByRole("main").getByRole("link", { name: /Robin Crossover mentioned you/ })).toBeVisible();
  await screenshot(page, "notifications");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await page.goto("/dashboard");
  const forYou = page.getByRole("region", { name: "For you" });
  await expect(forYou).toContainText("Nothing new.");
  await page.goto("/notifications");
  await page
    .getByRole("main")
    .getByRole("link", { name: /Robin Crossover mentioned you/ })
    .click();
  await expect(page).toHaveURL(/demo-anal-maintenance#comment-/);
  const thread = page.getByRole("region", { name: /Discussion/ });
  await thread.getByRole("button", { name: "Reply to Robin Crossover (EORTC)" }).click();
  const reply = thread.getByLabel("Your reply to Robin Crossover (EORTC)");
  // Escape closes the suggestions and leaves what was typed.
  await reply.pressSequentially("@Rob");
  await expect(thread.getByRole("listbox", { name: "People to mention" }).getByRole("option", { name: /Robin Crossover/ })).toBeVisible();
  await reply.press("Escape");
  await expect(thread.getByRole("listbox", { name: "People to mention" })).toBeHidden();
  await expect(reply).toHaveValue("@Rob");
  await reply.fill("Yes, with six sites.");
  await thread.getByRole("button", { name: "Post the reply" }).click();
  await expect(page.getByRole("article", { name: "Comment by Riley Placebo (NCI)" })).toContainText("Yes, with six sites.");
});

test("the secretariat activates a proposed group and corrects its incidence; a chair corrects their own group's", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsDemo(page, "Quinn Quorum");
  await page.goto("/groups/fibrolamellar");
  const about = page.getByRole("region", { name: "About" });
  await expect(about).toContainText("Proposed");
  await expect(about).toContainText("Unchanged since the group was added to the portal");
  const history = page.getByRole("region", { name: "Status history" });
  await expect(history).toContainText("No change of status yet.");

  // A change of status needs a reason: the refusal says so on the field.
  const status = page.getByRole("region", { name: "Change the status" });
  await expect(status.getByLabel("New status")).toHaveValue("ACTIVE");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByText("Say why: the group's page and the audit log show it.")).toBeVisible();
  await status.getByLabel("Reason for the change").fill("Endorsed by IRCI's Board on 1 December");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("The group is now active.");
  await expect(about).toContainText("Active");
  await expect(about).toContainText("“Endorsed by IRCI's Board on 1 December”");
  await status.getByLabel("New status").selectOption({ label: "Make dormant" });
  await status.getByLabel("Reason for the change").fill("No chair has been named yet");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("The group is now dormant.");
  const changes = history.getByRole("list", { name: "Changes of status, newest first" }).getByRole("listitem");
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText("Active → Dormant");
  await expect(changes.nth(0)).toContainText("No chair has been named yet");
  await expect(changes.nth(1)).toContainText("Proposed → Active");
  await expect(changes.nth(1)).toContainText("Quinn Quorum");

  // A figure that is not a number is refused on its field, and what was typed stays.
  const incidence = page.getByRole("region", { name: "Correct the incidence" });
  await incidence.getByLabel("Incidence per 100,000 a year").fill("about one in a million");
  await incidence.getByLabel("Source of the incidence").fill("SEER 2018-2022, fibrolamellar carcinoma");
  await incidence.getByLabel("Why the figure changes").fill("The demo value was never sourced");
  await incidence.getByRole("button", { name: "Correct the incidence" }).click();
  await expect(incidence.getByText("Enter the incidence as a number, such as 0.8.")).toBeVisible();
  await expect(incidence.getByLabel("Source of the incidence")).toHaveValue("SEER 2018-2022, fibrolamellar carcinoma");
  await expect(incidence.getByLabel("Why the figure changes")).toHaveValue("The demo value was never sourced");
  await incidence.getByLabel("Incidence per 100,000 a year").fill("0.02");
  await incidence.getByRole("button", { name: "Correct the incidence" }).click();
  await expect(incidence.getByRole("status")).toHaveText("The incidence is corrected.");
  await expect(about).toContainText("0.02 per 100,000 per year");
  await expect(about).toContainText("Source: SEER 2018-2022, fibrolamellar carcinoma");
  await expect(about.getByText("demo value")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Recent activity" })).toContainText("Incidence corrected");
  await screenshot(page, "group-status");

  // A chair corrects their own group's incidence, and cannot change its status.
  await page.context().clearCookies();
  await signInAsDemo(page, "Sky Eligibility"); // chairs the thymoma group
  await page.goto("/groups/thymoma");
  await expect(page.getByRole("region", { name: "Change the status" })).toHaveCount(0);
  const own = page.getByRole("region", { name: "Correct the incidence" });
  await own.getByLabel("Incidence per 100,000 a year").fill("0.15");
  await own.getByLabel("Source of the incidence").fill("RARECAREnet, thymic epithelial tumours");
  await own.getByLabel("Why the figure changes").fill("A sourced European figure");
  await own.getByRole("button", { name: "Correct the incidence" }).click();
  await expect(own.getByRole("status")).toHaveText("The incidence is corrected.");
  await expect(page.getByRole("region", { name: "About" })).toContainText("0.15 per 100,000 per year");
  await screenshot(page, "group-chair-incidence");

  // Someone who chairs nothing there sees the history but no forms.
  await page.context().clearCookies();
  await signInAsDemo(page, "Yuki Sample");
  await page.goto("/groups/fibrolamellar");
  await expect(page.getByRole("region", { name: "Status history" })).toContainText("Active → Dormant");
  await expect(page.getByRole("region", { name: "Status and incidence" })).toHaveCount(0);
});

test("a proposal shows each organization's history of interest", async ({ page }) => {
  await signInAsDemo(page, "Haru Hazard"); // JCOG's representative; JCOG leads the uveal melanoma draft
  await page.goto("/proposals/demo-uveal-liver");
  await page.getByRole("radio", { name: "be interested" }).check();
  await page.getByRole("button", { name: "Record interest" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your organization's interest is recorded." })).toBeVisible();
  await page.getByRole("radio", { name: "lead" }).check();
  await page.getByLabel("Expected sites").fill("3");
  await page.getByLabel("Note").fill("The board agreed to lead on 1 December");
  await page.getByRole("button", { name: "Record interest" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your organization's interest is recorded." })).toBeVisible();

  // Another organization's representative reads it, folded per organization until opened.
  await page.context().clearCookies();
  await signInAsDemo(page, "Robin Crossover");
  await page.goto("/proposals/demo-uveal-liver");
  const history = page.getByRole("region", { name: "History of interest" });
  const jcog = history.getByRole("list", { name: "Interest history of JCOG, newest first" });
  await expect(jcog).toBeHidden();
  await history.getByText("JCOG").click();
  await expect(jcog.getByRole("listitem")).toHaveCount(2);
  await expect(jcog.getByRole("listitem").nth(0)).toContainText("Interested → Lead · 3 sites");
  await expect(jcog.getByRole("listitem").nth(0)).toContainText("Haru Hazard");
  await expect(jcog.getByRole("listitem").nth(0)).toContainText("“The board agreed to lead on 1 December”");
  await expect(jcog.getByRole("listitem").nth(1)).toContainText("Not recorded → Interested");
  await screenshot(page, "proposal-interest-history");
});

test("the editor and the comment box show the length limit while typing; the server still refuses more", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsDemo(page, "Avery Baseline");
  await page.goto("/proposals/new");
  await page.getByLabel("Working title").fill("Length limits shown while typing (e2e)");
  await page.getByLabel("Expert group").selectOption({ label: "Penile cancer expert group" });
  await page.getByLabel("Lead organization").selectOption({ label: "CRUK: Cancer Research UK" });
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Edit proposal" })).toBeVisible();
  const proposalUrl = page.url().replace(/\/edit$/, "");

  // Far from the limit nothing is counted; from 80% the count shows, describes the field, and is
  // announced once, politely.
  const population = page.getByLabel("Population", { exact: true });
  const populationCount = await counterOf(population);
  await population.fill("p".repeat(1598));
  await expect(populationCount).toBeHidden();
  await population.pressSequentially("pq");
  await expect(populationCount).toHaveText("1,600 / 2,000");
  await expect(population).toHaveAccessibleDescription(/1,600 \/ 2,000/);
  await expect(page.locator("[aria-live=polite]").filter({ hasText: "Nearing the limit of 2,000 characters." })).toHaveCount(1);

  // A long text pasted over the limit is kept whole, and the count says by how much it is over.
  const intervention = page.getByLabel("Intervention", { exact: true });
  await intervention.fill("i".repeat(2040));
  await intervention.pressSequentially("ii");
  const interventionCount = await counterOf(intervention);
  await expect(interventionCount).toHaveText("2,042 / 2,000: 42 characters over the limit");
  await expect(intervention).toHaveAttribute("aria-invalid", "true");
  expect((await intervention.inputValue()).length).toBe(2042);
  await expect(page.locator("[aria-live=polite]").filter({ hasText: "Over the limit of 2,000 characters" })).toHaveCount(1);

  // A one-line field stops at its limit.
  const title = page.getByLabel("Title", { exact: true });
  await title.fill("t".repeat(299));
  await title.pressSequentially("tuv");
  expect((await title.inputValue()).length).toBe(300);
  await expect(await counterOf(title)).toHaveText("300 / 300: the limit");
  await screenshot(page, "proposal-editor-length-limit");

  // Saving anyway is still refused by the server, with the text kept.
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByText("At most 2,000 characters.")).toBeVisible();
  expect((await intervention.inputValue()).length).toBe(2042);
  // Shortened to the limit, it saves.
  await intervention.fill("i".repeat(2000));
  await expect(interventionCount).toHaveText("2,000 / 2,000: the limit");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as revision 2." })).toBeVisible();

  // The comment box counts line breaks as the two characters the browser sends, as the server does.
  await page.goto(proposalUrl);
  const discussion = page.getByRole("region", { name: /Discussion/ });
  const box = discussion.getByLabel("Add to the discussion");
  const boxCount = await counterOf(box);
  await box.fill("line\n".repeat(1000) + "z".repeat(3999));
  await expect(boxCount).toHaveText("9,999 / 10,000");
  await box.pressSequentially("zz");
  await expect(boxCount).toHaveText("10,001 / 10,000: 1 character over the limit");
  await expect(box).toHaveAccessibleDescription(/1 character over the limit/);
  await discussion.getByRole("button", { name: "Post", exact: true }).click();
  await expect(discussion.getByText("Your comment: At most 10,000 characters.")).toBeVisible();
  await box.press("Backspace");
  await expect(boxCount).toHaveText("10,000 / 10,000: the limit");
  await discussion.getByRole("button", { name: "Post", exact: true }).click();
  const comment = discussion.getByRole("article", { name: /Comment by Avery Baseline/ });
  await expect(comment).toBeVisible();
  // Posted, the box is empty again and so is its count.
  await expect(box).toHaveValue("");
  await expect(boxCount).toBeHidden();

  // Editing a comment at the limit shows its count from the start; a reply box counts too.
  await comment.getByRole("button", { name: /Edit/ }).click();
  const edit = comment.getByLabel("Your comment");
  await expect(await counterOf(edit)).toHaveText("10,000 / 10,000: the limit");
  await discussion.getByRole("button", { name: /Reply/ }).click();
  const reply = discussion.getByLabel(/Your reply/);
  await reply.fill("r".repeat(10_050));
  await expect(await counterOf(reply)).toHaveText("10,050 / 10,000: 50 characters over the limit");
});
