import "server-only";
// The job queue's workers, in one place: which queue runs which piece of the domain, how often.
// Started by instrumentation.ts in every app instance; the work is shared through the database,
// never done twice.
import { purgeSignInData } from "@/lib/auth/sign-in-requests";
import { db } from "@/lib/db";
import { purgeOrphanChunks } from "@/lib/documents/sweep";
import { deliverMail } from "@/lib/mail/outbox";
import { closeDueVotes, sendDueReminders } from "@/lib/votes/close";
import { QUEUES, queue } from "@/lib/jobs/queue";
import { isDraining, onShutdown } from "@/lib/runtime/lifecycle";
import { log } from "@/lib/runtime/log";

/**
 * How long a job already running may take to finish when the instance stops. Below the server's
 * own bound (SHUTDOWN_TIMEOUT_MS, 25 s), which also covers the requests in flight before it.
 */
const JOB_GRACE_MS = 15_000;

let started: Promise<void> | undefined;
const jobsLog = log.child({ area: "jobs" });
const mailLog = log.child({ area: "mail" });

// On globalThis: instrumentation.ts starts the workers from its own bundle, and the readiness route
// (another bundle, with its own copy of this module) must see that they run.
const RUNNING = Symbol.for("irci.workersRunning");
const holder = globalThis as unknown as { [RUNNING]?: boolean };

/** True once this process's job workers are registered and polling, false again after they stopped (readiness reports it). */
export function workersRunning(): boolean {
  return holder[RUNNING] === true;
}

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
      jobsLog.error({ err: error }, `could not start the workers, trying again in ${delayMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

async function registerWorkers() {
  const boss = await queue();
  // Stopped while the queue was starting: the shutdown has already closed it, so no worker starts.
  if (isDraining()) return;
  // On shutdown, first of all (the pools it uses close after it): no new job is fetched, a job in
  // progress finishes within the grace, and one that cannot is failed back to its queue, where
  // pg-boss retries it on another instance (or this one, restarted). A job is never lost.
  onShutdown({
    name: "job workers",
    order: 10,
    stop: async () => {
      holder[RUNNING] = false;
      await boss.stop({ graceful: true, close: true, timeout: JOB_GRACE_MS });
    },
  });
  await boss.work(QUEUES.closeVote, { pollingIntervalSeconds: 2 }, async () => {
    await closeDueVotes();
  });
  // The safety net and the reminders: every minute, whatever happened to individual jobs.
  await boss.schedule(QUEUES.sweep, "* * * * *", {}, { singletonKey: "sweep" });
  await boss.work(QUEUES.sweep, { pollingIntervalSeconds: 10 }, async () => {
    const closed = await closeDueVotes();
    const reminded = await sendDueReminders();
    const purged = await purgeSignInData();
    if (closed || reminded) jobsLog.info({ closed, reminded }, `sweep: closed ${closed} votes, sent ${reminded} reminders`);
    if (purged.tokens || purged.requests)
      jobsLog.info(purged, `sweep: removed ${purged.tokens} expired sign-in tokens, ${purged.requests} old sign-in requests`);
  });
  // Housekeeping, hourly: the chunks of files whose version never came to be (lib/documents/sweep.ts).
  await boss.schedule(QUEUES.housekeeping, "23 * * * *", {}, { singletonKey: "housekeeping" });
  await boss.work(QUEUES.housekeeping, { pollingIntervalSeconds: 30 }, async () => {
    const chunks = await purgeOrphanChunks(db);
    if (chunks) jobsLog.info({ chunks }, `housekeeping: removed ${chunks} orphaned document chunks`);
  });
  // Notification email: triage, digests and sending, every minute and when nudged. A run that
  // finds the mail server down leaves the mail in the outbox for a later try (lib/mail/outbox.ts).
  await boss.schedule(QUEUES.mail, "* * * * *", {}, { singletonKey: "mail-minute" });
  await boss.work(QUEUES.mail, { pollingIntervalSeconds: 2, batchSize: 20 }, async () => {
    const done = await deliverMail();
    if (done.links || done.sent || done.retrying || done.failed || done.digests) {
      mailLog.info(
        done,
        `sign-in links ${done.links}, sent ${done.sent}, waiting to retry ${done.retrying}, failed ${done.failed}, digests queued ${done.digests}`,
      );
    }
  });
  holder[RUNNING] = true;
  jobsLog.info("workers started");
}
