// Findings of the outside security review that were about input: every text has a length limit on
// the server, control characters get a message instead of a database error, tampered hidden fields
// and impossible values are refused on their field, and a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { createProposal, saveProposal, transitionProposal } from "@/lib/proposals/mutations";
import { postComment } from "@/lib/discussion";
import { addSite, recordAccrual } from "@/lib/trials/mutations";
import { CONTROL_MESSAGE } from "@/lib/validation";
import { actorFor, refusal } from "../support/fixtures";

let chair: Actor; // Emil Stratum chairs the salivary group (EORTC)
let eortcRep: Actor;
let groupId: string;
let trialId: string;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  chair = await actorFor(db, "emil.stratum@eortc.irci.example");
  eortcRep = await actorFor(db, "robin.crossover@eortc.irci.example");
  groupId = (await db.expertGroup.findUniqueOrThrow({ where: { slug: "salivary" } })).id;
  trialId = (await db.trial.findUniqueOrThrow({ where: { proposalId: "irci-eortc-1206" } })).id;
});
afterAll(() => db.$disconnect());

async function draft(title = "Hardening test proposal") {
  return createProposal(chair, { groupId, leadOrganizationId: eortcRep.organizationId, title });
}

describe("unbounded text (finding 5)", () => {
  it("a 600,000-character withdraw reason is refused on its field and the proposal stays as it was", async () => {
    const p = await draft();
    const error = await refusal(transitionProposal(chair, p.id, "withdraw", "x".repeat(600_000)));
    expect(error.fields).toEqual({ reason: "At most 2,000 characters." });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "DRAFT", closedReason: null });
    expect(await db.auditEvent.count({ where: { entityId: p.id, action: "proposal.withdrawn" } })).toBe(0);
  });

  it("a comment, a draft field and a site name have limits too", async () => {
    const p = await draft();
    expect((await refusal(postComment(chair, "proposal", p.id, { body: "y".repeat(10_001) }))).code).toBe("INVALID");
    expect((await refusal(saveProposal(chair, p.id, { title: "Long", rationale: "z".repeat(20_001) }, p.version))).fields).toMatchObject({
      rationale: "At most 20,000 characters.",
    });
    expect(
      (await refusal(addSite(eortcRep, trialId, { country: "FR", facility: "f".repeat(301), city: "", organizationId: "" }))).fields,
    ).toMatchObject({ facility: "At most 300 characters." });
  });
});

describe("control characters and tampered fields (finding 6)", () => {
  it("a NUL in a title, a comment or a reason gets a message, not a database error", async () => {
    expect(
      (await refusal(createProposal(chair, { groupId, leadOrganizationId: eortcRep.organizationId, title: "Bad\u0000title" }))).fields,
    ).toEqual({ title: CONTROL_MESSAGE });
    const p = await draft();
    expect(await refusal(postComment(chair, "proposal", p.id, { body: "hello\u0000" }))).toMatchObject({
      code: "INVALID",
      fields: { body: CONTROL_MESSAGE },
    });
    expect((await refusal(transitionProposal(chair, p.id, "withdraw", "because\u0000"))).fields).toEqual({ reason: CONTROL_MESSAGE });
  });

  it("a draft version that is not a number says the form is out of date and saves nothing", async () => {
    const p = await draft();
    const revisions = await db.proposalRevision.count({ where: { proposalId: p.id } });
    const error = await refusal(saveProposal(chair, p.id, { title: "Changed title" }, Number("abc")));
    expect(error).toMatchObject({ code: "INVALID", message: expect.stringMatching(/out of date/) });
    expect(await db.proposalRevision.count({ where: { proposalId: p.id } })).toBe(revisions);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).title).toBe("Hardening test proposal");
  });

  it("an unknown organization or a made-up country on a site is refused on its field", async () => {
    const before = await db.trialSite.count({ where: { trialId } });
    expect(
      (await refusal(addSite(eortcRep, trialId, { country: "FR", facility: "Institut", city: "", organizationId: "no-such-organization" })))
        .fields,
    ).toEqual({
      organizationId: "Choose an organization from the list.",
    });
    expect(
      (await refusal(addSite(eortcRep, trialId, { country: "Narnia", facility: "Cair Paravel", city: "", organizationId: "" }))).fields,
    ).toMatchObject({ country: /Choose a country/ });
    expect(
      (
        await refusal(
          recordAccrual(eortcRep, trialId, { date: "2021-01-01", total: "1", organizationId: "", country: "Atlantis", source: "" }),
        )
      ).fields,
    ).toMatchObject({ country: /Choose a country/ });
    expect(await db.trialSite.count({ where: { trialId } })).toBe(before);
  });
});

describe("impossible values (finding 7)", () => {
  it.each(["2025-02-31", "2026-02-30"])("an accrual report dated %s is refused: the day does not exist", async (date) => {
    const error = await refusal(recordAccrual(eortcRep, trialId, { date, total: "1", organizationId: "", country: "", source: "" }));
    expect(error.fields).toMatchObject({ date: /does not exist/ });
  });
});
