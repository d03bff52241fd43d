// Server actions and route handlers as the production build knows them, and a caller that sends
// an action exactly as the browser does: React's own reply encoding, the Next-Action header, the
// Origin of this site, the session cookie. Used by the authorization matrix and the bad-input suite,
// so that an action added to the portal is found here without anyone listing it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.edge";

const BUILD = path.join(__dirname, "..", ".next", "server");

export interface BuiltAction {
  id: string;
  /** "app/proposals/actions.ts#saveProposalAction": how the tables below name it. */
  key: string;
  /** The pages that can run it, as app paths ("/proposals/[id]"). */
  pages: string[];
}

interface ReferenceManifest {
  node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
}

/** A manifest of the build, read once per test process. */
const manifests = new Map<string, unknown>();
function manifest<T>(name: string): T {
  if (!manifests.has(name)) manifests.set(name, JSON.parse(readFileSync(path.join(BUILD, name), "utf8")));
  return manifests.get(name) as T;
}

export function builtActions(): BuiltAction[] {
  const references = manifest<ReferenceManifest>("server-reference-manifest.json");
  return Object.entries(references.node).map(([id, entry]) => {
    if (!entry.filename || !entry.exportedName) throw new Error(`The build's manifest does not name action ${id}`);
    const pages = Object.keys(entry.workers).map((worker) => worker.replace(/^app/, "").replace(/\/page$/, "") || "/");
    return { id, key: `${entry.filename}#${entry.exportedName}`, pages };
  });
}

/** Every route handler of the build, as app paths ("/api/export/[file]"). */
export function builtRoutes(): string[] {
  return Object.keys(manifest<Record<string, string>>("app-paths-manifest.json"))
    .filter((p) => p.endsWith("/route"))
    .map((p) => p.replace(/\/route$/, ""))
    .sort();
}

/** Every page of the build, as app paths ("/proposals/[id]"). */
export function builtPages(): string[] {
  return Object.keys(manifest<Record<string, string>>("app-paths-manifest.json"))
    .filter((p) => p.endsWith("/page") && !p.startsWith("/_"))
    .map((p) => p.replace(/\/page$/, "") || "/")
    .sort();
}

export type Outcome =
  /** The action ran and answered ok (or redirected, as creating something does). */
  | { kind: "ok"; status: number; message?: string }
  /** It answered with a refusal: the code says why, the message is what the person reads. */
  | { kind: "refused"; status: number; code: string; message: string; fields?: Record<string, string> }
  /** Anything else: an error page, a 5xx, a payload that is not an answer. */
  | { kind: "broken"; status: number; body: string };

interface Answer {
  ok?: unknown;
  code?: unknown;
  message?: unknown;
  fields?: Record<string, string>;
  field?: unknown;
}

class TextRow {
  constructor(readonly text: string) {}
}

/**
 * The rows of a Flight response: "id:json\n", or "id:T<hex byte length>,<text>" for long text
 * (which may hold line breaks). Read as bytes, since the length counts bytes.
 */
function flightRows(body: Buffer): Map<string, unknown> {
  const rows = new Map<string, unknown>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = body.toString("utf8", at, colon);
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const length = parseInt(body.toString("utf8", colon + 2, comma), 16);
      rows.set(id, new TextRow(body.toString("utf8", comma + 1, comma + 1 + length)));
      at = comma + 1 + length;
      continue;
    }
    const end = body.indexOf(0x0a, colon);
    const line = body.toString("utf8", colon + 1, end < 0 ? body.length : end);
    try {
      rows.set(id, JSON.parse(line));
    } catch {
      rows.set(id, undefined);
    }
    at = end < 0 ? body.length : end + 1;
  }
  return rows;
}

/** Strings starting with "$" refer to other rows ("$1f", "$@1f" for a promise); "$$" is a plain "$". */
function resolve(value: unknown, rows: Map<string, unknown>, depth = 0): unknown {
  if (depth > 20) return value;
  if (typeof value === "string" && value.startsWith("$")) {
    if (value.startsWith("$$")) return value.slice(1);
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref) {
      const row = rows.get(ref[1]!);
      if (row instanceof TextRow) return row.text;
      return resolve(row, rows, depth + 1);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, rows, depth + 1));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, rows, depth + 1)]));
  return value;
}

/** The action's return value in a Flight response: row 0 points at it ("a":"$@N"). */
function answerOf(body: Buffer): Answer | null {
  const rows = flightRows(body);
  const root = rows.get("0") as { a?: unknown } | undefined;
  if (!root || typeof root.a !== "string") return null;
  const answer = resolve(root.a, rows);
  return answer && typeof answer === "object" ? (answer as Answer) : null;
}

export interface ActionCall {
  baseURL: string;
  actionId: string;
  /** The page the form is on: the action runs in that page's context. */
  page: string;
  /** The arguments as the browser sends them: bound ones first, then the form's state and data. */
  args: unknown[];
  cookie?: string;
  /** Sent as X-Forwarded-For, as the load balancer would: each suite is its own client for the limits. */
  clientAddress?: string;
}

export async function callAction({ baseURL, actionId, page, args, cookie, clientAddress }: ActionCall): Promise<Outcome> {
  const body = await encodeReply(args);
  const headers: Record<string, string> = { "next-action": actionId, origin: baseURL, accept: "text/x-component" };
  if (typeof body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
  if (cookie) headers.cookie = cookie;
  if (clientAddress) headers["x-forwarded-for"] = clientAddress;
  const response = await fetch(new URL(page, baseURL), { method: "POST", headers, body, redirect: "manual" });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8", 0, 2000);
  if (response.headers.get("x-action-redirect")) return { kind: "ok", status: response.status };
  if (response.status !== 200 || !(response.headers.get("content-type") ?? "").startsWith("text/x-component")) {
    return { kind: "broken", status: response.status, body: text.slice(0, 500) };
  }
  let answer: Answer | null;
  try {
    answer = answerOf(bytes);
  } catch {
    answer = null;
  }
  if (!answer || typeof answer.ok !== "boolean") return { kind: "broken", status: response.status, body: text.slice(0, 500) };
  const message = typeof answer.message === "string" ? answer.message : "";
  if (answer.ok) return { kind: "ok", status: response.status, message };
  // The sign-in form answers { ok: false, field?, message } with no code: a refusal, on the field if named.
  const code = typeof answer.code === "string" ? answer.code : "INVALID";
  const fields = answer.fields ?? (typeof answer.field === "string" ? { [answer.field]: message } : undefined);
  return { kind: "refused", status: response.status, code, message, fields };
}

/** A form's fields as the browser's FormData. */
export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

export function describeOutcome(o: Outcome): string {
  if (o.kind === "ok") return "ok";
  if (o.kind === "refused") return `${o.code} (${o.message}${o.fields ? ` ${JSON.stringify(o.fields)}` : ""})`;
  return `HTTP ${o.status}: ${o.body.slice(0, 200)}`;
}

/** Does an app path with [params] ("/proposals/[id]") match a concrete path? */
export function pageMatches(appPath: string, concrete: string): boolean {
  const pattern = new RegExp(`^${appPath.replace(/\[\.\.\.[^\]]+\]/g, ".+").replace(/\[[^\]]+\]/g, "[^/]+")}$`);
  return pattern.test(concrete);
}
