import type { TestProject } from "vitest/node";
import { createTestDatabase, migrate, type TestDatabase } from "../../scripts/lib/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "server" | "embedded";
  }
}

let database: TestDatabase | undefined;

export async function setup(project: TestProject) {
  database = await createTestDatabase("integration");
  await migrate(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
}

export async function teardown() {
  await database?.drop();
}
