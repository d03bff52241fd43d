/**
 * Tells the mail worker that something was just notified, so "at once" means seconds rather than
 * the next minute's run. Call after the commit; never fails the caller.
 */
export function nudgeMailWorker(): void {
  if (process.env.JOBS === "off") return;
  void import("@/lib/jobs/queue").then((q) => q.nudgeMail());
}
