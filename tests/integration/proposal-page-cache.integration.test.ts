// The proposal page's parts shared between readers (lib/proposals/page-cache.ts), against a real
// PostgreSQL: read once, then served without a statement; after each kind of change the page
// shows, the next read shows the change (every part that changed is dropped when it commits), and
// a ballot re-reads only what it changed. A change to another proposal leaves this one's parts;
// a change audited against anything else drops them all. What one reader may see of the vote is
// still picked per reader.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, onQuery } from "@/lib/db";
import { shared } from "@/lib/shared-cache";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import { getProposal, interestHistory } from "@/lib/proposals/queries";
import { recordInterest, saveProposal, transitionProposal } from "@/lib/proposals/mutations";
import { getVotePanel } from "@/lib/votes/queries";
import { castBallot, openVote } from "@/lib/votes/mutations";
import { deleteComment, editComment, listComments, postComment } from "@/lib/discussion";
import { listFeasibility } from "@/lib/feasibility/queries";
import { addFeasibilitySite } from "@/lib/feasibility/mutations";
import { listDocuments } from "@/lib/documents/queries";
import { uploadDocument } from "@/lib/documents/mutations";
import { minimalPdf } from "@/lib/documents/pdf";
import { isFollowing, setFollowing } from "@/lib/notifications";
import { actorFor, makePerson } from "../support/fixtures";

const run = Date.now().toString(36);
let counter = 0;
let chair: Actor; // chairs the salivary group
let author: Actor;
let eortcRep: Actor;
let jcogRep: Actor;
let nciRep: Actor;
let salivaryId: string;

/** Every statement sent, by the table it reads first. */
const sent: string[] = [];
onQuery((sql) => sent.push(/FROM "(?:public"\.")?(\w+)"/.exec(sql)?.[1] ?? sql.slice(0, 20)));

/** A proposal in review with two partners, as the vote tests make one (not what is tested here). */
async function proposal() {
  const [eortc, jcog] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { slug: "eortc" } }),
    db.organization.findUniqueOrThrow({ where: { slug: "jcog" } }),
  ]);
  return db.proposal.create({
    data: {
      id: `page-cache-test-${run}-${++counter}`,
      groupId: salivaryId,
      leadOrganizationId: eortc.id,
      status: "IN_REVIEW",
      title: `Page cache test ${run} ${counter}`,
      population: "P",
      intervention: "I",
      comparator: "C",
      primaryOutcome: "O",
      noOtherForum: "Only IRCI",
      authors: { create: [{ userId: author.userId }] },
      interests: {
        create: [
          { organizationId: eortc.id, level: "LEAD" },
          { organizationId: jcog.id, level: "PARTICIPATE" },
        ],
      },
    },
  });
}

/**
 * Waits until this process's listener has heard every invalidation committed so far, its own
 * included (it drops again what the writer already dropped at its commit; a read in between would
 * be counted twice). PostgreSQL delivers notifications in the order their transactions committed,
 * so once a probe's own notification is heard, every earlier one has been too.
 */
async function heardEverything() {
  const key = `probe:page-cache:${run}:${++counter}`;
  let loads = 0;
  const load = async () => ++loads;
  await shared(key, 60_000, load);
  await db.$executeRaw`SELECT pg_notify('irci_cache', ${JSON.stringify([key])})`;
  const until = Date.now() + 15_000;
  while ((await shared(key, 60_000, load)) === 1) {
    if (Date.now() > until) throw new Error("the listener did not hear the probe within 15 s");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What the proposal page reads, as `actor` sees it, and the tables it had to read for it. */
async function page(actor: Actor, id: string) {
  const from = sent.length;
  const [proposal, vote, comments, histories, feasibility, documents, following] = await Promise.all([
    getProposal(actor, id),
    getVotePanel(actor, id),
    listComments(actor, "proposal", id),
    interestHistory(actor, id),
    listFeasibility(actor, id),
    listDocuments(actor, id, "PROPOSAL"),
    isFollowing(actor, id),
  ]);
  return { proposal, vote, comments, histories, feasibility, documents, following, read: sent.slice(from).sort() };
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  chair = await actorFor(db, "emil.stratum@eortc.irci.example");
  eortcRep = await actorFor(db, "robin.crossover@eortc.irci.example");
  jcogRep = await actorFor(db, "haru.hazard@jcog.irci.example");
  nciRep = await actorFor(db, "riley.placebo@nci.irci.example");
  author = await makePerson(db, { org: "jcog" });
  salivaryId = (await db.expertGroup.findUniqueOrThrow({ where: { slug: "salivary" } })).id;
  // Entries are trusted for their lifetime only once invalidations can reach this process (and
  // everything is dropped when the listener connects): wait until a second read is served.
  const p = await proposal();
  const until = Date.now() + 15_000;
  for (;;) {
    await page(author, p.id);
    if ((await page(author, p.id)).read.length === 0) break;
    if (Date.now() > until) throw new Error("the shared cache never started serving");
    await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(() => db.$disconnect());

describe("the proposal page's shared parts", () => {
  it("are read once: a second reader is served without a statement", async () => {
    const p = await proposal();
    expect((await page(author, p.id)).read.length).toBeGreaterThan(0);
    expect((await page(eortcRep, p.id)).read).toEqual([]);
  });

  it("a saved draft: the text, the revision count and the timeline are new, nothing else is read", async () => {
    const p = await db.proposal.update({ where: { id: (await proposal()).id }, data: { status: "DRAFT" } });
    const before = await page(author, p.id);
    expect(before.proposal.proposal._count.revisions).toBe(0);
    const form = { population: "P", intervention: "I", comparator: "C", primaryOutcome: "O", rationale: "", noOtherForum: "Only IRCI" };
    await saveProposal(
      author,
      p.id,
      { ...form, title: "Saved title", phase: "", randomised: "", sampleSize: "", plannedAccrualMonths: "", primaryEndpoint: "" },
      p.version,
    );
    await heardEverything();
    const after = await page(author, p.id);
    expect(after.proposal.proposal.title).toBe("Saved title");
    expect(after.proposal.proposal._count.revisions).toBe(1);
    expect(after.proposal.timeline[0]).toMatchObject({ action: "proposal.saved" });
    // The proposal (with its count of revisions) and its timeline; not the vote, comments, sites…
    expect(after.read).toEqual(["AuditEvent", "Proposal"]);
  });

  it("a ballot: the vote and the timeline are new, read again and nothing else; secrecy stays per reader", async () => {
    const p = await proposal();
    const vote = await openVote(chair, p.id, {
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      quorum: 5,
      passRule: "MORE_APPROVE_THAN_REJECT",
    });
    await page(eortcRep, p.id);
    await castBallot(jcogRep, vote.id, { choice: "APPROVE", rationale: "Sound design" });
    await heardEverything();
    const mine = await page(jcogRep, p.id);
    expect(mine.read).toEqual(["AuditEvent", "Vote"]);
    expect(mine.vote?.mine).toMatchObject({ choice: "APPROVE", rationale: "Sound design" });
    expect(mine.proposal.timeline[0]).toMatchObject({ action: "ballot.cast" });
    // Another organization sees that JCOG answered, never how, from the same shared vote.
    const theirs = await page(eortcRep, p.id);
    expect(theirs.read).toEqual([]);
    expect(theirs.vote?.ballots).toEqual([
      expect.objectContaining({ organizationId: jcogRep.organizationId, answered: true, choice: null }),
    ]);
    expect(theirs.vote?.mine).toBeNull();
  });

  it("a comment posted, edited and deleted: each shows at once, with the reader's own rights", async () => {
    const p = await proposal();
    await page(author, p.id);
    const posted = await postComment(author, "proposal", p.id, { body: "First thoughts" });
    await heardEverything();
    let after = await page(author, p.id);
    expect(after.comments).toMatchObject([{ id: posted.id, body: "First thoughts", mine: true }]);
    expect(after.read).not.toContain("Vote");
    expect((await page(eortcRep, p.id)).comments).toMatchObject([{ id: posted.id, mine: false, canDelete: false }]);
    await editComment(author, posted.id, "Second thoughts");
    after = await page(author, p.id);
    expect(after.comments).toMatchObject([{ body: "Second thoughts", edited: true }]);
    await deleteComment(author, posted.id);
    expect((await page(author, p.id)).comments).toMatchObject([{ deleted: true, body: null }]);
  });

  it("an interest, a feasibility site, a document and a transition: each shows on the next read", async () => {
    const p = await proposal();
    await page(author, p.id);
    await recordInterest(nciRep, p.id, { level: "PARTICIPATE", expectedSites: "3", expectedPatientsPerYear: "12", note: "Keen" });
    let after = await page(author, p.id);
    expect(after.proposal.proposal.interests.find((i) => i.organizationId === nciRep.organizationId)).toMatchObject({ note: "Keen" });
    expect(after.histories.get(nciRep.organizationId!)?.changes[0]).toMatchObject({ to: "PARTICIPATE" });

    await addFeasibilitySite(nciRep, p.id, {
      name: "Site A",
      city: "",
      country: "United States",
      patientsSeenPerYear: "20",
      eligibleShare: "50",
      consentShare: "80",
      competingTrials: "1",
      monthsToActivation: "9",
      capabilities: [],
      note: "",
    });
    after = await page(author, p.id);
    expect(after.feasibility.sites.map((s) => s.name)).toEqual(["Site A"]);
    expect(after.proposal.proposal.interests.find((i) => i.organizationId === nciRep.organizationId)).toMatchObject({ expectedSites: 1 });

    await uploadDocument(author, p.id, {
      scope: "PROPOSAL",
      kind: "PROTOCOL_SYNOPSIS",
      title: "Synopsis",
      changeNote: "",
      file: new File([minimalPdf(["v1"])], "synopsis.pdf", { type: "application/pdf" }),
    });
    expect((await page(author, p.id)).documents.map((d) => d.title)).toEqual(["Synopsis"]);

    await transitionProposal(chair, p.id, "requestChanges", "Say more about the comparator.");
    after = await page(author, p.id);
    expect(after.proposal.proposal.status).toBe("DRAFT");
    expect(after.proposal.timeline[0]).toMatchObject({ reason: "Say more about the comparator." });
  });

  it("following: each reader's own answer, from who follows it, changed at once", async () => {
    const p = await proposal();
    expect((await page(eortcRep, p.id)).following).toBe(false);
    await setFollowing(eortcRep, p.id, true);
    const after = await page(eortcRep, p.id);
    expect(after).toMatchObject({ following: true, read: ["ProposalFollow"] });
    expect((await page(jcogRep, p.id)).following).toBe(false);
    await setFollowing(eortcRep, p.id, false);
    expect((await page(eortcRep, p.id)).following).toBe(false);
  });

  it("a change to another proposal leaves this one's parts; a change audited against anything else drops them", async () => {
    const [p, other] = await Promise.all([proposal(), proposal()]);
    await page(author, p.id);
    await postComment(author, "proposal", other.id, { body: "Elsewhere" });
    expect((await page(author, p.id)).read).toEqual([]);
    // A person renamed (audited against the person) may show on any proposal's page.
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: author.userId }, data: { name: `Renamed ${run}` } });
      await audit(tx, { actorId: null, action: "person.renamed", entityType: "user", entityId: author.userId });
    });
    const after = await page(author, p.id);
    expect(after.read.length).toBeGreaterThanOrEqual(6);
    expect(after.proposal.proposal.authors.map((a) => a.user.name)).toEqual([`Renamed ${run}`]);
  });
});
