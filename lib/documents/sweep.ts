// Files whose version never came to be are swept away. A file's chunks are written before its version
// row (lib/documents/mutations.ts), and the upload removes them if that row cannot be saved; but a
// process killed between the two, a failed removal, or a proposal deleted with its versions leaves
// chunks that nothing refers to. Once they are older than any upload could take, they are deleted.
import type { PrismaClient } from "@/lib/prisma-client";

/** Far longer than a 50 MB upload takes on the slowest link: a file being stored is never swept. */
export const ORPHAN_AGE_MS = 6 * 60 * 60 * 1000;

/** Deletes the chunks no document version refers to, written before `now - ageMs`; returns how many. */
export async function purgeOrphanChunks(db: Pick<PrismaClient, "$executeRaw">, now = new Date(), ageMs = ORPHAN_AGE_MS): Promise<number> {
  const cutoff = new Date(now.getTime() - ageMs);
  return db.$executeRaw`
    DELETE FROM "DocumentChunk" c
    WHERE c."createdAt" < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM "DocumentVersion" v WHERE v."storageKey" = c."key")`;
}
