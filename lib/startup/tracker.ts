import "server-only";
// A trial's start-up tracker as it is stored and implied: its countries (from its sites, the organizations
// taking part and the countries a keeper added), each step's row if any, who owns it, where days count from.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { countryName } from "@/lib/time";
import type { Prisma } from "@/lib/prisma-client";
import { defaultOwner, startupAnchor, type StartupStep } from "./steps";

/** A tracker holds at most this many countries (a trial in every country of the world fits). */
export const MAX_TRACKER_COUNTRIES = 250;

export async function loadTracker(client: Prisma.TransactionClient | typeof db, trialId: string) {
  const trial = await client.trial.findUnique({
    where: { id: trialId },
    select: {
      id: true,
      proposalId: true,
      phases: true,
      proposal: {
        select: {
          title: true,
          leadOrganizationId: true,
          authors: { select: { userId: true } },
          group: { select: { members: { where: { role: "CHAIR" }, select: { userId: true } } } },
          interests: {
            where: { level: { in: ["LEAD", "PARTICIPATE"] } },
            select: { organizationId: true, level: true, organization: { select: { country: true } } },
          },
          votes: { where: { outcome: "PASSED" }, orderBy: { closedAt: "desc" }, take: 1, select: { closedAt: true } },
        },
      },
      milestones: { where: { kind: "PROTOCOL_APPROVED" }, select: { actual: true } },
      startupSteps: {
        orderBy: [{ country: "asc" }, { step: "asc" }],
        take: MAX_TRACKER_COUNTRIES * 8,
        include: { ownerOrganization: { select: { shortName: true } } },
      },
    },
  });
  if (!trial) throw new AppError("NOT_FOUND", "No such trial.");
  const siteCountries = await client.trialSite.groupBy({ by: ["country"], where: { trialId }, orderBy: { country: "asc" } });
  const p = trial.proposal;
  const context = {
    authorIds: p.authors.map((a) => a.userId),
    leadOrganizationId: p.leadOrganizationId,
    chairIds: p.group.members.map((m) => m.userId),
  };
  const participants = p.interests.map((i) => ({
    organizationId: i.organizationId,
    country: i.organization.country,
    lead: i.level === "LEAD",
  }));
  const countries = [
    ...new Set([
      ...siteCountries.map((s) => s.country).filter((c) => /^[A-Z]{2}$/.test(c)),
      ...participants.map((x) => x.country),
      ...trial.startupSteps.map((s) => s.country),
    ]),
  ]
    .sort((a, b) => countryName(a).localeCompare(countryName(b), "en"))
    .slice(0, MAX_TRACKER_COUNTRIES);
  const anchor = startupAnchor({
    protocolApproved: trial.milestones[0]?.actual ?? null,
    votePassedAt: p.votes[0]?.closedAt ?? null,
    funding: trial.startupSteps
      .filter((s) => s.step === "FUNDING" && s.state === "DONE" && s.actualDate && !s.illustrative)
      .map((s) => ({ date: s.actualDate!, precision: s.actualPrecision })),
  });
  const row = (country: string, step: StartupStep) => trial.startupSteps.find((s) => s.country === country && s.step === step) ?? null;
  const ownerOf = (country: string, step: StartupStep) => {
    const found = row(country, step);
    return found ? found.ownerOrganizationId : defaultOwner(country, participants, p.leadOrganizationId);
  };
  return { trial, context, participants, countries, anchor, row, ownerOf };
}
export type Tracker = Awaited<ReturnType<typeof loadTracker>>;
