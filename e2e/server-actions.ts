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

export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(BUILD, "server-reference-manifest.json"), "utf8")) as ReferenceManifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    if (!entry.filename || !entry.exportedName) throw new Error(`The build's manifest does not name action ${id}`);
    const pages = Object.keys(entry.workers).map((worker) => worker.replace(/^app/, "").replace(/\/page$/, "") || "/");
    return { id, key: `${entry.filename}#${entry.exportedName}`, pages };
  });
}

/** Every route handler of the build, as app paths ("/api/export/[file]"). */
export function builtRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(BUILD, "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((p) => p.endsWith("/route"))
    .map((p) => p.replace(/\/route$/, ""))
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
}

/** The action's return value in a Flight response: row 0 points at it ("a":"$@N"). */
function answerOf(body: string): Answer | null {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const root = rows.get("0");
  if (!root) return null;
  const pointer = (JSON.parse(root) as { a?: string }).a;
  const row = typeof pointer === "string" && pointer.startsWith("$@") ? rows.get(pointer.slice(2)) : undefined;
  if (!row) return null;
  const answer = JSON.parse(row) as unknown;
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
  const text = await response.text();
  if (response.headers.get("x-action-redirect")) return { kind: "ok", status: response.status };
  if (response.status !== 200 || !(response.headers.get("content-type") ?? "").startsWith("text/x-component")) {
    return { kind: "broken", status: response.status, body: text.slice(0, 500) };
  }
  let answer: Answer | null;
  try {
    answer = answerOf(text);
  } catch {
    answer = null;
  }
  if (!answer || typeof answer.ok !== "boolean") return { kind: "broken", status: response.status, body: text.slice(0, 500) };
  const message = typeof answer.message === "string" ? answer.message : "";
  if (answer.ok) return { kind: "ok", status: response.status, message };
  // The sign-in form answers { ok: false, field, message } with no code: a refusal on the field.
  const code = typeof answer.code === "string" ? answer.code : "INVALID";
  return { kind: "refused", status: response.status, code, message, fields: answer.fields };
}

/** A form's fields as the browser's FormData. */
export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}
