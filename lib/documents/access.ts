import "server-only";
// Who may upload a proposal's documents, read from the proposal (never from the request), before the
// server reads a byte of the file.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import { assertAllowed } from "@/lib/authz/rules";
import type { Actor } from "@/lib/authz/policy";
import { requireKey } from "@/lib/validation";

/** The proposal, if the actor may upload its documents (rule document.upload); else refused. */
export async function authorizeUpload(actor: Actor | null, proposalId: unknown) {
  const id = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  const proposal = await db.proposal.findUnique({
    where: { id },
    select: {
      id: true,
      groupId: true,
      leadOrganizationId: true,
      authors: { select: { userId: true } },
      group: { select: { members: { where: { role: "CHAIR" }, select: { userId: true } } } },
      trial: { select: { id: true } },
    },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  assertAllowed(actor, "document.upload", {
    authorIds: proposal.authors.map((a) => a.userId),
    leadOrganizationId: proposal.leadOrganizationId,
    chairIds: proposal.group.members.map((m) => m.userId),
  });
  return { uploader: actor, proposal };
}
