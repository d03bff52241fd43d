// The people and the things they act on, for the authorization matrix and the bad-input suite,
// written straight into the end-to-end server's database. Each call gets a fresh subject, so an
// allowed call (which changes it) never decides what the next person finds.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "../lib/prisma-client";
import { sealSecret } from "../lib/auth/sso/secret-box";
import { DEFAULT_STARTUP_TARGETS, type StartupTargets } from "../lib/startup/steps";
import { minimalPdf } from "../lib/documents/pdf";
import { E2E_SECRET } from "./portal";

export const PERSONAS = ["anonymous", "outsider", "author", "groupMember", "leadRep", "otherRep", "chair", "secretariat"] as const;
export type Persona = (typeof PERSONAS)[number];

type Status = "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "VOTING" | "APPROVED" | "PLANNING" | "UNDERWAY" | "COMPLETED";

export interface ProposalFixture {
  id: string;
  status: Status;
  version: number;
  voteId?: string;
  trialId?: string;
  registryRowId?: string;
  accrualId?: string;
  siteId?: string;
  importId?: string;
  /** A feasibility site of the lead organization (version 1). */
  feasibilitySiteId?: string;
  /** The start-up step's country and step (version 1), with `startupStep`. */
  startupStep?: { country: string; step: string };
  /** A component study of the trial (version 1), with `componentStudy`. */
  componentStudyId?: string;
}

export interface ProposalOptions {
  /** Two organizations from two countries committed, one leading: a vote may open. */
  eligible?: boolean;
  /** With a vote that has closed (VOTING only). */
  voteClosed?: boolean;
  trial?: boolean;
  /** A registry id on the trial record. */
  registryId?: string;
  /** An accrual report, a site and an applied import on the trial record. */
  entries?: boolean;
  /** A feasibility site of the lead organization (with `eligible`, which records its interest). */
  feasibilitySite?: boolean;
  /** A start-up step in Great Britain (version 1) owned by the lead or the other organization (with `trial`). */
  startupStep?: "lead" | "other";
  /** A component study led by the lead or the other organization (with `trial`). */
  componentStudy?: "lead" | "other";
}

export interface Fixtures {
  ids: Record<Exclude<Persona, "anonymous">, string> & { group: string; leadOrg: string; otherOrg: string };
  /** The session cookie of a persona (none for the anonymous one). */
  cookie(persona: Persona): string | undefined;
  /** The suite's own client address, so the per-client limits of sign-in see it apart from other tests. */
  clientAddress: string;
  group(): Promise<{ id: string; slug: string }>;
  proposal(status: Status, options?: ProposalOptions): Promise<ProposalFixture>;
  comment(): Promise<{ id: string; page: string }>;
  notification(): Promise<string>;
  currentThreshold(): Promise<number>;
  /** The forecast settings as the settings form holds them (percentages and years). */
  currentForecastSettings(): Promise<{ discount: string; warnYears: string; atRisk: string }>;
  /** The start-up targets as the settings form holds them (days, by field name). */
  currentStartupTargets(): Promise<Record<string, string>>;
  /** The usual quorum now: a majority of the member organizations (other suites' calls may have added some). */
  usualQuorum(): Promise<number>;
  demoPersonId(): Promise<string>;
  /** Connects an organization's identity provider (the portal's own settings), whatever was there. */
  connectIdentityProvider(slug: string): Promise<void>;
  /** Another session of a persona's (a second browser), beside the one their cookie carries: its id. */
  otherSession(persona: Exclude<Persona, "anonymous">): Promise<string>;
  /** A fresh person of the lead or the other organization (a member unless told). */
  person(org: "lead" | "other", options?: { role?: "MEMBER" | "DEPUTY" | "REPRESENTATIVE"; active?: boolean }): Promise<string>;
  /** A fresh open invitation into the lead organization, and the token its link carries. */
  invitation(): Promise<{ id: string; token: string }>;
  /** A fresh pending access request to the lead organization. */
  accessRequest(): Promise<string>;
  /** A fresh members-only decision of the group the chair chairs (version 1): its id. */
  decision(): Promise<string>;
  /** A document with one PDF version on the proposal (its page or its trial's): the ids. */
  document(proposalId: string, scope?: "PROPOSAL" | "TRIAL"): Promise<{ documentId: string; versionId: string }>;
}

const HYPOTHESIS = {
  population: "Adults with the rare cancer",
  intervention: "New treatment",
  comparator: "Standard treatment",
  primaryOutcome: "Overall survival",
  noOtherForum: "No other group spans these countries.",
};

export async function makeFixtures(db: PrismaClient): Promise<Fixtures> {
  const run = randomUUID().slice(0, 8);
  const org = (slug: string) => db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  // The lead organization and another one in another country; the chair from a third.
  const [lead, other, third] = await Promise.all([org("nci"), org("cruk"), org("jcog")]);
  const person = async (name: string, extra: { orgId?: string; role?: "MEMBER" | "REPRESENTATIVE"; secretariat?: boolean } = {}) => {
    const user = await db.user.create({
      data: {
        email: `matrix-${name.toLowerCase()}-${run}@example.org`,
        name: `Matrix ${name}`,
        secretariat: extra.secretariat ?? false,
        membership: extra.orgId ? { create: { organizationId: extra.orgId, role: extra.role ?? "MEMBER" } } : undefined,
      },
    });
    return user.id;
  };
  const ids = {
    outsider: await person("Outsider"),
    author: await person("Author", { orgId: lead.id }),
    groupMember: await person("GroupMember", { orgId: other.id }),
    leadRep: await person("LeadRep", { orgId: lead.id, role: "REPRESENTATIVE" }),
    otherRep: await person("OtherRep", { orgId: other.id, role: "REPRESENTATIVE" }),
    chair: await person("Chair", { orgId: third.id }),
    secretariat: await person("Secretariat", { secretariat: true }),
    group: "",
    leadOrg: lead.id,
    otherOrg: other.id,
  };

  let groups = 0;
  const group = async () => {
    groups++;
    const slug = `matrix-${run}-${groups}`;
    return db.expertGroup.create({
      data: {
        slug,
        name: `Matrix group ${run} ${groups}`,
        cancer: `Matrix cancer ${run} ${groups}`,
        incidencePer100k: 1,
        status: "ACTIVE",
        members: {
          create: [
            { userId: ids.chair, role: "CHAIR" },
            { userId: ids.author, role: "MEMBER" },
            { userId: ids.groupMember, role: "MEMBER" },
          ],
        },
      },
      select: { id: true, slug: true },
    });
  };
  ids.group = (await group()).id;

  const cookies = new Map<Persona, string>();
  for (const persona of PERSONAS) {
    if (persona === "anonymous") continue;
    const sessionToken = randomBytes(32).toString("hex");
    await db.session.create({ data: { sessionToken, userId: ids[persona], expires: new Date(Date.now() + 86_400_000) } });
    cookies.set(persona, `next-auth.session-token=${sessionToken}`);
  }

  const proposal = async (status: Status, options: ProposalOptions = {}): Promise<ProposalFixture> => {
    const p = await db.proposal.create({
      data: {
        groupId: ids.group,
        leadOrganizationId: lead.id,
        status,
        title: `Matrix proposal ${run}`,
        ...HYPOTHESIS,
        createdById: ids.author,
        authors: { create: { userId: ids.author } },
        revisions: { create: { number: 1, content: HYPOTHESIS, authorId: ids.author } },
        interests: options.eligible
          ? {
              create: [
                { organizationId: lead.id, level: "LEAD" },
                { organizationId: other.id, level: "PARTICIPATE" },
              ],
            }
          : undefined,
      },
    });
    const fixture: ProposalFixture = { id: p.id, status, version: p.version };
    if (options.feasibilitySite) {
      const site = await db.feasibilitySite.create({
        data: {
          proposalId: p.id,
          organizationId: lead.id,
          name: "Matrix site",
          nameKey: "matrix site",
          patientsSeenPerYear: 10,
          eligibleShare: 50,
          consentShare: 50,
          competingTrials: 0,
          monthsToActivation: 12,
        },
      });
      fixture.feasibilitySiteId = site.id;
    }
    if (status === "VOTING") {
      const vote = await db.vote.create({
        data: options.voteClosed
          ? {
              proposalId: p.id,
              status: "CLOSED",
              closesAt: new Date(Date.now() - 60_000),
              closedAt: new Date(),
              outcome: "PASSED",
              quorum: 2,
            }
          : { proposalId: p.id, closesAt: new Date(Date.now() + 3 * 86_400_000), quorum: 2 },
      });
      fixture.voteId = vote.id;
    }
    if (options.trial) {
      const trial = await db.trial.create({
        data: {
          proposalId: p.id,
          phases: ["PHASE2"],
          registryIds: options.registryId ? { create: { registry: "NCT", value: options.registryId } } : undefined,
        },
        include: { registryIds: true },
      });
      fixture.trialId = trial.id;
      fixture.registryRowId = trial.registryIds[0]?.id;
      if (options.startupStep) {
        const owner = options.startupStep === "lead" ? lead.id : other.id;
        await db.startupStep.create({
          data: { trialId: trial.id, country: "GB", step: "ETHICS", state: "IN_PROGRESS", ownerOrganizationId: owner },
        });
        fixture.startupStep = { country: "GB", step: "ETHICS" };
      }
      if (options.componentStudy) {
        const study = await db.componentStudy.create({
          data: {
            trialId: trial.id,
            name: "Matrix national study",
            countries: ["FR"],
            leadOrganizationId: options.componentStudy === "lead" ? lead.id : other.id,
          },
        });
        fixture.componentStudyId = study.id;
      }
      if (options.entries) {
        const site = await db.trialSite.create({ data: { trialId: trial.id, country: "FR", facility: "Institut Matrice", city: "Paris" } });
        const accrual = await db.accrualUpdate.create({ data: { trialId: trial.id, date: "2026-10-01", total: 7, source: "Matrix" } });
        const applied = await db.trialImport.create({
          data: {
            trialId: trial.id,
            nctId: "NCT00000002",
            replaced: { leadSponsor: null },
            addedSiteIds: [site.id],
            addedRegistryIdIds: [],
          },
        });
        fixture.siteId = site.id;
        fixture.accrualId = accrual.id;
        fixture.importId = applied.id;
      }
    }
    return fixture;
  };

  return {
    ids,
    cookie: (persona) => cookies.get(persona),
    clientAddress: `10.${randomBytes(3).join(".")}`,
    group,
    proposal,
    async comment() {
      const p = await proposal("DRAFT");
      const c = await db.comment.create({
        data: { threadType: "proposal", threadId: p.id, authorId: ids.author, body: "The author's comment" },
      });
      return { id: c.id, page: `/proposals/${p.id}` };
    },
    async notification() {
      const n = await db.notification.create({
        data: { userId: ids.author, kind: "matrix", title: "For the author only", email: "SKIPPED" },
      });
      return n.id;
    },
    async currentThreshold() {
      const row = await db.setting.findUnique({ where: { key: "rareIncidenceThreshold" } });
      return row ? Number(row.value) : 6;
    },
    async currentForecastSettings() {
      const row = await db.setting.findUnique({ where: { key: "accrualForecast" } });
      const value = (row?.value ?? { discount: 0.5, warnYears: 5, atRiskProbability: 0.2 }) as Record<string, number>;
      return {
        discount: String(Math.round(value.discount! * 100)),
        warnYears: String(value.warnYears),
        atRisk: String(Math.round(value.atRiskProbability! * 100)),
      };
    },
    async currentStartupTargets() {
      const row = await db.setting.findUnique({ where: { key: "startupTargets" } });
      const value = (row?.value ?? DEFAULT_STARTUP_TARGETS) as unknown as StartupTargets;
      return {
        ...Object.fromEntries(Object.entries(value.steps).map(([step, days]) => [step, String(days)])),
        phase12Activation: String(value.phase12Activation),
      };
    },
    async usualQuorum() {
      return Math.floor((await db.organization.count()) / 2) + 1;
    },
    async otherSession(persona) {
      const other = await db.session.create({
        data: {
          sessionToken: randomBytes(32).toString("hex"),
          userId: ids[persona],
          expires: new Date(Date.now() + 86_400_000),
          userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
          method: "email",
        },
        select: { id: true },
      });
      return other.id;
    },
    async person(which, options = {}) {
      const active = options.active ?? true;
      const user = await db.user.create({
        data: {
          email: `matrix-person-${randomUUID().slice(0, 12)}@example.org`,
          name: "Matrix Subject",
          active,
          deactivatedAt: active ? null : new Date(),
          deactivationReason: active ? null : "The authorization matrix",
          membership: { create: { organizationId: which === "lead" ? lead.id : other.id, role: options.role ?? "MEMBER" } },
        },
      });
      return user.id;
    },
    async invitation() {
      const token = randomBytes(32).toString("base64url");
      const invitation = await db.invitation.create({
        data: {
          email: `matrix-invited-${randomUUID().slice(0, 12)}@example.org`,
          organizationId: lead.id,
          role: "MEMBER",
          tokenHash: createHash("sha256").update(token).digest("hex"),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return { id: invitation.id, token };
    },
    async accessRequest() {
      const request = await db.accessRequest.create({
        data: {
          organizationId: lead.id,
          email: `matrix-asking-${randomUUID().slice(0, 12)}@example.org`,
          name: "Matrix Asking",
          provider: "oidc-matrix",
          subject: randomUUID(),
        },
      });
      return request.id;
    },
    async decision() {
      const d = await db.decision.create({
        data: {
          kind: "DESIGN_CHANGE",
          title: `Matrix decision ${run}`,
          decidedOn: "2026-11-30",
          rationale: "The matrix's rationale",
          groupId: ids.group,
        },
      });
      return d.id;
    },
    async document(proposalId, scope = "PROPOSAL") {
      const bytes = Buffer.from(minimalPdf(["Matrix document"]));
      const storageKey = randomUUID();
      await db.documentChunk.create({ data: { key: storageKey, index: 0, data: new Uint8Array(bytes) } });
      const doc = await db.document.create({
        data: {
          proposalId,
          scope,
          kind: "PROTOCOL_SYNOPSIS",
          title: `Matrix document ${run}`,
          versions: {
            create: {
              number: 1,
              fileName: "matrix.pdf",
              contentType: "application/pdf",
              size: bytes.length,
              sha256: createHash("sha256").update(bytes).digest("hex"),
              storageKey,
            },
          },
        },
        select: { id: true, versions: { select: { id: true } } },
      });
      return { documentId: doc.id, versionId: doc.versions[0]!.id };
    },
    async demoPersonId() {
      const demo = await db.user.findFirstOrThrow({ where: { demo: true, active: true }, select: { id: true } });
      return demo.id;
    },
    async connectIdentityProvider(slug) {
      const { id } = await org(slug);
      const settings = {
        issuer: `https://login.${slug}.example`,
        clientId: "irci-portal",
        clientSecretEncrypted: sealSecret("matrix-secret", E2E_SECRET),
        emailDomains: [`${slug}.irci.example`],
      };
      await db.identityProvider.upsert({ where: { organizationId: id }, create: { organizationId: id, ...settings }, update: settings });
    },
  };
}

/**
 * What people's actions can change, in one reading: row counts and last changes of the tables they
 * write, the audit trail by people, the settings. Tables the background workers write on their own
 * (mail, notifications as they arrive, jobs) are left out, so a refusal can be checked to have
 * written nothing without racing the workers.
 */
export async function databaseSignature(db: PrismaClient): Promise<Record<string, string>> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`
    select
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "ExpertGroup") as groups,
      (select count(*) || '/' || coalesce(max("createdAt")::text, '') from "GroupMember") as "groupMembers",
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "Proposal") as proposals,
      (select count(*) from "ProposalRevision") as revisions,
      (select count(*) from "ProposalAuthor") as authors,
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "PartnerInterest") as interests,
      (select count(*) from "PartnerInterestRecord") as "interestRecords",
      (select count(*) || '/' || count("closedAt") from "Vote") as votes,
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "Ballot") as ballots,
      (select count(*) || '/' || count("editedAt") || '/' || count("deletedAt") from "Comment") as comments,
      (select count(*) from "CommentRevision") as "commentRevisions",
      (select count(*) from "ProposalFollow") as follows,
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "Trial") as trials,
      (select count(*) || '/' || count("componentStudyId") from "TrialRegistryId") as "registryIds",
      (select count(*) || '/' || coalesce(sum(version), 0) || '/' || md5(coalesce(string_agg(name || coalesce("targetAccrual"::text, ''), ',' order by id), '')) from "ComponentStudy") as "componentStudies",
      (select count(*) || '/' || coalesce(sum(total), 0) || '/' || count("componentStudyId") || '/' || coalesce(string_agg(date, ',' order by id), '') from "AccrualUpdate") as accrual,
      (select count(*) || '/' || md5(coalesce(string_agg(facility || '|' || coalesce(city, '') || '|' || country, ',' order by id), '')) from "TrialSite") as sites,
      (select count(*) || '/' || count("undoneAt") from "TrialImport") as imports,
      (select count(*) || '/' || count(planned) from "TrialMilestone") as milestones,
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "Setting") as settings,
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "EmailPreference") as "emailPreferences",
      (select md5(coalesce(string_agg(id || '=' || "timeZone", ',' order by id), '')) from "User" where "timeZone" is not null) as "ownTimeZones",
      (select count(*) from "Notification" where "readAt" is not null) as "notificationsRead",
      (select count(*) from "Session") as sessions,
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "FeasibilitySite") as "feasibilitySites",
      (select count(*) from "FeasibilitySiteRecord") as "feasibilityRecords",
      (select count(*) || '/' || coalesce(sum(version), 0) || '/' || md5(coalesce(string_agg(country || step::text || state::text || coalesce("blockedReason", ''), ',' order by id), '')) from "StartupStep") as "startupSteps",
      (select count(*) from "StartupStepRecord") as "startupRecords",
      (select count(*) || '/' || count(*) filter (where active) || '/' || count(*) filter (where secretariat) from "User") as people,
      (select md5(coalesce(string_agg("userId" || '=' || role::text, ',' order by "userId"), '')) from "Membership") as "orgRoles",
      (select count(*) || '/' || count("revokedAt") || '/' || count("acceptedAt") from "Invitation") as invitations,
      (select count(*) || '/' || count("decidedAt") from "AccessRequest") as "accessRequests",
      (select count(*) from "Account") as "linkedIdentities",
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "Decision") as decisions,
      (select count(*) || '/' || coalesce(max("updatedAt")::text, '') from "Document") as documents,
      (select count(*) from "DocumentVersion") as "documentVersions",
      (select count(*) from "DocumentChunk") as "documentChunks",
      (select count(*) from "VoteDocument") as "voteDocuments",
      (select count(*) from "AuditEvent" where "actorId" is not null) as "auditByPeople"
  `);
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, String(v)]));
}
