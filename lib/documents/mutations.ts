import "server-only";
// Uploading a document, or a new version of one. The file is checked (size, type from its bytes,
// name made safe), stored, then its version is written with the audit event in one transaction.
// Version numbers are settled by the database: the document's row is locked while the next number is
// taken, and the unique (document, number) key refuses a duplicate should anything slip past.
import { db } from "@/lib/db";
import { ValidationError, fieldErrors } from "@/lib/errors";
import { audit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/policy";
import { isUniqueViolation } from "@/lib/retry";
import { authorizeUpload } from "./access";
import { sanitizeFileName } from "./file-name";
import { MAX_DOCUMENT_BYTES } from "./kinds";
import { ZNewDocument, ZNewVersion, ZStudyId } from "./schema";
import { sniffFile } from "./sniff";
import { documentStorage } from "./store";

export interface UploadInput {
  /** A document's id for a new version of it; empty or missing for a new document. */
  documentId?: unknown;
  scope?: unknown;
  /** For a trial's document: the component study it belongs to (empty: the whole trial). */
  componentStudyId?: unknown;
  kind?: unknown;
  title?: unknown;
  changeNote?: unknown;
  /** The file, as a multipart body gives it (a File; anything else is refused on the field). */
  file: unknown;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The document this version is for, or the new document's fields; refused on the fields they came from. */
async function target(proposalId: string, trialId: string | null, input: UploadInput) {
  const documentId = str(input.documentId) ?? "";
  if (documentId) {
    const parsed = ZNewVersion.safeParse({ documentId, changeNote: str(input.changeNote) ?? "" });
    if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
    const doc = await db.document.findUnique({
      where: { id: parsed.data.documentId },
      select: { id: true, proposalId: true, scope: true, kind: true, title: true },
    });
    // Another proposal's document is as good as none: the id came from the browser.
    if (!doc || doc.proposalId !== proposalId) throw new ValidationError({ documentId: "Choose the document this is a new version of." });
    return { existing: doc, changeNote: parsed.data.changeNote };
  }
  const parsed = ZNewDocument.safeParse({
    scope: str(input.scope) ?? "",
    kind: str(input.kind) ?? "",
    title: str(input.title) ?? "",
    changeNote: str(input.changeNote) ?? "",
  });
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const { scope, ...fresh } = parsed.data;
  if (scope !== "PROPOSAL" && !trialId) throw new ValidationError({ scope: "This proposal has no trial record yet." });
  const studyRaw = str(input.componentStudyId) ?? "";
  if (!studyRaw && scope !== "STUDY") return { fresh: { ...fresh, scope, componentStudyId: null }, changeNote: fresh.changeNote };
  if (scope === "PROPOSAL")
    throw new ValidationError({ componentStudyId: "A proposal's document belongs to no study: upload it on the trial page." });
  // Only a study of this proposal's own trial: the id came from the browser.
  const id = ZStudyId.safeParse(studyRaw);
  const study = id.success ? await db.componentStudy.findFirst({ where: { id: id.data, trialId: trialId! }, select: { id: true } }) : null;
  if (!study) throw new ValidationError({ componentStudyId: "Choose one of this trial's component studies." });
  return { fresh: { ...fresh, scope: "STUDY" as const, componentStudyId: study.id }, changeNote: fresh.changeNote };
}

async function checkedFile(file: unknown) {
  if (!(file instanceof File) || file.size === 0) throw new ValidationError({ file: "Choose a file to upload." });
  if (file.size > MAX_DOCUMENT_BYTES) throw new ValidationError({ file: "The file is larger than 50 MB." });
  const fileName = sanitizeFileName(file.name);
  const sniffed = await sniffFile(fileName, file);
  if (!sniffed.ok) throw new ValidationError({ file: sniffed.message });
  return { file, fileName, contentType: sniffed.type.contentType };
}

export async function uploadDocument(actor: Actor | null, proposalId: unknown, input: UploadInput) {
  const { uploader, proposal } = await authorizeUpload(actor, proposalId);
  const what = await target(proposal.id, proposal.trial?.id ?? null, input);
  const { file, fileName, contentType } = await checkedFile(input.file);
  const storage = documentStorage();
  const stored = await storage.put(file.stream());
  const write = () =>
    db.$transaction(async (tx) => {
      let documentId: string;
      let number = 1;
      let title: string;
      if ("existing" in what && what.existing) {
        documentId = what.existing.id;
        title = what.existing.title;
        // The document's row is held until this transaction ends: uploads of the same document take turns.
        await tx.$queryRaw`SELECT "id" FROM "Document" WHERE "id" = ${documentId} FOR UPDATE`;
        const last = await tx.documentVersion.aggregate({ where: { documentId }, _max: { number: true } });
        number = (last._max.number ?? 0) + 1;
        await tx.document.update({ where: { id: documentId }, data: { updatedAt: new Date() } });
      } else {
        const fresh = what.fresh!;
        title = fresh.title;
        const created = await tx.document.create({
          data: {
            proposalId: proposal.id,
            scope: fresh.scope,
            componentStudyId: fresh.componentStudyId,
            kind: fresh.kind,
            title,
            createdById: uploader.userId,
          },
        });
        documentId = created.id;
      }
      const version = await tx.documentVersion.create({
        data: {
          documentId,
          number,
          fileName,
          contentType,
          size: stored.size,
          sha256: stored.sha256,
          changeNote: what.changeNote,
          storageKey: stored.key,
          uploadedById: uploader.userId,
        },
      });
      await audit(tx, {
        actorId: uploader.userId,
        action: "document.uploaded",
        entityType: "proposal",
        entityId: proposal.id,
        groupId: proposal.groupId,
        data: { documentId, versionId: version.id, number, title, fileName, size: stored.size, sha256: stored.sha256 },
      });
      return { documentId, versionId: version.id, number, title };
    });
  try {
    try {
      return await write();
    } catch (error) {
      // Only a race the row lock did not cover (two first versions cannot race: each makes its own document).
      if (isUniqueViolation(error)) return await write();
      throw error;
    }
  } catch (error) {
    await storage.delete(stored.key).catch(() => undefined);
    throw error;
  }
}

/** What the person is told after an upload. */
export function uploadedMessage(result: { number: number; title: string }): string {
  return result.number === 1 ? `"${result.title}" is uploaded as version 1.` : `Version ${result.number} of "${result.title}" is uploaded.`;
}
