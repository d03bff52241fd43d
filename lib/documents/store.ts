import "server-only";
// The document store this instance uses: PostgreSQL, the only one built in (README, Documents, says
// how to add an S3-compatible one: implement DocumentStorage and return it here).
import { db } from "@/lib/db";
import { PostgresDocumentStorage, type DocumentStorage } from "./storage";

let storage: DocumentStorage | null = null;

export function documentStorage(): DocumentStorage {
  return (storage ??= new PostgresDocumentStorage(db));
}
