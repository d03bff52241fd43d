// The portal's server entry (ops/server/main.ts) as a process the operations suites start, watch and
// signal themselves: its JSON log lines are read back (the access log, the shutdown lines), its exit
// code and the time it took to stop are measured.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../ops/embedded/server";
import { SERVER_BUNDLE } from "../ops/server/paths";

/** The secret the end-to-end servers sign with (sessions, unsubscribe links): a test value only. */
export const E2E_SECRET = "e2e-only-4c7d1a9f0b3e8265-not-for-production";

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

/**
 * A production server's environment, as every end-to-end server gets it: the build in production
 * mode on `databaseUrl`, on `port`, in demo mode or not, with the suite's own settings on top.
 */
export function serverEnv(port: number, options: { databaseUrl: string; demo: boolean; env?: Record<string, string> }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: "8",
    PORTAL_MODE: options.demo ? "demo" : "production",
    PORTAL_DEMO_ON_SERVER: options.demo ? "true" : "false",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: E2E_SECRET,
    ...options.env,
  };
  // Demo mail goes to the development mailbox unless the suite brings its own SMTP server.
  if (options.demo && !options.env?.EMAIL_SERVER) delete env.EMAIL_SERVER;
  return env;
}

/** Resolves once the server answers its sign-in page; a busy machine may take a while to start it. */
export async function untilServing(
  child: ChildProcess,
  baseURL: string,
  label: string,
  stop: () => Promise<void>,
  output: () => string = () => "",
): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the ${label} server exited with code ${child.exitCode} while starting${output()}`);
    }
    if (
      await fetch(`${baseURL}/signin`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the ${label} server did not answer within 3 minutes${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function launchServer(label: string, options: LaunchOptions): Promise<ServerProcess> {
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const env = serverEnv(port, { ...options, env: { LOG_FORMAT: "json", ...options.env } });
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
  await untilServing(child, baseURL, label, stop, () => `:\n${text.slice(-4000)}`);
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
