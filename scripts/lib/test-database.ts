// A fresh, empty database for one test run, created and dropped by the tests themselves:
// on the server DATABASE_URL names, else on the local server at 127.0.0.1:5432, else (a machine
// with no PostgreSQL at all) on a throwaway embedded PostgreSQL server, saying so.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startThrowawayServer } from "../../ops/embedded/server";
import { openEngine } from "../../ops/migrate/engine";

export const LOCAL_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  url: string;
  kind: "server" | "embedded";
  drop(): Promise<void>;
}

export async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(label: string, log = console.log): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL ?? LOCAL_SERVER_URL;
  if (await answers(serverUrl)) {
    const name = `irci_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    log(`[${label}] fresh database ${name} on ${new URL(serverUrl).host}`);
    return {
      url: withDatabaseName(serverUrl, name),
      kind: "server",
      async drop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  if (process.env.DATABASE_URL) throw new Error(`DATABASE_URL does not answer: ${new URL(serverUrl).host}`);
  log(`[${label}] no PostgreSQL server on 127.0.0.1:5432: using a throwaway embedded PostgreSQL server instead`);
  const db = await startThrowawayServer();
  return { url: db.url, kind: "embedded", drop: db.stop };
}

export async function migrate(url: string): Promise<void> {
  const engine = await openEngine(url);
  try {
    await engine.deploy();
  } finally {
    await engine.close();
  }
}
