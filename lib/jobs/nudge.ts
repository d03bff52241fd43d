import "server-only";
import { log } from "@/lib/runtime/log";
import { QUEUES, queue } from "./queue";

/**
 * Tells the mail worker that something was just notified, so "at once" means seconds rather than
 * the next minute's run. Call after the commit; never fails the caller (a lost nudge only delays
 * mail until the minute's run).
 */
export function nudgeMailWorker(): void {
  if (process.env.JOBS === "off") return;
  void queue()
    .then((boss) => boss.send(QUEUES.mail, {}, { retryLimit: 0 }))
    .catch((error: Error) => log.child({ area: "jobs" }).error(`could not nudge the mail worker: ${error.message}`));
}
