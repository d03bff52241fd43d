import { describe, expect, it } from "vitest";
import { canCreateProposalIn, canEditProposal, proposalRoles } from "./access";
import { canCreateGroup, canManageGroup } from "../groups/access";
import type { Actor } from "@/lib/authz/policy";

const rep = (org: string): Actor => ({ userId: `rep-${org}`, organizationId: org, orgRole: "REPRESENTATIVE", secretariat: false });
const member = (org: string, id = `m-${org}`): Actor => ({ userId: id, organizationId: org, orgRole: "MEMBER", secretariat: false });
const secretariat: Actor = { userId: "sec", organizationId: null, orgRole: null, secretariat: true };
const proposal = { authorIds: ["author"], leadOrganizationId: "nci", chairIds: ["chair"] };

describe("roles on a proposal come from the proposal, not the request", () => {
  it.each([
    ["an author", member("eortc", "author"), ["author"]],
    ["the lead organization's representative", rep("nci"), ["leadRepresentative"]],
    ["another organization's representative", rep("eortc"), []],
    ["a member of the lead organization who is not its representative", member("nci"), []],
    ["a chair of the group", member("cosa", "chair"), ["chair"]],
    ["the secretariat", secretariat, ["secretariat"]],
    ["nobody signed in", null, []],
  ] as const)("%s", (_who, actor, roles) => {
    expect(proposalRoles(actor, proposal)).toEqual(roles);
    expect(canEditProposal(proposalRoles(actor, proposal))).toBe(roles.length > 0);
  });
});

describe("starting proposals and shaping groups", () => {
  it("members of the group and the secretariat start proposals; others do not", () => {
    expect(canCreateProposalIn(member("nci"), true)).toBe(true);
    expect(canCreateProposalIn(member("nci"), false)).toBe(false);
    expect(canCreateProposalIn(secretariat, false)).toBe(true);
    expect(canCreateProposalIn(null, true)).toBe(false);
  });
  it("chairs and the secretariat convene groups; a chair manages only their own group", () => {
    expect(canCreateGroup(member("nci"), true)).toBe(true);
    expect(canCreateGroup(rep("nci"), false)).toBe(false);
    expect(canCreateGroup(secretariat, false)).toBe(true);
    expect(canManageGroup(member("nci"), true)).toBe(true);
    expect(canManageGroup(member("nci"), false)).toBe(false);
    expect(canManageGroup(null, true)).toBe(false);
  });
});
