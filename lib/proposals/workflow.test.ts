import { describe, expect, it } from "vitest";
import {
  PROPOSAL_EVENTS,
  PROPOSAL_ROLES,
  PROPOSAL_STATUSES,
  STATUS_PHRASE,
  TRANSITIONS,
  availableEvents,
  decide,
  type Facts,
  type ProposalEvent,
  type ProposalRole,
  type ProposalStatus,
} from "./workflow";

const allHold: Facts = { guards: { hypothesisComplete: { ok: true, why: "" }, eligible: { ok: true, why: "" } } };

// The rules as IRCI describes them, written out by hand as the oracle: [event, from, to, who may].
const RULES: [ProposalEvent, ProposalStatus[], ProposalStatus, ProposalRole[]][] = [
  ["submit", ["DRAFT"], "SUBMITTED", ["author", "leadRepresentative"]],
  ["startReview", ["SUBMITTED"], "IN_REVIEW", ["chair", "secretariat"]],
  ["requestChanges", ["SUBMITTED", "IN_REVIEW"], "DRAFT", ["chair", "secretariat"]],
  ["openVoting", ["IN_REVIEW"], "VOTING", ["chair", "secretariat"]],
  ["approve", ["VOTING"], "APPROVED", ["system"]],
  ["reject", ["VOTING"], "REJECTED", ["system"]],
  ["returnToReview", ["VOTING"], "IN_REVIEW", ["system"]],
  ["startPlanning", ["APPROVED"], "PLANNING", ["leadRepresentative", "chair", "secretariat"]],
  ["markUnderway", ["PLANNING"], "UNDERWAY", ["leadRepresentative", "chair", "secretariat"]],
  ["complete", ["UNDERWAY"], "COMPLETED", ["chair", "secretariat"]],
  ["closeEarly", ["PLANNING", "UNDERWAY"], "CLOSED_EARLY", ["chair", "secretariat"]],
  ["withdraw", ["DRAFT", "SUBMITTED", "IN_REVIEW"], "WITHDRAWN", ["author", "leadRepresentative", "chair", "secretariat"]],
];

describe("proposal workflow: every status, event and role", () => {
  it("the oracle names every event once", () => {
    expect(RULES.map(([e]) => e).sort()).toEqual([...PROPOSAL_EVENTS].sort());
  });

  for (const status of PROPOSAL_STATUSES) {
    for (const event of PROPOSAL_EVENTS) {
      for (const role of PROPOSAL_ROLES) {
        const rule = RULES.find(([e]) => e === event)!;
        const allowed = rule[1].includes(status) && rule[3].includes(role);
        it(`${status} --${event}--> as ${role}: ${allowed ? rule[2] : "refused"}`, () => {
          const d = decide(status, event, [role], allHold, "a reason");
          expect(d.ok).toBe(allowed);
          if (d.ok) expect(d.to).toBe(rule[2]);
          else expect(d.reason.length).toBeGreaterThan(10);
        });
      }
    }
  }

  it("a person with no role on the proposal can do nothing", () => {
    for (const status of PROPOSAL_STATUSES)
      for (const event of PROPOSAL_EVENTS) expect(decide(status, event, [], allHold, "r").ok).toBe(false);
  });

  it("completed, rejected, withdrawn and closed-early proposals are final", () => {
    for (const status of ["COMPLETED", "REJECTED", "WITHDRAWN", "CLOSED_EARLY"] as const)
      expect(availableEvents(status, PROPOSAL_ROLES)).toEqual([]);
  });
});

describe("guards and reasons", () => {
  it("refuses a vote until the proposal is eligible, saying why", () => {
    const facts: Facts = {
      guards: { ...allHold.guards, eligible: { ok: false, why: "Not yet eligible for a vote: no organization leads." } },
    };
    expect(decide("IN_REVIEW", "openVoting", ["secretariat"], facts)).toEqual({
      ok: false,
      reason: "Not yet eligible for a vote: no organization leads.",
    });
  });

  it("refuses submission of an incomplete hypothesis", () => {
    const facts: Facts = {
      guards: { ...allHold.guards, hypothesisComplete: { ok: false, why: "Complete the hypothesis: comparator missing." } },
    };
    expect(decide("DRAFT", "submit", ["author"], facts)).toMatchObject({ ok: false, reason: /comparator/ });
  });

  it("asks for a reason where one is required, and only there", () => {
    for (const event of PROPOSAL_EVENTS) {
      const t = TRANSITIONS[event];
      const d = decide(t.from[0], event, [t.roles[0]], allHold, "  ");
      expect(d.ok).toBe(!t.reasonRequired);
      if (!d.ok) expect(d.reason).toMatch(/reason/);
    }
  });

  it("explains a refusal by role in words", () => {
    expect(decide("IN_REVIEW", "openVoting", ["author"], allHold)).toEqual({
      ok: false,
      reason: "Only a chair of the expert group or the secretariat can open voting.",
    });
    expect(decide("VOTING", "approve", ["secretariat"], allHold)).toEqual({
      ok: false,
      reason: "This follows from the result of a vote; it cannot be done by hand.",
    });
    expect(decide("VOTING", "submit", ["author"], allHold)).toMatchObject({
      ok: false,
      reason: /not possible while the proposal is under vote/,
    });
  });
});

describe("status phrases", () => {
  it("read after 'the proposal is' for every status", () => {
    for (const status of PROPOSAL_STATUSES) {
      const sentence = `the proposal is now ${STATUS_PHRASE[status]}.`;
      // "is now planning", "is now voting" read wrong; every phrase is lower case and ends in a word.
      expect(sentence).not.toMatch(/is now (planning|voting|draft)\./);
      expect(STATUS_PHRASE[status]).toMatch(/^[a-z][a-z ]*[a-z]$/);
    }
    expect(STATUS_PHRASE.PLANNING).toBe("in planning");
  });
});
