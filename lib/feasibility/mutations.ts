import "server-only";
// Adding, editing and removing an organization's feasibility sites on a proposal. Each change, in
// one transaction: the site, a history record of the version it made, the audit event, and the
// organization's pledge (PartnerInterest) recomputed as the sum over its sites, with an interest
// record when the pledge changed. Only while interest can be recorded (before the vote), by the
// representative or a deputy of the site's organization.
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import { assertAllowed } from "@/lib/authz/rules";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/prisma-client";
import { isUniqueViolation } from "@/lib/retry";
import { requireKey } from "@/lib/validation";
import { INTEREST_OPEN_STATUSES, STATUS_PHRASE } from "@/lib/proposals/workflow";
import { pledgeFromSites, sitePatientsPerYear } from "./estimate";
import { ZFeasibilitySite, ZVersion, nameKey, type FeasibilitySiteInput } from "./schema";

type Tx = Prisma.TransactionClient;
type Change = "ADDED" | "EDITED" | "REMOVED";
/** A version of a site as its history keeps it. */
type Snapshot = FeasibilitySiteInput & { id: string; proposalId: string; organizationId: string; version: number };

function snapshotOf(row: Snapshot): Snapshot {
  return {
    id: row.id,
    proposalId: row.proposalId,
    organizationId: row.organizationId,
    version: row.version,
    name: row.name,
    city: row.city,
    country: row.country,
    patientsSeenPerYear: row.patientsSeenPerYear,
    eligibleShare: row.eligibleShare,
    consentShare: row.consentShare,
    competingTrials: row.competingTrials,
    monthsToActivation: row.monthsToActivation,
    capabilities: [...row.capabilities],
    note: row.note,
  };
}

const DUPLICATE = { name: "Your organization already has a site of this name on this proposal: edit that one, or name this one apart." };
const STALE =
  "Someone else changed or removed this site after you opened the page. What you typed is still in the form: reload to see the site as it is now, then apply your changes again.";

function parse(raw: unknown): FeasibilitySiteInput {
  const parsed = ZFeasibilitySite.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}

function parseVersion(raw: unknown): number {
  const parsed = ZVersion.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "This form is out of date: reload the page, then apply your changes again.");
  return parsed.data;
}

/** Interest is open only before the vote: checked before the work, and again under a lock inside it. */
async function openProposal(proposalId: string) {
  const proposal = await db.proposal.findUnique({ where: { id: proposalId }, select: { id: true, status: true } });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  if (!INTEREST_OPEN_STATUSES.includes(proposal.status)) {
    throw new AppError("CONFLICT", `Sites are attached before the vote; this proposal is ${STATUS_PHRASE[proposal.status]}.`);
  }
}

/**
 * Inside the transaction: the proposal still open (a vote opening now waits or makes this refused)
 * and the organization's interest row locked, so that changes to its sites are summed one at a time.
 */
async function lockInterest(tx: Tx, proposalId: string, organizationId: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "Proposal" WHERE "id" = ${proposalId} FOR SHARE`;
  if (!row || !(INTEREST_OPEN_STATUSES as readonly string[]).includes(row.status)) {
    throw new AppError("CONFLICT", "The proposal went to a vote a moment ago: its sites can no longer be changed.");
  }
  const [interest] = await tx.$queryRaw<{ level: string }[]>`
    SELECT "level"::text AS "level" FROM "PartnerInterest"
    WHERE "proposalId" = ${proposalId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  return interest ?? null;
}

/** The history record, the audit event and the pledge recomputed: what every change writes besides the site. */
async function recordChange(tx: Tx, actor: Actor, action: string, change: Change, site: Snapshot) {
  const { id, proposalId, organizationId, version, ...figures } = snapshotOf(site);
  await tx.feasibilitySiteRecord.create({
    data: { siteId: id, proposalId, organizationId, change, version, ...figures, recordedById: actor.userId },
  });
  const sites = await tx.feasibilitySite.findMany({
    where: { proposalId, organizationId },
    select: { patientsSeenPerYear: true, eligibleShare: true, consentShare: true, competingTrials: true },
  });
  const pledge = pledgeFromSites(sites);
  // No sites left: the pledge goes back to "not given", for the representative to fill in by hand.
  const expectedSites = pledge.sites > 0 ? pledge.sites : null;
  const expectedPatientsPerYear = pledge.sites > 0 ? pledge.wholePatients : null;
  const interest = await tx.partnerInterest.findUnique({ where: { proposalId_organizationId: { proposalId, organizationId } } });
  let pledgeChanged = false;
  if (interest && (interest.expectedSites !== expectedSites || interest.expectedPatientsPerYear !== expectedPatientsPerYear)) {
    pledgeChanged = true;
    const data = { level: interest.level, expectedSites, expectedPatientsPerYear, note: interest.note, recordedById: actor.userId };
    await tx.partnerInterest.update({ where: { id: interest.id }, data });
    await tx.partnerInterestRecord.create({ data: { proposalId, organizationId, ...data } });
  }
  await audit(tx, {
    actorId: actor.userId,
    action,
    entityType: "proposal",
    entityId: proposalId,
    organizationId,
    data: {
      siteId: id,
      name: figures.name,
      version,
      expectedPerYear: sitePatientsPerYear(figures),
      pledge: { sites: pledge.sites, patientsPerYear: pledge.patientsPerYear },
      pledgeChanged,
    },
  });
  return { pledge };
}

/** Adds a site for the actor's own organization: taken from the session, never from the form. */
export async function addFeasibilitySite(actor: Actor | null, proposalId: string, raw: unknown) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "interest.record");
  const organizationId = actor.organizationId;
  if (!organizationId) throw new AppError("FORBIDDEN", "Only an organization's representative or deputy can attach its sites.");
  assertAllowed(actor, "feasibility.edit", { organizationId });
  const input = parse(raw);
  await openProposal(proposalId);
  try {
    return await db.$transaction(async (tx) => {
      const interest = await lockInterest(tx, proposalId, organizationId);
      if (!interest || interest.level === "DECLINED") {
        throw new AppError(
          "CONFLICT",
          "Record your organization's interest first (lead, participate or interested): its sites are attached to that interest.",
        );
      }
      const site = await tx.feasibilitySite.create({
        data: { proposalId, organizationId, ...input, nameKey: nameKey(input.name), updatedById: actor.userId },
      });
      const { pledge } = await recordChange(tx, actor, "feasibility.site_added", "ADDED", site);
      return { site, pledge };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError(DUPLICATE);
    throw error;
  }
}

/** The site named, on the proposal named, if the actor acts for its organization (else refused). */
async function loadOwnSite(actor: Actor | null, proposalId: string, siteId: string) {
  proposalId = requireKey(proposalId, "proposal");
  siteId = requireKey(siteId, "site");
  assertCan(actor, "interest.record");
  const site = await db.feasibilitySite.findFirst({ where: { id: siteId, proposalId }, select: { id: true, organizationId: true } });
  if (!site) throw new AppError("NOT_FOUND", "No such site: someone may have removed it. Reload the page.");
  assertAllowed(actor, "feasibility.edit", { organizationId: site.organizationId });
  await openProposal(proposalId);
  return { actor, proposalId, siteId, organizationId: site.organizationId };
}

/** Edits a site, guarded by the version the form was loaded with: a stale edit is refused, not applied. */
export async function editFeasibilitySite(actor: Actor | null, proposalId: string, siteId: string, raw: unknown, rawVersion: unknown) {
  const own = await loadOwnSite(actor, proposalId, siteId);
  const version = parseVersion(rawVersion);
  const input = parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      await lockInterest(tx, own.proposalId, own.organizationId);
      const { count } = await tx.feasibilitySite.updateMany({
        where: { id: own.siteId, version },
        data: { ...input, nameKey: nameKey(input.name), updatedById: own.actor.userId, version: { increment: 1 } },
      });
      if (count === 0) throw new AppError("CONFLICT", STALE);
      const site = { ...input, id: own.siteId, proposalId: own.proposalId, organizationId: own.organizationId, version: version + 1 };
      const { pledge } = await recordChange(tx, own.actor, "feasibility.site_edited", "EDITED", site);
      return { site, pledge };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError(DUPLICATE);
    throw error;
  }
}

/** Removes a site (its history stays), guarded by the version the page showed. */
export async function removeFeasibilitySite(actor: Actor | null, proposalId: string, siteId: string, rawVersion: unknown) {
  const own = await loadOwnSite(actor, proposalId, siteId);
  const version = parseVersion(rawVersion);
  return db.$transaction(async (tx) => {
    await lockInterest(tx, own.proposalId, own.organizationId);
    const site = await tx.feasibilitySite.findFirst({ where: { id: own.siteId, version } });
    if (!site) throw new AppError("CONFLICT", STALE);
    const { count } = await tx.feasibilitySite.deleteMany({ where: { id: own.siteId, version } });
    if (count === 0) throw new AppError("CONFLICT", STALE);
    const { pledge } = await recordChange(tx, own.actor, "feasibility.site_removed", "REMOVED", site);
    return { pledge };
  });
}
