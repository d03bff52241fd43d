// An instance stopped the two ways it happens in production.
// - SIGTERM under load (docker stop, a rolling update): every request the server had received gets
//   its whole answer, the process exits 0 within its bound, and the job running at that moment (mail
//   sent through a slow SMTP server) is finished or handed back: after a second instance took over,
//   every mail went out exactly once.
// - SIGKILL in the middle of writes (the kernel's OOM killer, a pulled plug): the database holds no
//   partial write: every proposal has its audit entry, its author and its first revision, and every
//   creation the server confirmed is there.
import { randomUUID } from "node:crypto";
import { PgBoss } from "pg-boss";
import { SMTPServer } from "smtp-server";
import { expect, test } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "../lib/prisma-client";
import { freePort } from "../ops/embedded/server";
import { createTestDatabase, migrate, type TestDatabase } from "../scripts/lib/test-database";
import { builtActions, callAction, form } from "./server-actions";
import { demoSession, launchServer, type LogLine, type ServerProcess } from "./server-process";

/** The server's own bound (ops/server/main.ts), plus a margin for a busy machine. */
const SHUTDOWN_LIMIT_MS = 25_000 + 5_000;
const CLIENTS = 10;
const MAILS = 40;
/** Each mail takes this long at the SMTP server: a mail job is surely running when SIGTERM comes. */
const SMTP_DELAY_MS = 250;

test.describe.configure({ mode: "serial", timeout: 300_000 });

let database: TestDatabase;
let db: PrismaClient;
let smtp: SMTPServer;
let smtpPort = 0;
/** Subjects as the SMTP server received them, in order. */
const received: string[] = [];
const instances: ServerProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await createTestDatabase("shutdown");
  await migrate(database.url);
  db = createPrismaClient(database.url, 4);
  const { seedDatabase } = await import("../ops/seed");
  await seedDatabase(db, { demo: true });
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/m.exec(text)?.[1]?.trim() ?? "";
        setTimeout(() => {
          received.push(subject);
          callback();
        }, SMTP_DELAY_MS);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", () => resolve()));
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  for (const instance of instances) await instance.stop();
  await db?.$disconnect();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await database?.drop();
});

/** An instance on the suite's database, once its job workers run (they start after it serves). */
async function start(label: string) {
  const instance = await launchServer(label, {
    databaseUrl: database.url,
    demo: true,
    env: { EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`, EMAIL_FROM: "IRCI portal <portal@irci.example>" },
  });
  instances.push(instance);
  await expect.poll(() => instance.text().includes(`"msg":"workers started"`), { timeout: 120_000 }).toBe(true);
  return instance;
}

/** Asks the mail worker to run now rather than at the next minute, as the app's nudge does. */
async function nudgeMail() {
  const boss = new PgBoss({ connectionString: database.url, schema: "jobs", max: 1 });
  await boss.start();
  await boss.send("mail", {});
  await boss.stop({ graceful: false });
}

const isMine = (l: LogLine, ids: Set<string>) => l.msg === "request" && typeof l.requestId === "string" && ids.has(l.requestId);

test("SIGTERM under load: no request cut, exit 0 within the bound, no mail lost or sent twice", async () => {
  const first = await start("shutdown-1");
  const person = await db.user.findFirstOrThrow({ where: { membership: { role: "REPRESENTATIVE" } }, select: { id: true } });
  const cookie = await demoSession(first.baseURL, person.id);
  const proposal = await db.proposal.findFirstOrThrow({ select: { id: true } });
  const pages = [
    "/dashboard",
    "/proposals",
    `/proposals/${proposal.id}`,
    "/api/export/proposals.csv",
    "/api/export/interests.json",
    "/signin",
  ];

  await db.outboundEmail.createMany({
    data: Array.from({ length: MAILS }, (_, i) => ({
      to: `reader-${i}@example.org`,
      subject: `Shutdown test mail ${i}`,
      text: "Body",
      html: "<p>Body</p>",
      category: "digest",
    })),
  });

  // Ten clients, each asking for page after page with its own request ids, until refused.
  const sent = new Set<string>();
  const answered = new Map<string, number>();
  const failures: { id: string; error: string }[] = [];
  let refused = 0;
  let stopping = false;
  const client = async (n: number) => {
    for (let i = 0; ; i++) {
      const id = `load-${n}-${i}-${randomUUID().slice(0, 8)}`;
      sent.add(id);
      try {
        const response = await fetch(`${first.baseURL}${pages[(n + i) % pages.length]}`, {
          headers: { cookie, "x-request-id": id },
          redirect: "manual",
        });
        await response.arrayBuffer();
        answered.set(id, response.status);
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        if (stopping && cause?.code === "ECONNREFUSED") {
          refused++;
          return;
        }
        failures.push({ id, error: `${(error as Error).message} ${cause?.code ?? ""}` });
        if (stopping) return;
      }
    }
  };
  const load = Array.from({ length: CLIENTS }, (_, n) => client(n));

  await nudgeMail();
  // A mail job is running (the first mail went out, the rest are under way), and so is the load.
  await expect.poll(() => received.length, { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(() => answered.size, { timeout: 60_000 }).toBeGreaterThan(CLIENTS);

  stopping = true;
  const signalled = Date.now();
  first.child.kill("SIGTERM");
  const exit = await first.exited;
  const took = exit.at - signalled;
  await Promise.all(load);

  const lines = first.lines();
  const draining = lines.find((l) => l.msg === "shutting down: draining");
  const seen = lines.filter((l) => isMine(l, sent));
  const cut = seen.filter((l) => l.aborted || !answered.has(l.requestId as string));
  const errors = seen.filter((l) => (l.status as number) >= 500);
  // A request that failed on the client's side must be one the server never received.
  const failedButSeen = failures.filter((f) => seen.some((l) => l.requestId === f.id));
  const drained = lines.find((l) => l.msg === "requests finished; stopping the workers and pools");
  console.log(
    `SIGTERM under load: ${answered.size} answered, ${draining?.inFlight} in flight at SIGTERM, ${refused} refused after close, ` +
      `${failures.length} failed before reaching the server (${failures.map((f) => f.error).join("; ")}), ${cut.length} cut; ` +
      `requests drained in ${drained?.ms} ms, exited ${exit.code} ${took} ms after SIGTERM; ${received.length} of ${MAILS} mails sent before it stopped`,
  );
  expect(exit, first.text().slice(-3000)).toMatchObject({ code: 0, signal: null });
  expect(took).toBeLessThan(SHUTDOWN_LIMIT_MS);
  expect(draining?.inFlight, "requests were in flight when SIGTERM came").toBeGreaterThan(0);
  expect(cut, "requests the server received but did not answer in full").toEqual([]);
  expect(failedButSeen, "requests cut after the server received them").toEqual([]);
  expect(errors, "server errors").toEqual([]);
  expect(
    lines.find((l) => l.msg === "stopped" && l.step === "job workers"),
    "the job workers stopped",
  ).toBeTruthy();
  expect(
    lines.find((l) => l.msg === "shutdown step failed"),
    "no stop step failed",
  ).toBeUndefined();

  // The mail job that was running finished (or handed its mails back): what went out is recorded as
  // sent, and nothing is marked sent that did not go out.
  const sentRows = await db.outboundEmail.count({ where: { subject: { startsWith: "Shutdown test mail" }, status: "SENT" } });
  expect(sentRows).toBe(received.length);

  // A second instance takes over the rest: every mail exactly once.
  const second = await start("shutdown-2");
  await nudgeMail();
  await expect
    .poll(() => db.outboundEmail.count({ where: { subject: { startsWith: "Shutdown test mail" }, status: "SENT" } }), { timeout: 120_000 })
    .toBe(MAILS);
  const mine = received.filter((s) => s.startsWith("Shutdown test mail"));
  expect(mine.length, "mails received").toBe(MAILS);
  expect(new Set(mine).size, "no mail sent twice").toBe(MAILS);
  await second.stop();
});

test("SIGKILL in the middle of writes leaves no partial write", async () => {
  const instance = await start("sigkill");
  const member = await db.groupMember.findFirstOrThrow({
    where: { group: { status: "ACTIVE" }, user: { membership: { isNot: null } } },
    select: { groupId: true, userId: true, user: { select: { membership: { select: { organizationId: true } } } } },
  });
  const cookie = await demoSession(instance.baseURL, member.userId);
  const action = builtActions().find((a) => a.key === "app/proposals/new/actions.ts#createProposalAction");
  expect(action, "the build has the create-proposal action").toBeTruthy();
  const before = await db.proposal.count();

  const confirmed: string[] = [];
  let killed = false;
  const writer = async (n: number) => {
    for (let i = 0; !killed; i++) {
      const title = `Killed-write proposal ${n}-${i}`;
      try {
        const outcome = await callAction({
          baseURL: instance.baseURL,
          actionId: action!.id,
          page: "/proposals/new",
          args: [{ ok: false }, form({ groupId: member.groupId, leadOrganizationId: member.user.membership!.organizationId, title })],
          cookie,
        });
        if (outcome.kind === "ok") confirmed.push(title);
        else if (!killed) throw new Error(`the action answered ${JSON.stringify(outcome)}`);
      } catch (error) {
        if (!killed) throw error;
      }
    }
  };
  const writers = Array.from({ length: 6 }, (_, n) => writer(n));
  await expect.poll(() => confirmed.length, { timeout: 120_000 }).toBeGreaterThanOrEqual(12);
  killed = true;
  instance.child.kill("SIGKILL");
  await instance.exited;
  await Promise.all(writers);

  const created = await db.proposal.findMany({
    where: { title: { startsWith: "Killed-write proposal" } },
    select: { id: true, title: true, _count: { select: { authors: true, revisions: true } } },
  });
  const audited = new Set(
    (
      await db.auditEvent.findMany({
        where: { action: "proposal.created", entityId: { in: created.map((p) => p.id) } },
        select: { entityId: true },
      })
    ).map((a) => a.entityId),
  );
  const partial = created.filter((p) => !audited.has(p.id) || p._count.authors !== 1 || p._count.revisions !== 1);
  const lost = confirmed.filter((title) => !created.some((p) => p.title === title));
  console.log(
    `SIGKILL mid-write: ${created.length} proposals written (${confirmed.length} confirmed to the client), ${partial.length} partial, ` +
      `${lost.length} confirmed but missing; ${(await db.proposal.count()) - before - created.length} others`,
  );
  expect(created.length).toBeGreaterThanOrEqual(confirmed.length);
  expect(partial, "proposals without their audit entry, author or first revision").toEqual([]);
  expect(lost, "creations the server confirmed but the database lacks").toEqual([]);
});
