// What the benchmark asks of the server: the pages, the two writes (real server actions, encoded
// exactly as the browser encodes them), and the load generator around them (autocannon).
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { BENCH_DRAFTS, BENCH_SESSION, BENCH_VOTE_PROPOSAL } from "./generate";
import type { LoadFigures } from "./report";

export interface Target {
  name: string;
  kind: "baseline" | "page" | "write";
  /** What a person would type or click; for writes, the page the action is posted from. */
  path: string;
  signedIn: boolean;
  /** For writes: builds each request, per connection. */
  write?: WriteRequest;
  /** For pages: the markup of one item the page shows, counted by bench/shown.ts. */
  shown?: RegExp;
}

export interface WriteRequest {
  actionId: string;
  /** The next request's body; `slot` says which record it writes, until `done` gives it back. */
  body(): { body: string; contentType: string; slot: number };
  /** Whether the server said it was saved; frees the slot. */
  done(slot: number, status: number, body: string): boolean;
  /** Before a run: the records' state as stored (a run's last requests are cut off unanswered). */
  prepare?(): Promise<void>;
}

/** The benchmark's session, as a browser holds it (bench/browser.ts sets it in a browser context). */
export const SESSION_COOKIE = { name: "next-auth.session-token", value: BENCH_SESSION } as const;
export const COOKIE = `${SESSION_COOKIE.name}=${SESSION_COOKIE.value}`;

/**
 * The id Next.js gave a server action in this build. The manifest names each action's file as the
 * repository path, route segments and all ("app/proposals/[id]/edit/actions.ts").
 */
export function actionId(root: string, file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === name);
  if (!found) throw new Error(`server action ${name} in ${file} is not in this build`);
  return found[0];
}

/** React's own encoding of the action's arguments, as the browser sends them, made multipart. */
async function encodeArguments(args: unknown[]): Promise<{ body: string; contentType: string }> {
  const { encodeReply } = (await import("next/dist/compiled/react-server-dom-webpack/client.node.js" as string)) as {
    encodeReply(value: unknown): Promise<string | FormData>;
  };
  const encoded = await encodeReply(args);
  if (typeof encoded === "string") return { body: encoded, contentType: "text/plain;charset=UTF-8" };
  const boundary = "----irci-bench-boundary";
  let body = "";
  for (const [name, value] of encoded.entries()) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(value)}\r\n`;
  }
  return { body: `${body}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

/**
 * Saving a draft: each request takes a draft no other request in flight is saving (there is one
 * per connection), with the version its last save gave, so saves never collide.
 */
export async function saveDraft(root: string, databaseUrl: string): Promise<WriteRequest> {
  const id = actionId(root, "app/proposals/[id]/edit/actions.ts", "saveProposalAction");
  const versions = new Map<number, number>();
  const templates = await Promise.all(
    Array.from({ length: BENCH_DRAFTS }, (_, i) =>
      encodeArguments([
        `bench-draft-${i + 1}`,
        { ok: true },
        form({
          version: "__VERSION__",
          title: `Benchmark draft ${i + 1}`,
          population: "Adults with uterine leiomyosarcoma after first-line doxorubicin",
          intervention: "Trabectedin",
          comparator: "Best supportive care",
          primaryOutcome: "Progression-free survival",
          rationale: "A randomised comparison no single country could run alone.",
          phase: "PHASE2",
          randomised: "true",
          sampleSize: "120",
          primaryEndpoint: "Progression-free survival at six months",
          noOtherForum: "",
        }),
      ]),
    ),
  );
  let free: number[] = [];
  return {
    actionId: id,
    async prepare() {
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ id: string; version: number }>(
        `SELECT id, version FROM "Proposal" WHERE id LIKE 'bench-draft-%'`,
      );
      await client.end();
      for (const row of rows) versions.set(Number(row.id.replace("bench-draft-", "")) - 1, row.version);
      free = Array.from({ length: BENCH_DRAFTS }, (_, i) => i);
    },
    body() {
      const slot = free.pop();
      if (slot === undefined) throw new Error("more saves in flight than drafts: raise BENCH_DRAFTS");
      const t = templates[slot]!;
      return { ...t, slot, body: t.body.replace("__VERSION__", String(versions.get(slot) ?? 1)) };
    },
    done(slot, status, body) {
      const ok = status === 200 && body.includes("Saved as revision");
      if (ok) versions.set(slot, (versions.get(slot) ?? 1) + 1);
      free.push(slot);
      return ok;
    },
  };
}

/** Casting (and changing) NCI's ballot on the open vote. */
export async function castBallot(root: string, voteId: string): Promise<WriteRequest> {
  const id = actionId(root, "app/proposals/[id]/vote/actions.ts", "castBallotAction");
  const encoded = await encodeArguments([
    BENCH_VOTE_PROPOSAL,
    voteId,
    { ok: true },
    form({ choice: "APPROVE", rationale: "Benchmark ballot" }),
  ]);
  return {
    actionId: id,
    body: () => ({ ...encoded, slot: 0 }),
    done: (_slot, status, body) => status === 200 && body.includes("ballot is recorded"),
  };
}

/** What a browser sends for the target: the page or an action's answer, and the session cookie. */
function headersFor(target: Target): Record<string, string> {
  return { accept: target.write ? "text/x-component" : "text/html", ...(target.signedIn ? { cookie: COOKIE } : {}) };
}

/** Drives one target with `connections` connections for `seconds`, from this (second) process. */
export async function drive(baseUrl: string, target: Target, seconds: number, connections: number): Promise<LoadFigures> {
  await target.write?.prepare?.();
  let refused = 0;
  const headers = headersFor(target);
  const write = target.write;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    initialContext: {},
    requests: [
      write
        ? {
            method: "POST",
            path: target.path,
            // autocannon keeps `context` from a request's setup to its response.
            setupRequest(request, raw) {
              const context = raw as { slot?: number };
              const { body, contentType, slot } = write.body();
              context.slot = slot;
              return {
                ...request,
                body,
                headers: { ...headers, "content-type": contentType, "next-action": write.actionId, origin: baseUrl },
              };
            },
            onResponse(status, body, raw) {
              const context = raw as { slot?: number };
              if (!write.done(context.slot!, status, body)) refused++;
            },
          }
        : { method: "GET", path: target.path, headers },
    ],
  });
  // A window in which no request finished says only that every request took longer than the
  // window: its latencies are at least that, not the zero autocannon reports.
  const floor = result.requests.total === 0 ? Math.round(result.duration * 1000) : 0;
  return {
    requests: result.requests.total,
    // Over the window's real length: autocannon's average is of whole one-second samples, which in
    // a window of two or three seconds leaves out a good part of it.
    rps: result.requests.total / result.duration,
    p50: Math.max(result.latency.p50, floor),
    p99: Math.max(result.latency.p99, floor),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    refused,
  };
}

/** One request at a time, for the count of SQL statements each costs; returns what it answered. */
export async function once(baseUrl: string, target: Target): Promise<string> {
  const headers = headersFor(target);
  if (!target.write) {
    const response = await fetch(new URL(target.path, baseUrl), { headers, redirect: "manual" });
    if (response.status !== 200) throw new Error(`${target.name}: ${target.path} answered ${response.status}`);
    return response.text();
  }
  await target.write.prepare?.();
  const { body, contentType, slot } = target.write.body();
  const response = await fetch(new URL(target.path, baseUrl), {
    method: "POST",
    headers: { ...headers, "content-type": contentType, "next-action": target.write.actionId, origin: baseUrl },
    body,
  });
  const text = await response.text();
  if (!target.write.done(slot, response.status, text))
    throw new Error(`${target.name}: the server refused the write (${response.status}): ${text.slice(0, 300)}`);
  return text;
}
