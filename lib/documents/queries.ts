import "server-only";
// Reading documents follows reading the proposal they belong to: anyone who may read it may read and
// download every version.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import type { DocumentScope } from "@/lib/generated/prisma/enums";
import { requireKey } from "@/lib/validation";
import { DOCUMENTS_SHOWN, VERSIONS_SHOWN } from "./kinds";
import { shared } from "@/lib/shared-cache";
import { PROPOSAL_CACHE_TTL_MS, proposalCacheKey } from "@/lib/proposals/page-cache";

/** A version as the pages show it (and the vote panel and the register name it). */
export const versionSummary = {
  id: true,
  number: true,
  fileName: true,
  contentType: true,
  size: true,
  changeNote: true,
  uploadedAt: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.DocumentVersionSelect;

/** A version named by a vote or a decision: with its document's title and kind. */
export const namedVersion = {
  id: true,
  number: true,
  fileName: true,
  contentType: true,
  uploadedAt: true,
  document: { select: { title: true, kind: true } },
} satisfies Prisma.DocumentVersionSelect;

/**
 * A proposal's documents on one page, latest first, each with its versions (newest first): one statement.
 * The trial page's are the whole trial's and its component studies' (each named with its study).
 */
export async function listDocuments(actor: Actor | null, proposalId: string, page: Exclude<DocumentScope, "STUDY">) {
  const id = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  // The proposal page's list is read once for all its readers (lib/proposals/page-cache.ts).
  return page === "PROPOSAL"
    ? shared(proposalCacheKey(id, "documents"), PROPOSAL_CACHE_TTL_MS, () => readDocuments(id, page))
    : readDocuments(id, page);
}

function readDocuments(proposalId: string, page: Exclude<DocumentScope, "STUDY">) {
  return db.document.findMany({
    where: { proposalId, scope: page === "TRIAL" ? { in: ["TRIAL", "STUDY"] } : page },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: DOCUMENTS_SHOWN,
    select: {
      id: true,
      kind: true,
      title: true,
      componentStudy: { select: { name: true } },
      versions: { orderBy: { number: "desc" }, take: VERSIONS_SHOWN, select: versionSummary },
    },
  });
}
export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>[number];

/** A version to download: its stored bytes' key and how to name them. Not found when it does not exist. */
export async function versionForDownload(actor: Actor | null, versionId: unknown) {
  const id = requireKey(versionId, "document version");
  assertCan(actor, "proposal.view");
  const version = await db.documentVersion.findUnique({
    where: { id },
    select: { id: true, fileName: true, contentType: true, size: true, sha256: true, storageKey: true },
  });
  if (!version) throw new AppError("NOT_FOUND", "No such document version.");
  return version;
}
