// Where the bytes of documents live, behind three operations so that another store can replace the
// default. The default keeps them in PostgreSQL, in DocumentChunk rows of CHUNK_BYTES each: a backup
// of the database holds every document, no row is larger than a chunk, and a download reads one
// chunk at a time as the client takes it. An S3-compatible store is the alternative for large
// deployments (README, Documents): implement this interface and choose it in `documentStorage()`.
// No "server-only" and no global client here, so the seed stores its demo files the same way
// (lib/documents/store.ts gives the portal its instance).
import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/prisma-client";

export interface StoredFile {
  /** The key to read or delete it with (kept on the DocumentVersion). */
  key: string;
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

export interface DocumentStorage {
  /** Stores the bytes under a new key; what was written is removed if the source fails. */
  put(source: ReadableStream<Uint8Array>): Promise<StoredFile>;
  /** The bytes, read as the consumer pulls them; null when nothing is stored under the key. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  delete(key: string): Promise<void>;
}

/** 1 MiB: a chunk is one row, one round trip, and all a download holds in memory at a time. */
export const CHUNK_BYTES = 1024 * 1024;

/** Cuts a stream of arbitrary pieces into chunks of exactly `size` bytes (the last one shorter). */
export async function* rechunk(source: ReadableStream<Uint8Array>, size: number): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let buffer = new Uint8Array(size);
  let filled = 0;
  const reader = source.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let offset = 0;
      while (offset < value.length) {
        const take = Math.min(size - filled, value.length - offset);
        buffer.set(value.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === size) {
          yield buffer;
          buffer = new Uint8Array(size);
          filled = 0;
        }
      }
    }
    if (filled > 0) yield buffer.subarray(0, filled);
  } finally {
    reader.releaseLock();
  }
}

type ChunkClient = Pick<PrismaClient, "documentChunk">;

export class PostgresDocumentStorage implements DocumentStorage {
  constructor(
    private readonly client: ChunkClient,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  async put(source: ReadableStream<Uint8Array>): Promise<StoredFile> {
    const key = randomUUID();
    const hash = createHash("sha256");
    let size = 0;
    let index = 0;
    try {
      for await (const chunk of rechunk(source, this.chunkBytes)) {
        hash.update(chunk);
        size += chunk.length;
        await this.client.documentChunk.create({ data: { key, index: index++, data: chunk } });
      }
    } catch (error) {
      await this.delete(key).catch(() => undefined);
      throw error;
    }
    return { key, size, sha256: hash.digest("hex") };
  }

  async get(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const first = await this.client.documentChunk.findUnique({ where: { key_index: { key, index: 0 } }, select: { data: true } });
    if (!first) return null;
    const client = this.client;
    let index = 0;
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const row =
            index === 0 ? first : await client.documentChunk.findUnique({ where: { key_index: { key, index } }, select: { data: true } });
          index++;
          if (row) controller.enqueue(new Uint8Array(row.data));
          else controller.close();
        },
      },
      // One chunk ahead at most: the next row is read only when the client has taken the last.
      { highWaterMark: 0 },
    );
  }

  async delete(key: string): Promise<void> {
    await this.client.documentChunk.deleteMany({ where: { key } });
  }
}
