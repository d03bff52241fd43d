import { describe, expect, it } from "vitest";
import { PERMISSIONS, can, capabilitiesOf, refusal, type Actor, type Permission } from "./policy";

const base = { userId: "u1", organizationId: null, orgRole: null, secretariat: false } satisfies Actor;
const ACTORS = {
  anonymous: null,
  "signed in, no organization": base,
  member: { ...base, organizationId: "org", orgRole: "MEMBER" },
  representative: { ...base, organizationId: "org", orgRole: "REPRESENTATIVE" },
  deputy: { ...base, organizationId: "org", orgRole: "DEPUTY" },
  secretariat: { ...base, secretariat: true },
} satisfies Record<string, Actor | null>;

type Who = keyof typeof ACTORS;
const everyoneSignedIn: Who[] = ["member", "representative", "deputy", "secretariat"];
const actingForOrganization: Who[] = ["representative", "deputy"];

// The expected answer for every permission and every kind of actor, written out by hand so a
// change to the permission table has to be made twice, on purpose.
const EXPECTED: Record<Permission, Who[]> = {
  "dashboard.view": everyoneSignedIn,
  "organization.list": everyoneSignedIn,
  "organization.view": everyoneSignedIn,
  "organization.add": ["secretariat"],
  "group.list": everyoneSignedIn,
  "group.view": everyoneSignedIn,
  "audit.view": ["secretariat"],
  "people.view": ["secretariat"],
  "proposal.list": everyoneSignedIn,
  "proposal.view": everyoneSignedIn,
  "proposal.create": everyoneSignedIn,
  "interest.record": actingForOrganization,
  "pipeline.view": ["secretariat"],
  "settings.manage": ["secretariat"],
  "group.manage": everyoneSignedIn,
  "vote.view": everyoneSignedIn,
  "vote.open": everyoneSignedIn,
  "ballot.cast": actingForOrganization,
  "vote.closeEarly": ["secretariat"],
  "email.settings": everyoneSignedIn,
  "mail.status": ["secretariat"],
  "people.manage": [...actingForOrganization, "secretariat"],
  "sso.configure": ["secretariat"],
  "account.view": everyoneSignedIn,
};

describe("permission table", () => {
  it("has an expectation for every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const [permission, allowed] of Object.entries(EXPECTED) as [Permission, Who[]][]) {
    for (const [who, actor] of Object.entries(ACTORS) as [Who, Actor | null][]) {
      const expected = allowed.includes(who);
      it(`${permission}: ${who} is ${expected ? "allowed" : "refused"}`, () => {
        expect(can(actor, permission)).toBe(expected);
        expect(refusal(actor, permission)).toBe(expected ? null : actor ? "forbidden" : "unauthenticated");
      });
    }
  }
});

describe("capabilities", () => {
  it("a representative is also a member of the organization", () => {
    expect(capabilitiesOf(ACTORS.representative)).toEqual(["member", "representative"]);
  });
  it("a deputy representative acts for the organization as its representative does", () => {
    expect(capabilitiesOf(ACTORS.deputy)).toEqual(["member", "representative"]);
    expect(capabilitiesOf({ ...base, orgRole: "DEPUTY" })).toEqual([]);
  });
  it("the secretariat needs no organization, and can also belong to one", () => {
    expect(capabilitiesOf(ACTORS.secretariat)).toEqual(["secretariat"]);
    expect(capabilitiesOf({ ...ACTORS.member, secretariat: true })).toEqual(["member", "secretariat"]);
  });
  it("a role without an organization grants nothing", () => {
    expect(capabilitiesOf({ ...base, orgRole: "REPRESENTATIVE" })).toEqual([]);
  });
});
