import { describe, expect, it } from "vitest";
import { allowed, assertAllowed, proposalRoles } from "./rules";
import type { Actor } from "./policy";

const rep = (org: string): Actor => ({ userId: `rep-${org}`, organizationId: org, orgRole: "REPRESENTATIVE", secretariat: false });
const member = (org: string, id = `m-${org}`): Actor => ({ userId: id, organizationId: org, orgRole: "MEMBER", secretariat: false });
const deputy = (org: string): Actor => ({ userId: `dep-${org}`, organizationId: org, orgRole: "DEPUTY", secretariat: false });
const secretariat: Actor = { userId: "sec", organizationId: null, orgRole: null, secretariat: true };
const outsider: Actor = { userId: "out", organizationId: null, orgRole: null, secretariat: false };
const proposal = { authorIds: ["author"], leadOrganizationId: "nci", chairIds: ["chair"] };

describe("roles on a proposal come from the proposal, not the request", () => {
  it.each([
    ["an author", member("eortc", "author"), ["author"], { edit: true, keep: false, open: false }],
    ["the lead organization's representative", rep("nci"), ["leadRepresentative"], { edit: true, keep: true, open: false }],
    ["a deputy of the lead organization", deputy("nci"), ["leadRepresentative"], { edit: true, keep: true, open: false }],
    ["another organization's representative", rep("eortc"), [], { edit: false, keep: false, open: false }],
    ["a member of the lead organization who is not its representative", member("nci"), [], { edit: false, keep: false, open: false }],
    ["a chair of the group", member("cosa", "chair"), ["chair"], { edit: true, keep: true, open: true }],
    ["the secretariat", secretariat, ["secretariat"], { edit: true, keep: true, open: true }],
    ["nobody signed in", null, [], { edit: false, keep: false, open: false }],
  ] as const)("%s", (_who, actor, roles, may) => {
    expect(proposalRoles(actor, proposal)).toEqual(roles);
    expect(allowed(actor, "proposal.edit", proposal)).toBe(may.edit);
    expect(allowed(actor, "trial.keep", proposal)).toBe(may.keep);
    expect(allowed(actor, "vote.open", proposal)).toBe(may.open);
    // Documents are uploaded by those who write and keep the proposal: the same people as edit it.
    expect(allowed(actor, "document.upload", proposal)).toBe(may.edit);
  });
});

describe("reporting accrual", () => {
  const trial = { ...proposal, participatingOrganizationIds: ["nci", "eortc"] };
  it.each([
    ["a keeper, for the whole trial", rep("nci"), null, true],
    ["a keeper, for another organization", member("cosa", "chair"), "eortc", true],
    ["the secretariat, for any organization", secretariat, "jcog", true],
    ["a taking-part organization's representative, for their own", rep("eortc"), "eortc", true],
    ["its deputy, for their own", deputy("eortc"), "eortc", true],
    ["its representative, for the whole trial", rep("eortc"), null, false],
    ["its representative, for another organization", rep("eortc"), "nci", false],
    ["one of its members who does not act for it", member("eortc"), "eortc", false],
    ["the representative of an organization not taking part", rep("jcog"), "jcog", false],
    ["nobody signed in", null, "eortc", false],
  ] as const)("%s: %s", (_who, actor, forOrganizationId, may) => {
    expect(allowed(actor, "accrual.report", { ...trial, forOrganizationId })).toBe(may);
  });

  // J-BALLAD: a study led by JCOG, which need not take part in the umbrella trial as an organization.
  const study = { leadOrganizationId: "jcog" };
  it.each([
    ["a keeper, for a study", rep("nci"), study, true],
    ["the secretariat, for a study", secretariat, study, true],
    ["the study's lead organization's representative", rep("jcog"), study, true],
    ["its deputy", deputy("jcog"), study, true],
    ["one of its members who does not act for it", member("jcog"), study, false],
    ["a taking-part organization's representative, for another's study", rep("eortc"), study, false],
    ["anyone but a keeper, for a study without a lead organization", rep("jcog"), { leadOrganizationId: null }, false],
  ] as const)("%s", (_who, actor, forStudy, may) => {
    expect(allowed(actor, "accrual.report", { ...trial, forOrganizationId: null, study: forStudy })).toBe(may);
  });
});

describe("starting proposals, shaping groups, comments", () => {
  it("lets group members with an organization and the secretariat start proposals", () => {
    expect(allowed(member("nci"), "proposal.create", { isGroupMember: true })).toBe(true);
    expect(allowed(member("nci"), "proposal.create", { isGroupMember: false })).toBe(false);
    expect(allowed(outsider, "proposal.create", { isGroupMember: true })).toBe(false);
    expect(allowed(secretariat, "proposal.create", { isGroupMember: false })).toBe(true);
    expect(allowed(null, "proposal.create", { isGroupMember: true })).toBe(false);
  });
  it("lets chairs and the secretariat convene and manage groups", () => {
    expect(allowed(member("nci"), "group.create", { chairsAnyGroup: true })).toBe(true);
    expect(allowed(rep("nci"), "group.create", { chairsAnyGroup: false })).toBe(false);
    expect(allowed(secretariat, "group.create", { chairsAnyGroup: false })).toBe(true);
    expect(allowed(member("nci"), "group.manage", { chairsThisGroup: true })).toBe(true);
    expect(allowed(member("nci"), "group.manage", { chairsThisGroup: false })).toBe(false);
    expect(allowed(null, "group.manage", { chairsThisGroup: true })).toBe(false);
  });
  it("lets only the secretariat change a group's status, and chairs and the secretariat correct its incidence", () => {
    expect(allowed(secretariat, "group.status", {})).toBe(true);
    expect(allowed(rep("nci"), "group.status", {})).toBe(false);
    expect(allowed(outsider, "group.status", {})).toBe(false);
    expect(allowed(null, "group.status", {})).toBe(false);
    expect(allowed(member("nci"), "group.incidence", { chairsThisGroup: true })).toBe(true);
    expect(allowed(secretariat, "group.incidence", { chairsThisGroup: false })).toBe(true);
    expect(allowed(rep("nci"), "group.incidence", { chairsThisGroup: false })).toBe(false);
    expect(allowed(null, "group.incidence", { chairsThisGroup: true })).toBe(false);
    expect(() => assertAllowed(member("nci"), "group.status", {})).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: expect.stringMatching(/Only the secretariat/) }),
    );
  });
  it("lets a comment's author edit it, and its author or the secretariat delete it", () => {
    const comment = { authorId: "m-nci" };
    expect(allowed(member("nci"), "comment.edit", comment)).toBe(true);
    expect(allowed(secretariat, "comment.edit", comment)).toBe(false);
    expect(allowed(secretariat, "comment.delete", comment)).toBe(true);
    expect(allowed(rep("nci"), "comment.delete", comment)).toBe(false);
    expect(allowed(member("nci"), "comment.edit", { authorId: null })).toBe(false);
  });
  it("lets an organization's representative and deputies manage its people, and the secretariat everyone's", () => {
    expect(allowed(rep("nci"), "people.manage", { organizationId: "nci" })).toBe(true);
    expect(allowed(deputy("nci"), "people.manage", { organizationId: "nci" })).toBe(true);
    expect(allowed(rep("nci"), "people.manage", { organizationId: "eortc" })).toBe(false);
    expect(allowed(member("nci"), "people.manage", { organizationId: "nci" })).toBe(false);
    expect(allowed(rep("nci"), "people.manage", { organizationId: null })).toBe(false);
    expect(allowed(secretariat, "people.manage", { organizationId: "nci" })).toBe(true);
    expect(allowed(secretariat, "people.manage", { organizationId: null })).toBe(true);
    expect(allowed(outsider, "people.manage", { organizationId: null })).toBe(false);
    expect(allowed(null, "people.manage", { organizationId: "nci" })).toBe(false);
    expect(() => assertAllowed(member("nci"), "people.manage", { organizationId: "nci" })).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: expect.stringMatching(/manage its people/) }),
    );
  });
  it("lets only an organization's representative and deputies change its feasibility sites, not the secretariat", () => {
    expect(allowed(rep("nci"), "feasibility.edit", { organizationId: "nci" })).toBe(true);
    expect(allowed(deputy("nci"), "feasibility.edit", { organizationId: "nci" })).toBe(true);
    expect(allowed(rep("nci"), "feasibility.edit", { organizationId: "eortc" })).toBe(false);
    expect(allowed(member("nci"), "feasibility.edit", { organizationId: "nci" })).toBe(false);
    expect(allowed(secretariat, "feasibility.edit", { organizationId: "nci" })).toBe(false);
    expect(allowed(null, "feasibility.edit", { organizationId: "nci" })).toBe(false);
  });
  it("lets the group's chairs and the secretariat record and edit its decisions, no one else", () => {
    expect(allowed(member("cosa", "chair"), "decision.record", { chairsThisGroup: true })).toBe(true);
    expect(allowed(secretariat, "decision.record", { chairsThisGroup: false })).toBe(true);
    expect(allowed(member("cosa", "chair"), "decision.record", { chairsThisGroup: false })).toBe(false);
    expect(allowed(rep("nci"), "decision.record", { chairsThisGroup: false })).toBe(false);
    expect(allowed(outsider, "decision.record", { chairsThisGroup: false })).toBe(false);
    expect(allowed(null, "decision.record", { chairsThisGroup: true })).toBe(false);
    expect(() => assertAllowed(rep("nci"), "decision.record", { chairsThisGroup: false })).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: expect.stringMatching(/chairs and the secretariat/) }),
    );
  });
  it("refuses with the reason, and says sign in to nobody", () => {
    expect(() => assertAllowed(null, "trial.keep", proposal)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => assertAllowed(rep("eortc"), "trial.keep", proposal)).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: expect.stringMatching(/keep the trial record/) }),
    );
    expect(() => assertAllowed(rep("nci"), "trial.keep", proposal)).not.toThrow();
  });
});

describe("updating a trial's start-up", () => {
  const step = (ownerOrganizationId: string | null) => ({ ...proposal, ownerOrganizationId });
  it.each([
    ["the lead organization's representative, any step", rep("nci"), "eortc", true],
    ["a chair, any step", member("cosa", "chair"), "jcog", true],
    ["the secretariat, a step without an owner", secretariat, null, true],
    ["the owner organization's representative, its own step", rep("jcog"), "jcog", true],
    ["its deputy, its own step", deputy("jcog"), "jcog", true],
    ["its representative, another organization's step", rep("jcog"), "eortc", false],
    ["its representative, a step without an owner", rep("jcog"), null, false],
    ["one of its members who does not act for it", member("jcog"), "jcog", false],
    ["someone outside every organization", outsider, null, false],
    ["nobody signed in", null, "jcog", false],
  ] as const)("%s", (_who, actor, owner, may) => {
    expect(allowed(actor, "startup.update", step(owner))).toBe(may);
  });
  it("tells a refused person who may", () => {
    expect(() => assertAllowed(rep("jcog"), "startup.update", step("eortc"))).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: expect.stringMatching(/owns this step/) }),
    );
  });
});
