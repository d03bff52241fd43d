// Versioned documents against a real PostgreSQL: uploads numbered 1, 2, 3 per document even when they
// race; rule document.upload allows and refuses; every upload audited in its transaction; bytes stored in
// chunks and read back as they were; a vote is on versions of its own proposal only, and the decision of
// its close rests on the same versions.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { uploadDocument } from "@/lib/documents/mutations";
import { listDocuments, versionForDownload } from "@/lib/documents/queries";
import { PostgresDocumentStorage } from "@/lib/documents/storage";
import { documentStorage } from "@/lib/documents/store";
import { minimalPdf } from "@/lib/documents/pdf";
import { castBallot, openVote } from "@/lib/votes/mutations";
import { closeVote } from "@/lib/votes/close";
import { getVotePanel } from "@/lib/votes/queries";
import { listDecisions } from "@/lib/decisions/queries";
import { removeComponentStudy } from "@/lib/trials/component-studies";
import { actorFor, makePerson, refusal } from "../support/fixtures";

const run = Date.now().toString(36);
let counter = 0;
let chair: Actor;
let secretariat: Actor;
let author: Actor;
let leadRep: Actor;
let otherRep: Actor;
let leadMember: Actor;
let outsider: Actor;
let reps: Record<string, Actor>;
let salivaryId: string;

async function proposal(status: "IN_REVIEW" | "PLANNING" = "IN_REVIEW", withTrial = false) {
  const [eortc, jcog] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { slug: "eortc" } }),
    db.organization.findUniqueOrThrow({ where: { slug: "jcog" } }),
  ]);
  return db.proposal.create({
    data: {
      id: `documents-test-${run}-${++counter}`,
      groupId: salivaryId,
      leadOrganizationId: eortc.id,
      status,
      title: `Documents test proposal ${run} ${counter}`,
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
      ...(withTrial ? { trial: { create: { phases: ["PHASE3"] } } } : {}),
    },
  });
}

const pdf = (text: string, name = "protocol.pdf") => new File([minimalPdf([text])], name, { type: "application/pdf" });
const newDocument = (file: File, fields: Record<string, string> = {}) => ({
  scope: "PROPOSAL",
  kind: "PROTOCOL_SYNOPSIS",
  title: "Protocol synopsis",
  changeNote: "",
  file,
  ...fields,
});

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  chair = await actorFor(db, "emil.stratum@eortc.irci.example");
  secretariat = await makePerson(db, { secretariat: true });
  author = await makePerson(db, { org: "jcog" });
  leadRep = await makePerson(db, { org: "eortc", role: "REPRESENTATIVE" });
  leadMember = await makePerson(db, { org: "eortc" });
  otherRep = await makePerson(db, { org: "nci", role: "REPRESENTATIVE" });
  outsider = await makePerson(db, {});
  const emails: Record<string, string> = {
    nci: "riley.placebo@nci.irci.example",
    nihr: "jordan.endpoint@nihr.irci.example",
    cruk: "taylor.protocol@cruk.irci.example",
    eortc: "robin.crossover@eortc.irci.example",
    inca: "camille.mediane@inca.irci.example",
  };
  reps = Object.fromEntries(await Promise.all(Object.entries(emails).map(async ([o, e]) => [o, await actorFor(db, e)])));
  salivaryId = (await db.expertGroup.findUniqueOrThrow({ where: { slug: "salivary" } })).id;
});
afterAll(() => db.$disconnect());

describe("uploading documents and versions", () => {
  it("numbers versions 1, 2 per document, keeps who, when and the note, and audits each upload in its transaction", async () => {
    const p = await proposal();
    const first = await uploadDocument(author, p.id, newDocument(pdf("v1")));
    expect(first).toMatchObject({ number: 1, title: "Protocol synopsis" });
    const second = await uploadDocument(leadRep, p.id, {
      documentId: first.documentId,
      changeNote: "Sample size raised to 120.",
      file: pdf("v2"),
    });
    expect(second).toMatchObject({ documentId: first.documentId, number: 2 });

    const [doc] = await listDocuments(author, p.id, "PROPOSAL");
    expect(doc!.versions.map((v) => [v.number, v.changeNote, v.uploadedBy?.name])).toEqual([
      [2, "Sample size raised to 120.", expect.any(String)],
      [1, "", expect.any(String)],
    ]);
    const stored = await db.documentVersion.findUniqueOrThrow({ where: { id: second.versionId } });
    expect(stored).toMatchObject({ contentType: "application/pdf", fileName: "protocol.pdf", uploadedById: leadRep.userId });
    expect(stored.sha256).toBe(
      createHash("sha256")
        .update(minimalPdf(["v2"]))
        .digest("hex"),
    );
    const audits = await db.auditEvent.findMany({ where: { entityType: "proposal", entityId: p.id, action: "document.uploaded" } });
    expect(audits.map((a) => (a.data as { versionId: string }).versionId).sort()).toEqual([first.versionId, second.versionId].sort());
  });

  it("settles uploads of the same document at the same instant: each gets its own number, none lost", async () => {
    const p = await proposal();
    const { documentId } = await uploadDocument(author, p.id, newDocument(pdf("base")));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        uploadDocument(author, p.id, { documentId, changeNote: `Parallel ${n}`, file: pdf(`parallel ${n}`) }),
      ),
    );
    expect(results.map((r) => r.number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await db.documentVersion.count({ where: { documentId } })).toBe(7);
    // The database refuses a duplicate number whatever the code does.
    const v = await db.documentVersion.findFirstOrThrow({ where: { documentId } });
    await expect(db.documentVersion.create({ data: { ...v, id: undefined, storageKey: `dup-${run}` } })).rejects.toThrow();
  });

  it("asks what changed for every version after the first, on its field, storing nothing", async () => {
    const p = await proposal();
    const { documentId } = await uploadDocument(author, p.id, newDocument(pdf("v1")));
    const chunks = await db.documentChunk.count();
    const missing = await refusal(uploadDocument(author, p.id, { documentId, changeNote: "   ", file: pdf("v2") }));
    expect(missing.fields).toEqual({ changeNote: "Say what changed in this version." });
    expect(await db.documentChunk.count()).toBe(chunks);
    expect(await db.documentVersion.count({ where: { documentId } })).toBe(1);
  });

  it("refuses a file whose bytes are not its type, an empty title and a trial document before the trial exists, on their fields", async () => {
    const p = await proposal();
    const chunks = await db.documentChunk.count();
    const html = new File(["<!doctype html><script>alert(1)</script>"], "protocol.pdf", { type: "application/pdf" });
    expect((await refusal(uploadDocument(author, p.id, newDocument(html)))).fields?.file).toMatch(/not a PDF/);
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], "../../etc/setup.exe");
    expect((await refusal(uploadDocument(author, p.id, newDocument(exe)))).fields?.file).toMatch(/not \.exe/);
    expect((await refusal(uploadDocument(author, p.id, newDocument(pdf("x"), { title: "" })))).fields?.title).toBe(
      "Give the document a title.",
    );
    expect((await refusal(uploadDocument(author, p.id, newDocument(pdf("x"), { scope: "TRIAL" })))).fields?.scope).toMatch(
      /no trial record/,
    );
    expect((await refusal(uploadDocument(author, p.id, newDocument("not a file" as unknown as File)))).fields?.file).toBe(
      "Choose a file to upload.",
    );
    expect(await db.documentChunk.count()).toBe(chunks);
  });

  it("stores a safe file name, whatever the browser sent", async () => {
    const p = await proposal();
    const r = await uploadDocument(author, p.id, newDocument(pdf("x", "../../etc/\u0000passwd.pdf")));
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: r.versionId } })).fileName).toBe("passwd.pdf");
  });

  it("refuses a new version of another proposal's document", async () => {
    const p = await proposal();
    const q = await proposal();
    const { documentId } = await uploadDocument(author, p.id, newDocument(pdf("p")));
    const other = await refusal(uploadDocument(author, q.id, { documentId, changeNote: "Moved", file: pdf("q") }));
    expect(other.fields).toEqual({ documentId: expect.any(String) });
  });
});

describe("documents of a component study", () => {
  it("belong to a study of the proposal's own trial, are listed on the trial page with their study, and go back to the trial when the study is removed", async () => {
    const p = await proposal("PLANNING", true);
    const trial = await db.trial.findUniqueOrThrow({ where: { proposalId: p.id } });
    const study = await db.componentStudy.create({ data: { trialId: trial.id, name: `J-study ${run}`, countries: ["JP"] } });
    const r = await uploadDocument(
      author,
      p.id,
      newDocument(pdf("study"), { scope: "TRIAL", componentStudyId: study.id, title: "National appendix" }),
    );
    const stored = await db.document.findUniqueOrThrow({ where: { id: r.documentId } });
    expect(stored).toMatchObject({ scope: "STUDY", componentStudyId: study.id });
    // The trial page lists the whole trial's documents and the studies', each study's named.
    await uploadDocument(author, p.id, newDocument(pdf("trial"), { scope: "TRIAL", title: "Whole-trial minutes" }));
    const listed = await listDocuments(author, p.id, "TRIAL");
    expect(listed.map((d) => [d.title, d.componentStudy?.name ?? null]).sort()).toEqual([
      ["National appendix", study.name],
      ["Whole-trial minutes", null],
    ]);
    expect(await listDocuments(author, p.id, "PROPOSAL")).toEqual([]);
    // A new version stays the study's.
    await uploadDocument(author, p.id, { documentId: r.documentId, changeNote: "Second draft", file: pdf("v2") });
    expect((await db.document.findUniqueOrThrow({ where: { id: r.documentId } })).componentStudyId).toBe(study.id);

    // Removing the study keeps every version, as the whole trial's, in the same transaction.
    await removeComponentStudy(secretariat, trial.id, study.id);
    const after = await db.document.findUniqueOrThrow({ where: { id: r.documentId }, include: { versions: true } });
    expect(after).toMatchObject({ scope: "TRIAL", componentStudyId: null });
    expect(after.versions).toHaveLength(2);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "trial.study_removed", entityId: p.id } });
    expect(event.data).toMatchObject({ documentsMovedToTrial: 1 });
  });

  it("refuses another trial's study, a study for a proposal's own page, and a study id that is not one, on the field, storing nothing", async () => {
    const p = await proposal("PLANNING", true);
    const q = await proposal("PLANNING", true);
    const qTrial = await db.trial.findUniqueOrThrow({ where: { proposalId: q.id } });
    const foreign = await db.componentStudy.create({ data: { trialId: qTrial.id, name: `Foreign ${run}`, countries: ["FR"] } });
    const before = { documents: await db.document.count(), chunks: await db.documentChunk.count() };
    for (const [fields, message] of [
      [{ scope: "TRIAL", componentStudyId: foreign.id }, /this trial's component studies/],
      [{ scope: "STUDY", componentStudyId: "" }, /this trial's component studies/],
      [{ scope: "TRIAL", componentStudyId: '{"not":""}' }, /this trial's component studies/],
      [{ scope: "PROPOSAL", componentStudyId: foreign.id }, /belongs to no study/],
    ] as const) {
      const refused = await refusal(uploadDocument(author, p.id, newDocument(pdf("x"), fields)));
      expect(refused.fields?.componentStudyId, JSON.stringify(fields)).toMatch(message);
    }
    expect({ documents: await db.document.count(), chunks: await db.documentChunk.count() }).toEqual(before);
  });
});

describe("rule document.upload", () => {
  it("allows the authors, the lead organization's representative, the group's chair and the secretariat, on the proposal and the trial", async () => {
    const p = await proposal("PLANNING", true);
    for (const actor of [author, leadRep, chair, secretariat]) {
      await expect(
        uploadDocument(actor, p.id, newDocument(pdf("ok"), { scope: "TRIAL", kind: "AGREEMENT", title: "Agreement" })),
      ).resolves.toMatchObject({ number: 1 });
    }
    expect(await listDocuments(otherRep, p.id, "TRIAL")).toHaveLength(4);
  });

  it("refuses another organization's representative, a member of the lead organization, someone outside every organization and a visitor, storing nothing", async () => {
    const p = await proposal("PLANNING", true);
    const chunks = await db.documentChunk.count();
    for (const actor of [otherRep, leadMember]) {
      expect((await refusal(uploadDocument(actor, p.id, newDocument(pdf("no"), { scope: "TRIAL" })))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(uploadDocument(outsider, p.id, newDocument(pdf("no"))))).code).toBe("FORBIDDEN");
    expect((await refusal(uploadDocument(null, p.id, newDocument(pdf("no"))))).code).toBe("UNAUTHENTICATED");
    // Refused before the input is judged: a refused person learns nothing from field messages.
    expect((await refusal(uploadDocument(otherRep, p.id, newDocument(pdf("no"), { title: "" })))).code).toBe("FORBIDDEN");
    expect((await refusal(uploadDocument(author, "no-such-proposal", newDocument(pdf("no"))))).code).toBe("NOT_FOUND");
    expect(await db.documentChunk.count()).toBe(chunks);
    expect(await db.document.count({ where: { proposalId: p.id } })).toBe(0);
  });

  it("lets anyone who may read the proposal read its documents; not someone outside every organization", async () => {
    const p = await proposal();
    const r = await uploadDocument(author, p.id, newDocument(pdf("read")));
    await expect(versionForDownload(otherRep, r.versionId)).resolves.toMatchObject({ id: r.versionId });
    expect((await refusal(versionForDownload(outsider, r.versionId))).code).toBe("FORBIDDEN");
    expect((await refusal(versionForDownload(null, r.versionId))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(versionForDownload(otherRep, { not: "" }))).code).toBe("NOT_FOUND");
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return Buffer.concat(parts);
}

describe("storage in PostgreSQL", () => {
  it("keeps a file in chunks and reads it back byte for byte, one chunk at a time; delete removes every chunk", async () => {
    const storage = new PostgresDocumentStorage(db, 1000);
    const bytes = new Uint8Array(3500).map((_, n) => (n * 31) % 256);
    // Pieces that do not line up with the chunks, as a network delivers them.
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 777) controller.enqueue(bytes.slice(at, at + 777));
        controller.close();
      },
    });
    const stored = await storage.put(source);
    expect(stored.size).toBe(3500);
    expect(stored.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const rows = await db.documentChunk.findMany({
      where: { key: stored.key },
      orderBy: { index: "asc" },
      select: { index: true, data: true },
    });
    expect(rows.map((r) => [r.index, r.data.length])).toEqual([
      [0, 1000],
      [1, 1000],
      [2, 1000],
      [3, 500],
    ]);
    expect(Buffer.compare(await readAll((await storage.get(stored.key))!), Buffer.from(bytes))).toBe(0);
    await storage.delete(stored.key);
    expect(await db.documentChunk.count({ where: { key: stored.key } })).toBe(0);
    expect(await storage.get(stored.key)).toBeNull();
  });

  it("stores an uploaded 2.5 MB PDF in 1 MB rows and serves the same bytes", async () => {
    const p = await proposal();
    const head = minimalPdf(["Large protocol"]);
    const big = new Uint8Array(2.5 * 1024 * 1024);
    big.set(head);
    const r = await uploadDocument(author, p.id, newDocument(new File([big], "large.pdf")));
    const version = await versionForDownload(author, r.versionId);
    expect(version.size).toBe(big.length);
    expect(await db.documentChunk.count({ where: { key: version.storageKey } })).toBe(3);
    const back = await readAll((await documentStorage().get(version.storageKey))!);
    expect(createHash("sha256").update(back).digest("hex")).toBe(version.sha256);
  });
});

describe("votes on named versions, and the decision resting on them", () => {
  const rules = () => ({ closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), quorum: 5, passRule: "MORE_APPROVE_THAN_REJECT" });

  it("refuses versions of another proposal on the field, opening no vote", async () => {
    const p = await proposal();
    const q = await proposal();
    const own = await uploadDocument(author, p.id, newDocument(pdf("own")));
    const foreign = await uploadDocument(author, q.id, newDocument(pdf("foreign")));
    const refused = await refusal(openVote(chair, p.id, { ...rules(), documentVersionIds: [own.versionId, foreign.versionId] }));
    expect(refused.fields).toEqual({ documentVersionIds: "Choose document versions of this proposal only." });
    expect(await db.vote.count({ where: { proposalId: p.id } })).toBe(0);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("IN_REVIEW");
    const forged = await refusal(openVote(chair, p.id, { ...rules(), documentVersionIds: [{ not: "" }] }));
    expect(Object.keys(forged.fields ?? {})).toEqual(["documentVersionIds"]);
  });

  it("stores the versions with the vote, shows them on its panel, and copies them to the decision at the close", async () => {
    const p = await proposal();
    const synopsis = await uploadDocument(author, p.id, newDocument(pdf("s1")));
    const synopsis2 = await uploadDocument(author, p.id, {
      documentId: synopsis.documentId,
      changeNote: "Endpoint clarified",
      file: pdf("s2"),
    });
    const consent = await uploadDocument(author, p.id, newDocument(pdf("c1"), { kind: "CONSENT_TEMPLATE", title: "Consent template" }));
    const vote = await openVote(chair, p.id, { ...rules(), documentVersionIds: [synopsis2.versionId, consent.versionId] });
    const panel = await getVotePanel(otherRep, p.id);
    expect(panel!.documents.map((d) => [d.document.title, d.number]).sort()).toEqual([
      ["Consent template", 1],
      ["Protocol synopsis", 2],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: p.id, action: "proposal.openVoting" } });
    expect((audit.data as { documentVersionIds: string[] }).documentVersionIds.sort()).toEqual(
      [synopsis2.versionId, consent.versionId].sort(),
    );

    for (const org of ["nci", "nihr", "cruk", "eortc", "inca"]) await castBallot(reps[org]!, vote.id, { choice: "APPROVE", rationale: "" });
    await closeVote(vote.id, { actorId: secretariat.userId, early: true, reason: "Everyone has voted." });
    const decision = await db.decision.findUniqueOrThrow({ where: { voteId: vote.id }, include: { documents: true } });
    expect(decision.documents.map((d) => d.documentVersionId).sort()).toEqual([synopsis2.versionId, consent.versionId].sort());
    const page = await listDecisions(otherRep, { q: p.title });
    expect(page.items[0]!.documents.map((d) => d.documentVersion.number).sort()).toEqual([1, 2]);
    // Visitors read public decisions only, and never the documents.
    expect((await listDecisions(null, { q: p.title })).items).toHaveLength(0);
  });
});
