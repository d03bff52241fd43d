import "server-only";
import { PgBoss } from "pg-boss";
import { config } from "@/lib/config";

// A PostgreSQL-backed job queue (pg-boss): jobs live in the database, so any instance can run
// them, each runs once (SKIP LOCKED), and nothing is lost when an instance stops.
export const QUEUES = { closeVote: "vote-close", sweep: "vote-sweep", mail: "mail" } as const;

/**
 * The queue's own schema. pg-boss 12 cannot upgrade the `pgboss` schema that pg-boss 10 made, so it
 * keeps its tables apart: instances of the previous version go on with theirs during a rolling update
 * (both kinds of worker are safe together: closing a vote and sending a mail are guarded claims), and
 * the old schema is dropped once none runs (README, Migrations in production).
 */
export const JOBS_SCHEMA = "jobs";

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

export function queue(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const boss = new PgBoss({ connectionString: config().DATABASE_URL, schema: JOBS_SCHEMA, max: 3, application_name: "irci-jobs" });
    boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
    // Maintenance findings (an index to rebuild, a table to vacuum) are worth a line in the log.
    boss.on("warning", (warning) => console.warn(`[jobs] ${warning.message}`));
    await boss.start();
    for (const name of Object.values(QUEUES)) await boss.createQueue(name);
    return boss;
  })().catch((error: unknown) => {
    // Not started (say, the database was not up yet): the next call tries again.
    globalForBoss.boss = undefined;
    throw error;
  });
  return globalForBoss.boss;
}

/** Closes the vote at its deadline; singletonKey keeps one job per vote however often it is asked. */
export async function scheduleVoteClose(voteId: string, closesAt: Date) {
  const boss = await queue();
  await boss.sendAfter(QUEUES.closeVote, { voteId }, { singletonKey: voteId, retryLimit: 5, retryDelay: 10, retryBackoff: true }, closesAt);
}

/**
 * Asks a mail worker to look at the outbox now rather than at the next minute. Called after a
 * commit that notified someone; a lost nudge only delays mail until the minute's run.
 */
export async function nudgeMail(): Promise<void> {
  if (process.env.JOBS === "off") return;
  try {
    const boss = await queue();
    await boss.send(QUEUES.mail, {}, { retryLimit: 0 });
  } catch (error) {
    console.error(`[jobs] could not nudge the mail worker: ${(error as Error).message}`);
  }
}

let started: Promise<void> | undefined;

/** Runs in every app instance: the work is shared through the database, never done twice. */
export function startWorkers(): Promise<void> {
  started ??= registerWorkers().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}

/** Keeps trying until the workers run: a vote must close at its deadline even after a bad start. */
export async function startWorkersWithRetry(delayMs = 15_000): Promise<void> {
  for (;;) {
    try {
      return await startWorkers();
    } catch (error) {
      console.error(`[jobs] could not start the workers, trying again in ${delayMs / 1000} s: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

async function registerWorkers() {
  const boss = await queue();
  const { closeDueVotes, sendDueReminders } = await import("@/lib/votes/mutations");
  const { purgeSignInData } = await import("@/lib/auth/sign-in-requests");
  await boss.work(QUEUES.closeVote, { pollingIntervalSeconds: 2 }, async () => {
    await closeDueVotes();
  });
  // The safety net and the reminders: every minute, whatever happened to individual jobs.
  await boss.schedule(QUEUES.sweep, "* * * * *", {}, { singletonKey: "sweep" });
  await boss.work(QUEUES.sweep, { pollingIntervalSeconds: 10 }, async () => {
    const closed = await closeDueVotes();
    const reminded = await sendDueReminders();
    const purged = await purgeSignInData();
    if (closed || reminded) console.info(`[jobs] sweep: closed ${closed} votes, sent ${reminded} reminders`);
    if (purged.tokens || purged.requests) console.info(`[jobs] sweep: removed ${purged.tokens} expired sign-in tokens, ${purged.requests} old sign-in requests`);
  });
  // Notification email: triage, digests and sending, every minute and when nudged. A run that
  // finds the mail server down leaves the mail in the outbox for a later try (lib/mail/outbox.ts).
  const { deliverMail } = await import("@/lib/mail/outbox");
  await boss.schedule(QUEUES.mail, "* * * * *", {}, { singletonKey: "mail-minute" });
  await boss.work(QUEUES.mail, { pollingIntervalSeconds: 2, batchSize: 20 }, async () => {
    const done = await deliverMail();
    if (done.links || done.sent || done.retrying || done.failed || done.digests) {
      console.info(`[mail] sign-in links ${done.links}, sent ${done.sent}, waiting to retry ${done.retrying}, failed ${done.failed}, digests queued ${done.digests}`);
    }
  });
  console.info("[jobs] workers started");
}
