// What each server action and route handler is called with, and what every kind of person should
// get, written out by hand from the rules of IRCI (not computed from the portal's policy code).
// The authorization matrix calls every row as every person; the bad-input suite starts from the
// same calls, made by a person who may, and spoils one field at a time.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { unsubscribeToken } from "../lib/mail/unsubscribe-token";
import { minimalPdf } from "../lib/documents/pdf";
import { E2E_SECRET } from "./portal";
import { form } from "./server-actions";
import { type Fixtures, PERSONAS, type Persona, type ProposalFixture } from "./matrix-fixtures";

export type Expected = "ok" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID";
export type Table = Record<Persona, Expected>;

/** Allowed for these people; the others are refused: anonymous as such, the rest as forbidden. */
function only(allowed: Persona[], otherwise: Partial<Record<Persona, Expected>> = {}): Table {
  return Object.fromEntries(
    PERSONAS.map((p) => [p, allowed.includes(p) ? "ok" : (otherwise[p] ?? (p === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN"))]),
  ) as Table;
}
/** Everyone is refused the same way (a state no one may act in, or a forged credential). */
function nobody(code: Expected, anonymous: Expected = "UNAUTHENTICATED"): Table {
  return Object.fromEntries(PERSONAS.map((p) => [p, p === "anonymous" ? anonymous : code])) as Table;
}
const everyone = (): Table => only([...PERSONAS]);
const MEMBERS: Persona[] = ["author", "groupMember", "leadRep", "otherRep", "chair", "secretariat"];
const EDITORS: Persona[] = ["author", "leadRep", "chair", "secretariat"];
const REPRESENTATIVES: Persona[] = ["leadRep", "otherRep"];
const KEEPERS: Persona[] = ["leadRep", "chair", "secretariat"];
const CHAIR_OR_SECRETARIAT: Persona[] = ["chair", "secretariat"];

export interface Call {
  page: string;
  args: unknown[];
}
export interface Case {
  /** The state the call is made in, in words. */
  state: string;
  /** Makes a fresh subject for one call (a call that is allowed changes it), for the persona calling. */
  call: (f: Fixtures, persona: Persona) => Promise<Call>;
  expected: Table;
}

const initial = { ok: false };
const proposalPage = (p: ProposalFixture) => `/proposals/${p.id}`;
const trialPage = (p: ProposalFixture) => `/proposals/${p.id}/trial`;
const HYPOTHESIS = {
  title: "Matrix proposal",
  population: "Adults with the rare cancer",
  intervention: "New treatment",
  comparator: "Standard treatment",
  primaryOutcome: "Overall survival",
  rationale: "",
  phase: "",
  randomised: "",
  sampleSize: "",
  plannedAccrualMonths: "",
  primaryEndpoint: "",
  noOtherForum: "No other group spans these countries.",
};
const FEASIBILITY_SITE = {
  name: "Matrix feasibility site",
  city: "",
  country: "",
  patientsSeenPerYear: "12",
  eligibleShare: "40",
  consentShare: "70",
  competingTrials: "1",
  monthsToActivation: "10",
  capabilities: ["CENTRAL_PATHOLOGY", "REQUIRED_IMAGING"],
  note: "",
};
const DECISION = {
  kind: "DESIGN_CHANGE",
  title: "Matrix design change",
  decidedOn: "2026-11-30",
  options: "Keep two arms\nAdd a third arm",
  rationale: "Two arms answer the question with the patients the group can reach.",
  public: "",
};
/** A start-up step's form: in progress, owned by the given organization. */
const startupStep = (ownerOrganizationId: string) => ({
  state: "IN_PROGRESS",
  plannedDate: "2027-03-01",
  actualDate: "",
  blockedSince: "",
  blockedReason: "",
  ownerOrganizationId,
});
/** A component study's form (a national study under the trial's umbrella). */
const COMPONENT_STUDY = {
  name: "Matrix national study",
  shortName: "MNS",
  sponsor: "Matrix University",
  leadOrganizationId: "",
  countries: "France, Belgium",
  targetAccrual: "60",
  overallStatus: "RECRUITING",
  startDate: "2025-01",
  plannedAccrualEnd: "2028-01",
  source: "",
  registry: "NCT",
  registryValue: "",
};
const STUDY_ACCRUAL = { date: "2026-11-01", total: "5", organizationId: "", country: "", source: "Matrix" };
const EMAIL_SETTINGS = { mentions: "IMMEDIATE", interest: "IMMEDIATE", votes: "DIGEST", status: "DIGEST", comments: "OFF" };
const nctNumber = () => `NCT${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, "0")}`;
const transition = (
  status: ProposalFixture["status"],
  event: string,
  expected: Table,
  extra: Parameters<Fixtures["proposal"]>[1] = {},
): Case => ({
  state: `${event} while ${status.toLowerCase()}`,
  call: async (f) => {
    const p = await f.proposal(status, extra);
    return { page: proposalPage(p), args: [p.id, initial, form({ event, reason: "The authorization matrix" })] };
  },
  expected,
});

export const ACTIONS: Record<string, Case[]> = {
  "app/admin/settings/actions.ts#setThresholdAction": [
    {
      state: "the threshold kept as it is",
      call: async (f) => ({
        page: "/admin/settings",
        args: [initial, form({ threshold: String(await f.currentThreshold()), reason: "The authorization matrix" })],
      }),
      expected: only(["secretariat"]),
    },
  ],
  "app/admin/settings/actions.ts#setForecastSettingsAction": [
    {
      state: "the forecast settings kept as they are",
      call: async (f) => ({
        page: "/admin/settings",
        args: [initial, form({ ...(await f.currentForecastSettings()), reason: "The authorization matrix" })],
      }),
      expected: only(["secretariat"]),
    },
  ],
  "app/admin/settings/actions.ts#setStartupTargetsAction": [
    {
      state: "the start-up targets kept as they are",
      call: async (f) => ({
        page: "/admin/settings",
        args: [initial, form({ ...(await f.currentStartupTargets()), reason: "The authorization matrix" })],
      }),
      expected: only(["secretariat"]),
    },
  ],
  "app/organizations/actions.ts#addOrganizationAction": [
    {
      state: "a new member organization",
      call: async () => ({
        page: "/organizations",
        args: [
          initial,
          form({
            name: "Matrix Cancer Research Group",
            shortName: `M${randomUUID().slice(0, 8).toUpperCase()}`,
            country: "KR",
            timeZone: "Asia/Seoul",
            workingDays: ["1", "2", "3", "4", "5"],
          }),
        ],
      }),
      // Admitting a member organization is the secretariat's alone.
      expected: only(["secretariat"]),
    },
  ],
  // An organization's single sign-on is set up by the secretariat alone (its IT department's client).
  "app/organizations/[slug]/sign-in/actions.ts#saveIdentityProviderAction": [
    {
      state: "an organization's identity provider",
      call: async () => ({
        page: "/organizations/cosa/sign-in",
        args: [
          "cosa",
          initial,
          form({
            issuer: "https://login.cosa.example/realms/staff",
            clientId: "irci-portal",
            clientSecret: `secret-${randomUUID()}`,
            emailDomains: "cosa.irci.example",
            enabled: "on",
          }),
        ],
      }),
      expected: only(["secretariat"]),
    },
  ],
  "app/organizations/[slug]/sign-in/actions.ts#removeIdentityProviderAction": [
    {
      state: "a connected identity provider",
      call: async (f) => {
        await f.connectIdentityProvider("cctg");
        return { page: "/organizations/cctg/sign-in", args: ["cctg", initial, form({})] };
      },
      expected: only(["secretariat"]),
    },
  ],
  // People: each organization's representative (or deputy) for its own people, the secretariat for
  // everyone; the person is always a fresh one, so an allowed change never decides the next call.
  "app/organizations/[slug]/people/actions.ts#inviteAction": [
    {
      state: "a new address, into the lead organization",
      call: async (f) => ({
        page: "/organizations/nci/people",
        args: [
          initial,
          form({
            email: `matrix-new-${randomUUID().slice(0, 12)}@example.org`,
            role: "MEMBER",
            organizationId: f.ids.leadOrg,
            secretariat: "",
          }),
        ],
      }),
      expected: only(["leadRep", "secretariat"]),
    },
    {
      state: "a new address, into another organization",
      call: async (f) => ({
        page: "/organizations/nci/people",
        args: [
          initial,
          form({
            email: `matrix-new-${randomUUID().slice(0, 12)}@example.org`,
            role: "DEPUTY",
            organizationId: f.ids.otherOrg,
            secretariat: "",
          }),
        ],
      }),
      expected: only(["otherRep", "secretariat"]),
    },
    {
      state: "a new address, with the secretariat's capability",
      call: async (f) => ({
        page: "/organizations/nci/people",
        args: [
          initial,
          form({
            email: `matrix-new-${randomUUID().slice(0, 12)}@example.org`,
            role: "MEMBER",
            organizationId: f.ids.leadOrg,
            secretariat: "yes",
          }),
        ],
      }),
      // The representative may invite into their organization, but grants no secretariat capability.
      expected: only(["secretariat"]),
    },
  ],
  "app/organizations/[slug]/people/actions.ts#revokeInvitationAction": [
    {
      state: "an open invitation into the lead organization",
      call: async (f) => ({ page: "/organizations/nci/people", args: [(await f.invitation()).id, initial, form({})] }),
      expected: only(["leadRep", "secretariat"]),
    },
  ],
  "app/organizations/[slug]/people/actions.ts#setRoleAction": [
    {
      state: "a member of the lead organization made a deputy",
      call: async (f) => ({ page: "/organizations/nci/people", args: [await f.person("lead"), initial, form({ role: "DEPUTY" })] }),
      expected: only(["leadRep", "secretariat"]),
    },
    {
      state: "a member of another organization made its representative",
      call: async (f) => ({
        page: "/organizations/nci/people",
        args: [await f.person("other"), initial, form({ role: "REPRESENTATIVE" })],
      }),
      expected: only(["otherRep", "secretariat"]),
    },
  ],
  "app/organizations/[slug]/people/actions.ts#deactivateAction": [
    {
      state: "an active member of the lead organization",
      call: async (f) => ({
        page: "/organizations/nci/people",
        args: [await f.person("lead"), initial, form({ reason: "The authorization matrix" })],
      }),
      expected: only(["leadRep", "secretariat"]),
    },
  ],
  "app/organizations/[slug]/people/actions.ts#reactivateAction": [
    {
      state: "a deactivated member of the lead organization",
      call: async (f) => ({ page: "/organizations/nci/people", args: [await f.person("lead", { active: false }), initial, form({})] }),
      expected: only(["leadRep", "secretariat"]),
    },
  ],
  "app/organizations/[slug]/people/actions.ts#setSecretariatAction": [
    {
      state: "a member of the lead organization given the secretariat's capability",
      call: async (f) => ({ page: "/admin/people", args: [await f.person("lead"), initial, form({ secretariat: "yes" })] }),
      // The secretariat's alone: the lead organization's representative manages the person, not this.
      expected: only(["secretariat"]),
    },
  ],
  "app/organizations/[slug]/people/actions.ts#decideAccessRequestAction": [
    {
      state: "a pending request to the lead organization, approved",
      call: async (f) => ({
        page: "/organizations/nci/people",
        args: [await f.accessRequest(), initial, form({ decision: "approve", reason: "" })],
      }),
      expected: only(["leadRep", "secretariat"]),
    },
    {
      state: "a pending request to the lead organization, refused",
      call: async (f) => ({
        page: "/organizations/nci/people",
        args: [await f.accessRequest(), initial, form({ decision: "refuse", reason: "Not one of ours" })],
      }),
      expected: only(["leadRep", "secretariat"]),
    },
  ],
  // The link is the credential: whoever holds it may accept, signed in or not.
  "app/invitations/[token]/actions.ts#acceptInvitationAction": [
    {
      state: "an open invitation",
      call: async (f) => {
        const { token } = await f.invitation();
        return { page: `/invitations/${token}`, args: [token, initial, form({ name: "Matrix Invitee" })] };
      },
      expected: everyone(),
    },
  ],
  "app/groups/new/actions.ts#createGroupAction": [
    {
      state: "a new cancer",
      call: async () => ({
        page: "/groups/new",
        args: [
          initial,
          form({
            cancer: `Matrix cancer ${randomUUID().slice(0, 8)}`,
            incidencePer100k: "0.5",
            incidenceSource: "The matrix registry, 2026",
            description: "",
          }),
        ],
      }),
      // Convening a group: the secretariat and anyone who already chairs one.
      expected: only(["chair", "secretariat"]),
    },
  ],
  "app/groups/[slug]/actions.ts#setMemberAction": [
    {
      state: "adding a person to the group",
      call: async (f) => {
        const g = await f.group();
        return { page: `/groups/${g.slug}`, args: [g.id, g.slug, initial, form({ userId: f.ids.otherRep, role: "MEMBER" })] };
      },
      expected: only(CHAIR_OR_SECRETARIAT),
    },
  ],
  "app/groups/[slug]/actions.ts#removeMemberAction": [
    {
      state: "removing a member",
      call: async (f) => {
        const g = await f.group();
        return { page: `/groups/${g.slug}`, args: [g.id, g.slug, initial, form({ userId: f.ids.groupMember })] };
      },
      expected: only(CHAIR_OR_SECRETARIAT),
    },
  ],
  "app/groups/[slug]/actions.ts#changeStatusAction": [
    {
      state: "making an active group dormant",
      call: async (f) => {
        const g = await f.group();
        return {
          page: `/groups/${g.slug}`,
          args: [g.id, g.slug, initial, form({ expectedStatus: "ACTIVE", status: "DORMANT", reason: "The authorization matrix" })],
        };
      },
      // The secretariat decides for IRCI's Board; not even the group's chair may.
      expected: only(["secretariat"]),
    },
    {
      state: "decided from a status the group no longer has",
      call: async (f) => {
        const g = await f.group();
        return {
          page: `/groups/${g.slug}`,
          args: [g.id, g.slug, initial, form({ expectedStatus: "PROPOSED", status: "ACTIVE", reason: "The authorization matrix" })],
        };
      },
      expected: only([], { secretariat: "CONFLICT" }),
    },
  ],
  "app/groups/[slug]/actions.ts#correctIncidenceAction": [
    {
      state: "correcting the incidence",
      call: async (f) => {
        const g = await f.group();
        return {
          page: `/groups/${g.slug}`,
          args: [
            g.id,
            g.slug,
            initial,
            form({ incidencePer100k: "0.7", incidenceSource: "The matrix registry, 2026", reason: "The authorization matrix" }),
          ],
        };
      },
      // The group's chairs and the secretariat; its other members may not.
      expected: only(CHAIR_OR_SECRETARIAT),
    },
  ],
  "components/discussion/actions.ts#postCommentAction": [
    {
      state: "on a proposal",
      call: async (f) => {
        const p = await f.proposal("DRAFT");
        return { page: proposalPage(p), args: ["proposal", p.id, initial, form({ body: "A comment from the matrix", parentId: "" })] };
      },
      expected: only(MEMBERS),
    },
    {
      state: "on an expert group",
      call: async (f) => {
        const g = await f.group();
        return { page: `/groups/${g.slug}`, args: ["group", g.id, initial, form({ body: "A comment from the matrix", parentId: "" })] };
      },
      expected: only(MEMBERS),
    },
  ],
  "components/discussion/actions.ts#editCommentAction": [
    {
      state: "the author's comment",
      call: async (f) => {
        const c = await f.comment();
        return { page: c.page, args: [c.id, initial, form({ body: "Edited by the matrix" })] };
      },
      expected: only(["author"]),
    },
  ],
  "components/discussion/actions.ts#deleteCommentAction": [
    {
      state: "the author's comment",
      call: async (f) => {
        const c = await f.comment();
        return { page: c.page, args: [c.id, initial, form({})] };
      },
      expected: only(["author", "secretariat"]),
    },
  ],
  "app/notifications/actions.ts#markReadAction": [
    {
      state: "the author's notification",
      call: async (f) => ({ page: "/notifications", args: [await f.notification(), initial, form({})] }),
      // Someone else's notification does not exist for you.
      expected: only(["author"], {
        groupMember: "NOT_FOUND",
        leadRep: "NOT_FOUND",
        otherRep: "NOT_FOUND",
        chair: "NOT_FOUND",
        secretariat: "NOT_FOUND",
      }),
    },
  ],
  "app/notifications/actions.ts#markAllReadAction": [
    {
      state: "one's own notifications",
      call: async () => ({ page: "/notifications", args: [initial, form({})] }),
      expected: only(MEMBERS),
    },
  ],
  "app/proposals/[id]/actions.ts#followAction": [
    {
      state: "a proposal",
      call: async (f) => {
        const p = await f.proposal("DRAFT");
        return { page: proposalPage(p), args: [p.id, initial, form({ follow: "true" })] };
      },
      expected: only(MEMBERS),
    },
  ],
  "app/notifications/settings/actions.ts#saveEmailSettingsAction": [
    {
      state: "one's own settings",
      call: async () => ({ page: "/notifications/settings", args: [initial, form(EMAIL_SETTINGS)] }),
      expected: only(MEMBERS),
    },
  ],
  "app/notifications/settings/actions.ts#saveTimeZoneAction": [
    {
      state: "one's own time zone",
      call: async () => ({ page: "/notifications/settings", args: [initial, form({ timeZone: "Asia/Tokyo" })] }),
      expected: only(MEMBERS),
    },
  ],
  "app/account/actions.ts#signOutEverywhereElseAction": [
    {
      // The caller has a second session besides the one making the call: it ends, the caller's stays.
      state: "one's own other session",
      call: async (f, persona) => {
        await f.otherSession(persona === "anonymous" ? "author" : persona);
        return { page: "/account", args: [initial, form({})] };
      },
      expected: only(MEMBERS),
    },
  ],
  "app/account/actions.ts#signOutSessionAction": [
    {
      state: "one's own other session",
      call: async (f, persona) => ({
        page: "/account",
        args: [await f.otherSession(persona === "anonymous" ? "author" : persona), initial, form({})],
      }),
      expected: only(MEMBERS),
    },
    {
      state: "the author's other session",
      call: async (f) => ({ page: "/account", args: [await f.otherSession("author"), initial, form({})] }),
      // Someone else's session does not exist for you, the secretariat included.
      expected: only(["author"], {
        groupMember: "NOT_FOUND",
        leadRep: "NOT_FOUND",
        otherRep: "NOT_FOUND",
        chair: "NOT_FOUND",
        secretariat: "NOT_FOUND",
      }),
    },
  ],
  "app/proposals/new/actions.ts#createProposalAction": [
    {
      state: "in the expert group",
      call: async (f) => ({
        page: "/proposals/new",
        args: [initial, form({ groupId: f.ids.group, leadOrganizationId: f.ids.leadOrg, title: "A matrix proposal" })],
      }),
      // Members of the group (whatever their organization) and the secretariat.
      expected: only(["author", "groupMember", "chair", "secretariat"]),
    },
  ],
  "app/proposals/[id]/edit/actions.ts#saveProposalAction": [
    {
      state: "a draft",
      call: async (f) => {
        const p = await f.proposal("DRAFT");
        return { page: `${proposalPage(p)}/edit`, args: [p.id, initial, form({ ...HYPOTHESIS, version: String(p.version) })] };
      },
      expected: only(EDITORS),
    },
    {
      state: "in review (text locked)",
      call: async (f) => {
        const p = await f.proposal("IN_REVIEW");
        return { page: `${proposalPage(p)}/edit`, args: [p.id, initial, form({ ...HYPOTHESIS, version: String(p.version) })] };
      },
      expected: only([], { author: "CONFLICT", leadRep: "CONFLICT", chair: "CONFLICT", secretariat: "CONFLICT" }),
    },
  ],
  "app/proposals/[id]/actions.ts#recordInterestAction": [
    {
      state: "a draft",
      call: async (f) => {
        const p = await f.proposal("DRAFT");
        return {
          page: proposalPage(p),
          args: [p.id, initial, form({ level: "PARTICIPATE", expectedSites: "2", expectedPatientsPerYear: "4", note: "" })],
        };
      },
      // Each representative for their own organization, which is never taken from the request.
      expected: only(REPRESENTATIVES),
    },
    {
      state: "under vote (interest closed)",
      call: async (f) => {
        const p = await f.proposal("VOTING");
        return {
          page: proposalPage(p),
          args: [p.id, initial, form({ level: "PARTICIPATE", expectedSites: "2", expectedPatientsPerYear: "4", note: "" })],
        };
      },
      expected: only([], { leadRep: "CONFLICT", otherRep: "CONFLICT" }),
    },
  ],
  // Feasibility sites: each organization's representative (or deputy) for its own organization's
  // sites, once it has recorded an interest, before the vote; not the secretariat.
  "app/proposals/[id]/feasibility-actions.ts#addFeasibilitySiteAction": [
    {
      state: "a draft both organizations recorded interest in",
      call: async (f) => {
        const p = await f.proposal("DRAFT", { eligible: true });
        return { page: proposalPage(p), args: [p.id, initial, form(FEASIBILITY_SITE)] };
      },
      expected: only(REPRESENTATIVES),
    },
    {
      state: "under vote (interest closed)",
      call: async (f) => {
        const p = await f.proposal("VOTING", { eligible: true });
        return { page: proposalPage(p), args: [p.id, initial, form(FEASIBILITY_SITE)] };
      },
      expected: only([], { leadRep: "CONFLICT", otherRep: "CONFLICT" }),
    },
  ],
  "app/proposals/[id]/feasibility-actions.ts#editFeasibilitySiteAction": [
    {
      state: "a site of the lead organization",
      call: async (f) => {
        const p = await f.proposal("DRAFT", { eligible: true, feasibilitySite: true });
        return { page: proposalPage(p), args: [p.id, p.feasibilitySiteId, initial, form({ ...FEASIBILITY_SITE, version: "1" })] };
      },
      // Only the lead organization's own representative: another organization's is refused.
      expected: only(["leadRep"]),
    },
  ],
  "app/proposals/[id]/feasibility-actions.ts#removeFeasibilitySiteAction": [
    {
      state: "a site of the lead organization",
      call: async (f) => {
        const p = await f.proposal("DRAFT", { eligible: true, feasibilitySite: true });
        return { page: proposalPage(p), args: [p.id, p.feasibilitySiteId, initial, form({ version: "1" })] };
      },
      expected: only(["leadRep"]),
    },
  ],
  // The decision register: the group's chairs and the secretariat record a decision and edit its
  // options and rationale; the group comes from the record chosen, never from the form.
  "app/decisions/actions.ts#recordDecisionAction": [
    {
      state: "a design change of the chair's group",
      call: async (f) => ({ page: "/decisions", args: [initial, form({ ...DECISION, about: `group:${f.ids.group}` })] }),
      expected: only(CHAIR_OR_SECRETARIAT),
    },
    {
      state: "a design change on a proposal of the chair's group",
      call: async (f) => {
        const p = await f.proposal("PLANNING");
        return { page: "/decisions", args: [initial, form({ ...DECISION, about: `proposal:${p.id}` })] };
      },
      expected: only(CHAIR_OR_SECRETARIAT),
    },
  ],
  "app/decisions/actions.ts#editDecisionAction": [
    {
      state: "a decision of the chair's group, as last seen",
      call: async (f) => {
        const id = await f.decision();
        return {
          page: `/decisions/${id}`,
          args: [id, initial, form({ options: "One\nTwo", rationale: "Edited by the matrix", version: "1" })],
        };
      },
      expected: only(CHAIR_OR_SECRETARIAT),
    },
    {
      state: "a decision someone edited since it was shown",
      call: async (f) => {
        const id = await f.decision();
        return { page: `/decisions/${id}`, args: [id, initial, form({ options: "", rationale: "Stale", version: "7" })] };
      },
      expected: only([], { chair: "CONFLICT", secretariat: "CONFLICT" }),
    },
  ],
  "app/proposals/[id]/actions.ts#transitionAction": [
    transition("DRAFT", "submit", only(["author", "leadRep"])),
    transition("IN_REVIEW", "submit", only([], { author: "CONFLICT", leadRep: "CONFLICT" })),
    transition("SUBMITTED", "startReview", only(CHAIR_OR_SECRETARIAT)),
    transition("IN_REVIEW", "requestChanges", only(CHAIR_OR_SECRETARIAT)),
    transition("SUBMITTED", "withdraw", only(EDITORS)),
    transition("APPROVED", "startPlanning", only(KEEPERS)),
    transition("PLANNING", "markUnderway", only(KEEPERS)),
    transition("UNDERWAY", "complete", only(CHAIR_OR_SECRETARIAT)),
    transition("UNDERWAY", "closeEarly", only(CHAIR_OR_SECRETARIAT)),
    transition("COMPLETED", "closeEarly", only([], { chair: "CONFLICT", secretariat: "CONFLICT" })),
    // What only a vote decides is refused to everyone, whoever asks.
    transition("VOTING", "approve", only([])),
    transition("IN_REVIEW", "openVoting", { ...nobody("INVALID"), outsider: "FORBIDDEN" }),
  ],
  "app/proposals/[id]/vote/actions.ts#openVoteAction": [
    {
      state: "in review and eligible",
      call: async (f) => {
        const p = await f.proposal("IN_REVIEW", { eligible: true });
        const closesAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
        const quorum = String(await f.usualQuorum());
        return { page: proposalPage(p), args: [p.id, initial, form({ closesAt, quorum, passRule: "MORE_APPROVE_THAN_REJECT" })] };
      },
      expected: only(CHAIR_OR_SECRETARIAT),
    },
    {
      state: "in review and eligible, quorum below the usual majority of the members",
      call: async (f) => {
        const p = await f.proposal("IN_REVIEW", { eligible: true });
        const closesAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
        return { page: proposalPage(p), args: [p.id, initial, form({ closesAt, quorum: "2", passRule: "MORE_APPROVE_THAN_REJECT" })] };
      },
      // Only the secretariat may accept fewer; a chair is told so on the field.
      expected: only(["secretariat"], { chair: "INVALID" }),
    },
    {
      state: "in review and eligible, on a version of its protocol synopsis",
      call: async (f) => {
        const p = await f.proposal("IN_REVIEW", { eligible: true });
        const { versionId } = await f.document(p.id);
        const closesAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
        const quorum = String(await f.usualQuorum());
        return {
          page: proposalPage(p),
          args: [p.id, initial, form({ closesAt, quorum, passRule: "MORE_APPROVE_THAN_REJECT", documentVersionIds: [versionId] })],
        };
      },
      expected: only(CHAIR_OR_SECRETARIAT),
    },
    {
      state: "in review and eligible, naming a version of another proposal's document",
      call: async (f) => {
        const p = await f.proposal("IN_REVIEW", { eligible: true });
        const other = await f.proposal("IN_REVIEW");
        const { versionId } = await f.document(other.id);
        const closesAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
        const quorum = String(await f.usualQuorum());
        return {
          page: proposalPage(p),
          args: [p.id, initial, form({ closesAt, quorum, passRule: "MORE_APPROVE_THAN_REJECT", documentVersionIds: [versionId] })],
        };
      },
      // Refused on the field for those who may open a vote; the vote does not open.
      expected: only([], { chair: "INVALID", secretariat: "INVALID" }),
    },
    {
      state: "in review, not eligible",
      call: async (f) => {
        const p = await f.proposal("IN_REVIEW");
        const closesAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
        return { page: proposalPage(p), args: [p.id, initial, form({ closesAt, quorum: "5", passRule: "MORE_APPROVE_THAN_REJECT" })] };
      },
      expected: only([], { chair: "CONFLICT", secretariat: "CONFLICT" }),
    },
  ],
  "app/proposals/[id]/vote/actions.ts#castBallotAction": [
    {
      state: "an open vote",
      call: async (f) => {
        const p = await f.proposal("VOTING");
        return { page: proposalPage(p), args: [p.id, p.voteId, initial, form({ choice: "APPROVE", rationale: "" })] };
      },
      // Each representative for their own organization; nobody else has a ballot.
      expected: only(REPRESENTATIVES),
    },
    {
      state: "a closed vote",
      call: async (f) => {
        const p = await f.proposal("VOTING", { voteClosed: true });
        return { page: proposalPage(p), args: [p.id, p.voteId, initial, form({ choice: "APPROVE", rationale: "" })] };
      },
      expected: only([], { leadRep: "CONFLICT", otherRep: "CONFLICT" }),
    },
  ],
  "app/proposals/[id]/vote/actions.ts#closeVoteEarlyAction": [
    {
      state: "an open vote",
      call: async (f) => {
        const p = await f.proposal("VOTING");
        return { page: proposalPage(p), args: [p.id, p.voteId, initial, form({ reason: "The authorization matrix" })] };
      },
      expected: only(["secretariat"]),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#createTrialAction": [
    {
      state: "in planning, no trial record yet",
      call: async (f) => {
        const p = await f.proposal("PLANNING");
        return { page: trialPage(p), args: [p.id, initial, form({})] };
      },
      expected: only(KEEPERS),
    },
    {
      state: "in review (too early)",
      call: async (f) => {
        const p = await f.proposal("IN_REVIEW");
        return { page: trialPage(p), args: [p.id, initial, form({})] };
      },
      expected: only([], { leadRep: "CONFLICT", chair: "CONFLICT", secretariat: "CONFLICT" }),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#updateTrialAction": [
    {
      state: "a trial record",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true });
        const fields = {
          overallStatus: "RECRUITING",
          phases: ["PHASE2"],
          targetAccrual: "120",
          startDate: "2026-01",
          primaryCompletionDate: "",
          leadSponsor: "Matrix sponsor",
        };
        return { page: trialPage(p), args: [p.id, p.trialId, initial, form(fields)] };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#addRegistryIdAction": [
    {
      state: "a trial record",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true });
        return { page: trialPage(p), args: [p.id, p.trialId, initial, form({ registry: "NCT", value: nctNumber() })] };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#removeRegistryIdAction": [
    {
      state: "a registered trial",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true, registryId: nctNumber() });
        return { page: trialPage(p), args: [p.id, p.trialId, initial, form({ id: p.registryRowId! })] };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#recordAccrualAction": [
    {
      state: "a trial record",
      call: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true });
        return {
          page: trialPage(p),
          args: [p.id, p.trialId, initial, form({ date: "2026-11-01", total: "5", organizationId: "", country: "", source: "Matrix" })],
        };
      },
      expected: only(KEEPERS),
    },
    {
      // The other organization takes part: its representative reports its own accrual (the portal sets the
      // organization, whatever the form says); its members and anyone else not keeping the record may not.
      state: "a trial the other organization takes part in",
      call: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true, eligible: true });
        return {
          page: trialPage(p),
          args: [p.id, p.trialId, initial, form({ date: "2026-11-01", total: "5", organizationId: "", country: "", source: "Matrix" })],
        };
      },
      expected: only([...KEEPERS, "otherRep"]),
    },
    {
      // A component study's accrual: the trial's keepers and the representative of the study's lead organization,
      // though that organization does not take part in the umbrella trial; no one else.
      state: "a component study the other organization leads",
      call: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true, componentStudy: "other" });
        return {
          page: trialPage(p),
          args: [p.id, p.trialId, initial, form({ ...STUDY_ACCRUAL, componentStudyId: p.componentStudyId! })],
        };
      },
      expected: only([...KEEPERS, "otherRep"]),
    },
    {
      state: "a component study the lead organization leads",
      call: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true, componentStudy: "lead", eligible: true });
        return {
          page: trialPage(p),
          args: [p.id, p.trialId, initial, form({ ...STUDY_ACCRUAL, componentStudyId: p.componentStudyId! })],
        };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#attachRegistryIdAction": [
    {
      state: "a registry id and a component study",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true, registryId: nctNumber(), componentStudy: "other" });
        return {
          page: trialPage(p),
          args: [p.id, p.trialId, initial, form({ id: p.registryRowId!, componentStudyId: p.componentStudyId! })],
        };
      },
      expected: only(KEEPERS),
    },
  ],
  // Component studies: the trial's keepers add, edit and remove them; not the representative of a study's lead
  // organization (it reports the study's accrual only), nor anyone else.
  "app/proposals/[id]/trial/study-actions.ts#createComponentStudyAction": [
    {
      state: "a trial record",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true });
        return { page: trialPage(p), args: [p.id, p.trialId, initial, form({ ...COMPONENT_STUDY, registryValue: nctNumber() })] };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/study-actions.ts#updateComponentStudyAction": [
    {
      state: "a study the other organization leads",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true, componentStudy: "other" });
        return {
          page: trialPage(p),
          args: [
            p.id,
            p.trialId,
            p.componentStudyId!,
            initial,
            form({ ...COMPONENT_STUDY, leadOrganizationId: f.ids.otherOrg, version: "1" }),
          ],
        };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/study-actions.ts#removeComponentStudyAction": [
    {
      state: "a study without accrual reports",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true, componentStudy: "other" });
        return { page: trialPage(p), args: [p.id, p.trialId, p.componentStudyId!, initial, form({})] };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#setMilestoneAction": [
    {
      state: "a trial record",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true });
        return { page: trialPage(p), args: [p.id, p.trialId, initial, form({ kind: "FIRST_SITE_OPEN", planned: "2026-12", actual: "" })] };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#addSiteAction": [
    {
      state: "a trial record",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true });
        return {
          page: trialPage(p),
          args: [p.id, p.trialId, initial, form({ country: "FR", facility: "Institut Matrice", city: "Paris", organizationId: "" })],
        };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#correctAccrualAction": [
    {
      state: "an accrual report",
      call: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true, entries: true });
        return {
          page: `/proposals/${p.id}/trial/accrual/${p.accrualId}`,
          args: [
            p.id,
            p.trialId,
            p.accrualId,
            initial,
            form({ date: "2026-10-01", total: "8", source: "Matrix", reason: "Typo in the count", confirmed: "" }),
          ],
        };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#retractAccrualAction": [
    {
      state: "an accrual report",
      call: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true, entries: true });
        return {
          page: `/proposals/${p.id}/trial/accrual/${p.accrualId}`,
          args: [p.id, p.trialId, p.accrualId, initial, form({ reason: "Entered twice" })],
        };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#correctSiteAction": [
    {
      state: "a site",
      call: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true, entries: true });
        return {
          page: `/proposals/${p.id}/trial/sites/${p.siteId}`,
          args: [
            p.id,
            p.trialId,
            p.siteId,
            initial,
            form({ country: "France", facility: "Institut Matrice", city: "Lyon", organizationId: "", reason: "Wrong city" }),
          ],
        };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#removeSiteAction": [
    {
      state: "a site",
      call: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true, entries: true });
        return {
          page: `/proposals/${p.id}/trial/sites/${p.siteId}`,
          args: [p.id, p.trialId, p.siteId, initial, form({ reason: "Never opened" })],
        };
      },
      expected: only(KEEPERS),
    },
  ],
  // The country start-up tracker: the trial's keepers update any step and add countries; the representative of
  // the step's owner organization updates its own steps; no one else.
  "app/proposals/[id]/trial/startup-actions.ts#updateStartupStepAction": [
    {
      state: "a step the other organization owns",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true, startupStep: "other" });
        return {
          page: trialPage(p),
          args: [p.id, p.trialId, "GB", "ETHICS", initial, form({ ...startupStep(f.ids.otherOrg), version: "1" })],
        };
      },
      expected: only([...KEEPERS, "otherRep"]),
    },
    {
      state: "a step the lead organization owns",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true, startupStep: "lead" });
        return {
          page: trialPage(p),
          args: [p.id, p.trialId, "GB", "ETHICS", initial, form({ ...startupStep(f.ids.leadOrg), version: "1" })],
        };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/startup-actions.ts#addStartupCountryAction": [
    {
      state: "a trial record",
      call: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true });
        return { page: trialPage(p), args: [p.id, p.trialId, initial, form({ country: "DE" })] };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/proposals/[id]/trial/actions.ts#undoImportAction": [
    {
      state: "an applied import",
      call: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true, entries: true });
        return { page: trialPage(p), args: [p.id, p.trialId, initial, form({ importId: p.importId! })] };
      },
      expected: only(KEEPERS),
    },
  ],
  "app/signin/actions.ts#requestSignInLinkAction": [
    {
      // Everyone gets the same answer, whether the address has an account or not.
      state: "any address",
      call: async () => ({ page: "/signin", args: [`matrix-${randomUUID().slice(0, 8)}@example.org`, "/"] }),
      expected: everyone(),
    },
  ],
  "app/unsubscribe/actions.ts#unsubscribeAction": [
    {
      // The signed link is the credential: whoever holds it, signed in or not.
      state: "a signed link",
      call: async (f) => ({
        page: "/unsubscribe",
        args: [unsubscribeToken({ userId: f.ids.author, category: "votes" }, E2E_SECRET), false, initial, form({})],
      }),
      expected: everyone(),
    },
    {
      state: "a forged link",
      call: async (f) => ({
        page: "/unsubscribe",
        args: [unsubscribeToken({ userId: f.ids.author, category: "all" }, "a guessed secret"), true, initial, form({})],
      }),
      expected: nobody("INVALID", "INVALID"),
    },
  ],
};

/** An upload's multipart body: a small PDF, and a new document's fields unless told otherwise. */
export function documentUpload(
  fields: Record<string, string>,
  file: Blob = new Blob([minimalPdf(["Matrix upload"])]),
  fileName = "synopsis.pdf",
) {
  const body = new FormData();
  const all = fields.documentId ? fields : { kind: "PROTOCOL_SYNOPSIS", title: "Matrix synopsis", changeNote: "", ...fields };
  for (const [name, value] of Object.entries(all)) body.set(name, value);
  body.set("file", file, fileName);
  return body;
}

/** Route handlers: the answer each person gets, as an HTTP status. */
export interface RouteCase {
  state: string;
  request: (
    f: Fixtures,
  ) => Promise<{ method: "GET" | "POST"; path: string; body?: string | URLSearchParams | FormData; contentType?: string }>;
  expected: Record<Persona, number>;
}
const statuses = (allowed: Persona[], ok: number, refused: Partial<Record<Persona, number>> = {}): Record<Persona, number> =>
  Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? ok : (refused[p] ?? (p === "anonymous" ? 401 : 403))])) as Record<
    Persona,
    number
  >;
const all = (status: number) => statuses([...PERSONAS], status);

export const ROUTES: Record<string, RouteCase[]> = {
  "/api/auth/[...nextauth]": [
    { state: "the providers", request: async () => ({ method: "GET", path: "/api/auth/providers" }), expected: all(200) },
    // Links are asked for through the sign-in form only (limited and queued): next-auth's own endpoint is closed.
    {
      state: "next-auth's own link endpoint",
      request: async () => ({
        method: "POST",
        path: "/api/auth/signin/email",
        body: new URLSearchParams({ email: "someone@example.org" }),
      }),
      expected: all(404),
    },
  ],
  // Everyone may export the register: visitors get the public decisions, members all of them.
  "/decisions/csv": [
    { state: "the whole register", request: async () => ({ method: "GET", path: "/decisions/csv" }), expected: all(200) },
    {
      state: "filtered, with unknown filters ignored",
      request: async () => ({ method: "GET", path: "/decisions/csv?kind=NOT_A_KIND&year=2016&q=%3DHYPERLINK" }),
      expected: all(200),
    },
  ],
  "/api/bench/stats": [
    { state: "outside a benchmark", request: async () => ({ method: "GET", path: "/api/bench/stats" }), expected: all(404) },
  ],
  "/api/export/[file]": [
    {
      state: "proposals as CSV",
      request: async () => ({ method: "GET", path: "/api/export/proposals.csv" }),
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "trials as JSON",
      request: async () => ({ method: "GET", path: "/api/export/trials.json" }),
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "the interest matrix as CSV",
      request: async () => ({ method: "GET", path: "/api/export/interests.csv" }),
      expected: statuses(MEMBERS, 200),
    },
    // Ballots of closed votes only, for everyone who may see votes: members of an organization and the secretariat.
    {
      state: "ballots of closed votes as CSV",
      request: async () => ({ method: "GET", path: "/api/export/ballots.csv" }),
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "ballots of closed votes as JSON",
      request: async () => ({ method: "GET", path: "/api/export/ballots.json" }),
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "trial sites as JSON",
      request: async () => ({ method: "GET", path: "/api/export/sites.json" }),
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "milestones as CSV",
      request: async () => ({ method: "GET", path: "/api/export/milestones.csv" }),
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "accrual history as JSON",
      request: async () => ({ method: "GET", path: "/api/export/accrual.json" }),
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "an export that does not exist",
      request: async () => ({ method: "GET", path: "/api/export/votes.xlsx" }),
      expected: all(404),
    },
  ],
  // Suggestions for a mention: for whoever may write in the discussion (members of an organization
  // and the secretariat); someone in no organization is refused before anything is looked up.
  // Health: for the load balancer and the container engine, so nobody signs in to ask. They say
  // nothing about anyone's data (e2e/health.spec.ts checks what they answer).
  "/api/health/live": [
    { state: "the process runs", request: async () => ({ method: "GET", path: "/api/health/live" }), expected: all(200) },
  ],
  "/api/health/ready": [
    {
      state: "migrated, job workers running (they started while the actions above ran)",
      request: async () => ({ method: "GET", path: "/api/health/ready" }),
      expected: all(200),
    },
  ],
  "/api/mentions": [
    {
      state: "people for a proposal's discussion",
      request: async (f) => {
        const p = await f.proposal("DRAFT");
        return { method: "GET", path: `/api/mentions?thread=proposal&id=${p.id}&q=matrix` };
      },
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "people for an expert group's discussion",
      request: async (f) => {
        const g = await f.group();
        return { method: "GET", path: `/api/mentions?thread=group&id=${g.id}&q=matrix` };
      },
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "a proposal that does not exist",
      request: async () => ({ method: "GET", path: "/api/mentions?thread=proposal&id=no-such-proposal&q=matrix" }),
      expected: statuses(MEMBERS, 404),
    },
    {
      state: "a search longer than a name",
      request: async (f) => {
        const p = await f.proposal("DRAFT");
        return { method: "GET", path: `/api/mentions?thread=proposal&id=${p.id}&q=${"m".repeat(41)}` };
      },
      expected: statuses(MEMBERS, 400),
    },
  ],
  // Uploads: those who write and keep the proposal (its authors, the lead organization's representative,
  // the group's chair, the secretariat), on the proposal and on its trial; not another organization's
  // representative, a group member from another organization, or someone outside every organization.
  "/api/documents": [
    {
      state: "a new document on a proposal in review",
      request: async (f) => {
        const p = await f.proposal("IN_REVIEW");
        return { method: "POST", path: `/api/documents?proposal=${p.id}`, body: documentUpload({ scope: "PROPOSAL" }) };
      },
      expected: statuses(EDITORS, 200),
    },
    {
      state: "a new document on a trial led by another organization than the refused representative's",
      request: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true });
        return { method: "POST", path: `/api/documents?proposal=${p.id}`, body: documentUpload({ scope: "TRIAL", kind: "AGREEMENT" }) };
      },
      expected: statuses(EDITORS, 200),
    },
    {
      state: "a new version of a trial's document, with its change note",
      request: async (f) => {
        const p = await f.proposal("UNDERWAY", { trial: true });
        const { documentId } = await f.document(p.id, "TRIAL");
        return {
          method: "POST",
          path: `/api/documents?proposal=${p.id}`,
          body: documentUpload({ documentId, changeNote: "Insurance clause added" }),
        };
      },
      expected: statuses(EDITORS, 200),
    },
    {
      state: "a proposal that does not exist",
      request: async () => ({
        method: "POST",
        path: "/api/documents?proposal=no-such-proposal",
        body: documentUpload({ scope: "PROPOSAL" }),
      }),
      expected: statuses(MEMBERS, 404),
    },
  ],
  // Reading follows reading the proposal: every member of an organization and the secretariat.
  "/api/documents/versions/[versionId]": [
    {
      state: "a version to download",
      request: async (f) => {
        const p = await f.proposal("IN_REVIEW");
        const { versionId } = await f.document(p.id);
        return { method: "GET", path: `/api/documents/versions/${versionId}` };
      },
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "a trial's PDF to preview",
      request: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true });
        const { versionId } = await f.document(p.id, "TRIAL");
        return { method: "GET", path: `/api/documents/versions/${versionId}?preview=1` };
      },
      expected: statuses(MEMBERS, 200),
    },
    {
      state: "a version that does not exist",
      request: async () => ({ method: "GET", path: "/api/documents/versions/no-such-version" }),
      expected: statuses(MEMBERS, 404),
    },
  ],
  "/api/trials/[trialId]/import": [
    {
      state: "a ClinicalTrials.gov record",
      request: async (f) => {
        const p = await f.proposal("PLANNING", { trial: true });
        const record = readFileSync(path.join(__dirname, "..", "tests", "fixtures", "ctgov", "minimal-study.json"), "utf8");
        return { method: "POST", path: `/api/trials/${p.trialId}/import`, body: record, contentType: "application/json" };
      },
      expected: statuses(KEEPERS, 200),
    },
  ],
  "/api/unsubscribe": [
    {
      state: "a signed link",
      request: async (f) => ({
        method: "POST",
        path: `/api/unsubscribe?token=${unsubscribeToken({ userId: f.ids.author, category: "comments" }, E2E_SECRET)}`,
        body: "List-Unsubscribe=One-Click",
      }),
      expected: all(200),
    },
    {
      state: "a forged link",
      request: async (f) => ({
        method: "POST",
        path: `/api/unsubscribe?token=${unsubscribeToken({ userId: f.ids.author, category: "all" }, "guessed")}`,
        body: "List-Unsubscribe=One-Click",
      }),
      expected: all(400),
    },
  ],
  "/demo/sign-in": [
    {
      // The e2e server runs the demo: anyone may become a demo person, and only a demo person.
      state: "a demo person",
      request: async (f) => ({ method: "POST", path: "/demo/sign-in", body: new URLSearchParams({ userId: await f.demoPersonId() }) }),
      expected: all(303),
    },
    {
      state: "a real person",
      request: async (f) => ({ method: "POST", path: "/demo/sign-in", body: new URLSearchParams({ userId: f.ids.secretariat }) }),
      expected: all(404),
    },
  ],
  "/groups/[slug]/meeting/ics": [
    {
      state: "a planned meeting",
      request: async (f) => {
        const g = await f.group();
        return {
          method: "GET",
          path: `/groups/${g.slug}/meeting/ics?start=${encodeURIComponent(new Date(Date.now() + 7 * 86_400_000).toISOString())}&minutes=60`,
        };
      },
      expected: statuses(MEMBERS, 200),
    },
  ],
  "/favicon.ico": [{ state: "public", request: async () => ({ method: "GET", path: "/favicon.ico" }), expected: all(308) }],
  "/icon.svg": [{ state: "public", request: async () => ({ method: "GET", path: "/icon.svg" }), expected: all(200) }],
  "/robots.txt": [{ state: "public", request: async () => ({ method: "GET", path: "/robots.txt" }), expected: all(200) }],
};
