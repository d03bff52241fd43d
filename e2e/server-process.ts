// The portal's server entry (ops/server/main.ts) as a process the operations suites start, watch and
// signal themselves: its JSON log lines are read back (the access log, the shutdown lines), its exit
// code and the time it took to stop are measured.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../ops/embedded/server";
import { SERVER_BUNDLE } from "../ops/server/paths";
import { E2E_SECRET } from "./portal";

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface ServerProcess {
  baseURL: string;
  child: ChildProcess;
  /** Every JSON line it printed so far (other output is kept in `text`). */
  lines(): LogLine[];
  text(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGTERM unless it already exited; resolves when it has. */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  databaseUrl: string;
  demo: boolean;
  /** The folder it runs in: the project root, or the image's layout. */
  cwd?: string;
  script?: string;
  env?: Record<string, string>;
}

export async function launchServer(label: string, options: LaunchOptions): Promise<ServerProcess> {
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: "8",
    PORTAL_MODE: options.demo ? "demo" : "production",
    PORTAL_DEMO_ON_SERVER: options.demo ? "true" : "false",
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: E2E_SECRET,
    LOG_FORMAT: "json",
    ...options.env,
  };
  // Demo mail goes to the development mailbox unless the suite brings its own SMTP server.
  if (options.demo && !options.env?.EMAIL_SERVER) delete env.EMAIL_SERVER;
  const child = spawn(process.execPath, [options.script ?? SERVER_BUNDLE], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const parsed: LogLine[] = [];
  let partial = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    text += chunk.toString();
    partial += chunk.toString();
    const complete = partial.split("\n");
    partial = complete.pop() ?? "";
    for (const line of complete) {
      if (!line.startsWith("{")) continue;
      try {
        parsed.push(JSON.parse(line) as LogLine);
      } catch {
        // Not one of ours.
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the ${label} server exited with code ${child.exitCode} while starting:\n${text.slice(-4000)}`);
    if (
      await fetch(`${baseURL}/signin`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the ${label} server did not answer within 3 minutes:\n${text.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseURL, child, lines: () => [...parsed], text: () => text, exited, stop };
}

/** Signs a demo person in as the demo page's form does; returns the session cookie. */
export async function demoSession(baseURL: string, userId: string): Promise<string> {
  const form = await fetch(`${baseURL}/demo/sign-in`, {
    method: "POST",
    headers: { origin: baseURL, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ userId, callbackUrl: "/dashboard" }),
    redirect: "manual",
  });
  if (form.status !== 303) throw new Error(`demo sign-in answered ${form.status}`);
  const callback = await fetch(new URL(form.headers.get("location")!, baseURL), { redirect: "manual" });
  const cookie = callback.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!cookie) throw new Error("demo sign-in set no session cookie");
  return cookie.split(";")[0]!;
}
