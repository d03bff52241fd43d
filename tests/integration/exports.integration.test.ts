// The richer exports (interest matrix, ballots of closed votes, trial sites, milestones, accrual
// history) and the public trial list's search and filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { exportStream } from "@/lib/export-stream";
import { EXPORT_BATCH, exportBatches, type ExportKind } from "@/lib/portfolio/export";
import { PUBLIC_TRIALS_PER_PAGE, publicFilterChoices, publicPortfolio } from "@/lib/portfolio/public";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let nciRep: Actor;
let eortcRep: Actor;
let outsider: Actor; // signed in, in no organization: may not see votes or the portfolio
let proposalId: string;
let closedVoteId: string;
let openVoteId: string;
let trialId: string;

async function exportAll(actor: Actor | null, kind: ExportKind) {
  const rows: Record<string, unknown>[] = [];
  for await (const batch of exportBatches(actor, kind)) rows.push(...batch);
  return rows;
}

async function exportText(actor: Actor | null, kind: ExportKind, format: "csv" | "json") {
  return new Response(exportStream(exportBatches(actor, kind), format)).text();
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  nciRep = await actorFor(db, "riley.placebo@nci.irci.example");
  eortcRep = await actorFor(db, "robin.crossover@eortc.irci.example");
  outsider = await makePerson(db);
  const group = await db.expertGroup.findFirstOrThrow({ where: { slug: { not: "" } }, orderBy: { slug: "asc" } });
  const org = (slug: string) => db.organization.findUniqueOrThrow({ where: { slug } });
  const [nci, eortc, jcog] = await Promise.all([org("nci"), org("eortc"), org("jcog")]);
  const proposal = await db.proposal.create({
    data: {
      id: "export-matrix-proposal",
      groupId: group.id,
      title: "Export matrix proposal",
      status: "APPROVED",
      leadOrganizationId: nci.id,
      interests: {
        create: [
          { organizationId: nci.id, level: "LEAD", expectedSites: 12, expectedPatientsPerYear: 30, note: '=HYPERLINK("http://evil")' },
          { organizationId: eortc.id, level: "INTERESTED", expectedSites: 3 },
        ],
      },
    },
  });
  proposalId = proposal.id;
  const closed = await db.vote.create({
    data: {
      proposalId,
      status: "CLOSED",
      quorum: 5,
      opensAt: new Date("2026-01-05T09:00:00Z"),
      closesAt: new Date("2026-01-12T09:00:00Z"),
      closedAt: new Date("2026-01-12T09:00:00Z"),
      outcome: "PASSED",
      ballots: {
        create: [
          { organizationId: nci.id, choice: "APPROVE", rationale: "CLOSED-BALLOT strong rationale" },
          { organizationId: eortc.id, choice: "RECUSE", rationale: "@SUM(1+1) CLOSED-BALLOT conflict" },
        ],
      },
    },
  });
  closedVoteId = closed.id;
  const open = await db.vote.create({
    data: {
      proposalId,
      status: "OPEN",
      quorum: 5,
      closesAt: new Date(Date.now() + 7 * 86_400_000),
      ballots: {
        create: [
          { organizationId: nci.id, choice: "REJECT", rationale: "OPEN-BALLOT secret" },
          { organizationId: jcog.id, choice: "ABSTAIN", rationale: "OPEN-BALLOT secret too" },
        ],
      },
    },
  });
  openVoteId = open.id;
  const trial = await db.trial.create({
    data: {
      proposalId,
      overallStatus: "ACTIVE_NOT_RECRUITING",
      phases: ["PHASE2"],
      sites: {
        create: [
          { country: "JP", facility: "Export Site Tokyo", city: "Tokyo", status: "RECRUITING", organizationId: jcog.id },
          { country: "FR", facility: "-2+3 Export Site", city: "Paris", status: "ACTIVE_NOT_RECRUITING" },
        ],
      },
      milestones: {
        create: [
          { kind: "PROTOCOL_APPROVED", planned: "2025-01", actual: "2025-02-10" },
          { kind: "FIRST_PATIENT_IN", planned: "2020-06" },
          { kind: "RESULTS_PUBLISHED" },
        ],
      },
      accrual: {
        create: [
          { date: "2025-06", total: 10, source: "Export report one" },
          { date: "2025-09-30", total: 25, source: "Export report two" },
          { date: "2025-09-30", total: 7, organizationId: jcog.id, source: "JCOG office" },
          { date: "2025-09-30", total: 9, country: "FR", source: "+French office" },
        ],
      },
    },
  });
  trialId = trial.id;
});
afterAll(() => db.$disconnect());

describe("the interest matrix", () => {
  it("has a row for every proposal and organization, with words for the level and the expected sites and patients", async () => {
    const rows = await exportAll(nciRep, "interests");
    const [proposals, organizations] = await Promise.all([db.proposal.count(), db.organization.count()]);
    expect(rows).toHaveLength(proposals * organizations);
    const mine = rows.filter((r) => r.proposalId === proposalId);
    expect(mine).toHaveLength(organizations);
    expect(Object.keys(mine[0]!)).toEqual([
      "proposalId",
      "title",
      "stage",
      "expertGroup",
      "organization",
      "organizationName",
      "countryCode",
      "country",
      "interest",
      "expectedSites",
      "expectedPatientsPerYear",
      "note",
      "recorded",
    ]);
    expect(mine.find((r) => r.organization === "NCI")).toMatchObject({
      stage: "Approved",
      interest: "Lead",
      expectedSites: 12,
      expectedPatientsPerYear: 30,
      countryCode: "US",
      country: "United States",
    });
    expect(mine.find((r) => r.organization === "EORTC")).toMatchObject({
      interest: "Interested",
      expectedSites: 3,
      expectedPatientsPerYear: "",
    });
    expect(mine.find((r) => r.organization === "JCOG")).toMatchObject({ interest: "Not recorded", expectedSites: "", country: "Japan" });
  });

  it("pages through every proposal, however many, without losing or repeating a pair", async () => {
    const group = await db.expertGroup.findFirstOrThrow();
    const extra = EXPORT_BATCH + 7;
    await db.proposal.createMany({
      data: Array.from({ length: extra }, (_, i) => ({ id: `export-interest-${i}`, groupId: group.id, title: `Interest ${i}` })),
    });
    try {
      const rows = await exportAll(nciRep, "interests");
      const pairs = new Set(rows.map((r) => `${r.proposalId}|${r.organization}`));
      expect(pairs.size).toBe(rows.length);
      expect(rows).toHaveLength((await db.proposal.count()) * (await db.organization.count()));
    } finally {
      await db.proposal.deleteMany({ where: { id: { startsWith: "export-interest-" } } });
    }
  });
});

describe("ballots", () => {
  it("exports the ballots of closed votes, with words for the choice and the outcome", async () => {
    const rows = await exportAll(nciRep, "ballots");
    const closed = rows.filter((r) => r.voteId === closedVoteId);
    expect(closed).toHaveLength(2);
    expect(closed.find((r) => r.organization === "NCI")).toMatchObject({
      proposalId,
      choice: "Approve",
      outcome: "Passed",
      rationale: "CLOSED-BALLOT strong rationale",
      voteClosed: "2026-01-12T09:00:00.000Z",
    });
    expect(closed.find((r) => r.organization === "EORTC")).toMatchObject({ choice: "Recused" });
  });

  it("never exports an open vote's ballots, not even to the organization that cast one", async () => {
    for (const actor of [nciRep, eortcRep]) {
      const rows = await exportAll(actor, "ballots");
      expect(rows.some((r) => r.voteId === openVoteId)).toBe(false);
      for (const format of ["csv", "json"] as const) expect(await exportText(actor, "ballots", format)).not.toContain("OPEN-BALLOT");
    }
    // Every exported ballot belongs to a closed vote.
    const rows = await exportAll(nciRep, "ballots");
    const votes = await db.vote.findMany({ where: { id: { in: rows.map((r) => String(r.voteId)) } }, select: { status: true } });
    expect(votes.every((v) => v.status === "CLOSED")).toBe(true);
  });

  it("refuses whoever may not see votes, and anonymous visitors", async () => {
    expect((await refusal(exportAll(outsider, "ballots"))).code).toBe("FORBIDDEN");
    expect((await refusal(exportAll(null, "ballots"))).code).toBe("UNAUTHENTICATED");
  });

  it("an open vote's ballots appear once it closes", async () => {
    await db.vote.update({ where: { id: openVoteId }, data: { status: "CLOSED", closedAt: new Date(), outcome: "NO_QUORUM" } });
    try {
      const rows = (await exportAll(nciRep, "ballots")).filter((r) => r.voteId === openVoteId);
      expect(rows.map((r) => r.choice).sort()).toEqual(["Abstain", "Reject"]);
      expect(rows[0]).toMatchObject({ outcome: "No quorum" });
    } finally {
      await db.vote.update({ where: { id: openVoteId }, data: { status: "OPEN", closedAt: null, outcome: null } });
    }
  });
});

describe("trial sites, milestones and accrual history", () => {
  it("exports every site with its country's name beside the ISO code and its status in words", async () => {
    const rows = await exportAll(nciRep, "sites");
    expect(rows).toHaveLength(await db.trialSite.count());
    const tokyo = rows.find((r) => r.facility === "Export Site Tokyo");
    expect(Object.keys(tokyo!)).toEqual([
      "id",
      "proposalId",
      "title",
      "facility",
      "city",
      "countryCode",
      "country",
      "organization",
      "siteStatus",
    ]);
    expect(tokyo).toMatchObject({
      proposalId,
      city: "Tokyo",
      countryCode: "JP",
      country: "Japan",
      organization: "JCOG",
      siteStatus: "Recruiting",
    });
    expect(rows.find((r) => r.facility === "-2+3 Export Site")).toMatchObject({ country: "France", siteStatus: "Active not recruiting" });
  });

  it("exports milestones with planned and actual dates and their state", async () => {
    const rows = (await exportAll(nciRep, "milestones")).filter((r) => r.proposalId === proposalId);
    expect(Object.keys(rows[0]!)).toEqual(["id", "proposalId", "title", "milestone", "planned", "actual", "state"]);
    const by = (name: string) => rows.find((r) => r.milestone === name);
    expect(by("Protocol approved")).toMatchObject({ planned: "2025-01", actual: "2025-02-10", state: "Done" });
    expect(by("First patient in")).toMatchObject({ planned: "2020-06", actual: "", state: "Late" });
    expect(by("Results published")).toMatchObject({ planned: "", state: "Not planned" });
  });

  it("exports every accrual report, not only the latest, with its date, scope, total and source", async () => {
    const rows = await exportAll(nciRep, "accrual");
    expect(rows).toHaveLength(await db.accrualUpdate.count());
    const mine = rows.filter((r) => r.proposalId === proposalId);
    expect(mine).toHaveLength(4);
    expect(Object.keys(mine[0]!)).toEqual([
      "id",
      "proposalId",
      "title",
      "date",
      "scope",
      "study",
      "organization",
      "countryCode",
      "country",
      "total",
      "source",
      "illustrative",
      "recorded",
    ]);
    expect(mine.map((r) => [r.date, r.scope, r.organization, r.country, r.total, r.source])).toEqual(
      expect.arrayContaining([
        ["2025-06", "Overall", "", "", 10, "Export report one"],
        ["2025-09-30", "Overall", "", "", 25, "Export report two"],
        ["2025-09-30", "Organization", "JCOG", "", 7, "JCOG office"],
        ["2025-09-30", "Country", "", "France", 9, "+French office"],
      ]),
    );
    // The seeded demo figures are marked as invented.
    expect(rows.some((r) => r.illustrative === "Illustrative (demo)")).toBe(true);
    // A component study's report names its study (BALLAD's seeded J-BALLAD figures).
    expect(rows.find((r) => r.study === "J-BALLAD (JCOG1502C)")).toMatchObject({
      scope: "Component study",
      illustrative: "Illustrative (demo)",
    });
  });

  it("reads the accrual history in batches and loses nothing past the first", async () => {
    const extra = EXPORT_BATCH + 3;
    await db.accrualUpdate.createMany({
      data: Array.from({ length: extra }, (_, i) => ({ trialId, date: "2025-10", total: i, source: `export-batch-${i}` })),
    });
    try {
      const rows = await exportAll(nciRep, "accrual");
      expect(rows.filter((r) => String(r.source).startsWith("export-batch-"))).toHaveLength(extra);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    } finally {
      await db.accrualUpdate.deleteMany({ where: { source: { startsWith: "export-batch-" } } });
    }
  });

  it("refuses anonymous visitors and people outside every organization", async () => {
    for (const kind of ["interests", "sites", "milestones", "accrual"] as const) {
      expect((await refusal(exportAll(null, kind))).code).toBe("UNAUTHENTICATED");
      expect((await refusal(exportAll(outsider, kind))).code).toBe("FORBIDDEN");
    }
  });
});

describe("CSV files", () => {
  it("neutralise cells a spreadsheet would run as a formula", async () => {
    const interests = await exportText(nciRep, "interests", "csv");
    expect(interests).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(interests).not.toMatch(/(^|,)"=HYPERLINK/m);
    expect(await exportText(nciRep, "ballots", "csv")).toContain(`"'@SUM(1+1) CLOSED-BALLOT conflict"`);
    expect(await exportText(nciRep, "sites", "csv")).toContain(`"'-2+3 Export Site"`);
    expect(await exportText(nciRep, "accrual", "csv")).toContain(`"'+French office"`);
  });

  it("JSON keeps the text as written", async () => {
    const rows = JSON.parse(await exportText(nciRep, "sites", "json")) as { facility: string }[];
    expect(rows.map((r) => r.facility)).toContain("-2+3 Export Site");
  });
});

describe("the public trial list: search and filters", () => {
  const ids = async (filters: Parameters<typeof publicPortfolio>[1], page = 1) =>
    (await publicPortfolio(page, filters)).items.map((t) => t.id).sort();

  // The test files share one database and other files change these trials (imports, corrections):
  // the statuses and phases this file's expectations are written against are set here first.
  beforeAll(async () => {
    const set = (proposalId: string, overallStatus: string, phases: string[]) =>
      db.trial.update({ where: { proposalId }, data: { overallStatus, phases } });
    await set("irci-ballad", "ACTIVE_NOT_RECRUITING", ["PHASE3"]);
    await set("irci-inpact", "ACTIVE_NOT_RECRUITING", ["PHASE3"]);
    await set("irci-eortc-1206", "ACTIVE_NOT_RECRUITING", ["PHASE2"]);
    await set("irci-interaact", "COMPLETED", ["PHASE2"]);
    await db.trial.updateMany({
      where: { overallStatus: "COMPLETED", phases: { has: "PHASE3" }, proposalId: { not: "irci-interaact" } },
      data: { overallStatus: "TERMINATED" },
    });
  });

  it("searches titles, acronyms, the rare cancer and registry ids", async () => {
    expect(await ids({ q: "ballad" })).toEqual(["irci-ballad"]);
    expect(await ids({ q: "NCT02051868" })).toEqual(["irci-interaact"]);
    expect(await ids({ q: "nct0205186" })).toEqual(["irci-interaact"]);
    // The rare cancer: EORTC 1206, and any other published proposal other files made in the salivary group.
    const salivary = await ids({ q: "salivary" });
    expect(salivary).toContain("irci-eortc-1206");
    const groups = await db.proposal.findMany({ where: { id: { in: salivary } }, select: { group: { select: { cancer: true } } } });
    expect(groups.every((g) => /salivary/i.test(g.group.cancer))).toBe(true);
    expect(await ids({ q: "no such trial anywhere" })).toEqual([]);
  });

  it("combines filters: each narrows the last", async () => {
    const active = await ids({ status: "ACTIVE_NOT_RECRUITING" });
    expect(active).toEqual(expect.arrayContaining(["irci-ballad", "irci-eortc-1206", "irci-inpact"]));
    expect(active).not.toContain("irci-interaact");
    const phase3 = await ids({ status: "ACTIVE_NOT_RECRUITING", phase: "PHASE3" });
    expect(phase3).toEqual(expect.arrayContaining(["irci-ballad", "irci-inpact"]));
    expect(phase3).not.toContain("irci-eortc-1206");
    expect(await ids({ status: "ACTIVE_NOT_RECRUITING", phase: "PHASE3", country: "JP" })).toEqual(["irci-ballad"]);
    expect(await ids({ status: "COMPLETED", phase: "PHASE3" })).toEqual([]);
    expect(await ids({ q: "ballad", status: "COMPLETED" })).toEqual([]);
    // The lead organization (a public field), with a search.
    expect(await ids({ organization: "nci", q: "Export matrix" })).toEqual([proposalId]);
    expect(await ids({ organization: "eortc", q: "Export matrix" })).toEqual([]);
    expect(await ids({ organization: "no-such-organization" })).toEqual([]);
  });

  it("never lists unpublished or demo proposals, whatever the search", async () => {
    // Our approved proposal is not demo data, so it is published; a draft with the same words is not.
    const group = await db.expertGroup.findFirstOrThrow();
    await db.proposal.create({
      data: { id: "export-public-draft", groupId: group.id, title: "Export matrix proposal draft", status: "DRAFT" },
    });
    try {
      expect(await ids({ q: "Export matrix" })).toEqual([proposalId]);
    } finally {
      await db.proposal.delete({ where: { id: "export-public-draft" } });
    }
    const all = await publicPortfolio(1, {});
    expect(all.items.every((t) => ["APPROVED", "PLANNING", "UNDERWAY", "COMPLETED"].includes(t.status))).toBe(true);
  });

  it("ignores filters it does not know instead of failing, and keeps pages bounded", async () => {
    const unfiltered = await publicPortfolio(1, {});
    const junk = await publicPortfolio(1, { status: "'; DROP TABLE", phase: "PHASE9", country: "Narnia", organization: "../x" });
    expect(junk.total).toBe(unfiltered.total);
    const group = await db.expertGroup.findFirstOrThrow();
    const extra = PUBLIC_TRIALS_PER_PAGE + 5;
    await db.proposal.createMany({
      data: Array.from({ length: extra }, (_, i) => ({
        id: `export-public-${i}`,
        groupId: group.id,
        title: `Zz public page ${i}`,
        status: "UNDERWAY",
      })),
    });
    try {
      const first = await publicPortfolio(1, { q: "Zz public page" });
      expect(first).toMatchObject({ total: extra, pageCount: 2, page: 1 });
      expect(first.items).toHaveLength(PUBLIC_TRIALS_PER_PAGE);
      const second = await publicPortfolio(2, { q: "Zz public page" });
      expect(second.items).toHaveLength(5);
      expect(new Set([...first.items, ...second.items].map((t) => t.id)).size).toBe(extra);
      // A page past the last shows the last, never an unbounded skip.
      const far = await publicPortfolio(99_999, { q: "Zz public page" });
      expect(far).toMatchObject({ page: 2 });
      expect(far.items).toHaveLength(5);
    } finally {
      await db.proposal.deleteMany({ where: { id: { startsWith: "export-public-" } } });
    }
  });

  it("shows only public fields, and offers only public choices", async () => {
    const { items } = await publicPortfolio(1, { q: "Export matrix" });
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]!).sort()).toEqual(["group", "id", "leadOrganization", "status", "title", "trial"]);
    expect(Object.keys(items[0]!.trial!).sort()).toEqual(["componentStudies", "overallStatus", "phases", "registryIds", "sites"]);
    // A component study as its registries publish it: never its lead organization's people, its source notes or accrual.
    const ballad = (await publicPortfolio(1, { q: "BALLAD" })).items.find((i) => i.trial?.componentStudies.length);
    expect(Object.keys(ballad!.trial!.componentStudies[0]!).sort()).toEqual([
      "countries",
      "id",
      "name",
      "overallStatus",
      "shortName",
      "sponsor",
    ]);
    const text = JSON.stringify(items);
    for (const secret of ["HYPERLINK", "BALLOT", "Export Site Tokyo", "Export report", "interest", "rationale", "note"])
      expect(text).not.toContain(secret);
    const choices = await publicFilterChoices();
    expect(choices.countries).toEqual(expect.arrayContaining(["BE", "FR", "GB", "JP"]));
    expect(Object.keys(choices.organizations[0]!).sort()).toEqual(["shortName", "slug"]);
  });
});
