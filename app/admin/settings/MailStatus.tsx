import { Badge } from "@/components/ui";
import { formatDateTime } from "@/lib/time";
import type { mailQueueStatus } from "@/lib/mail/status";

/** The outbox at a glance: during a mail server outage this is where the secretariat looks. */
export function MailStatus({ status, timeZone }: { status: Awaited<ReturnType<typeof mailQueueStatus>>; timeZone: string }) {
  const { waiting, failed, oldest, lastSentAt, recentFailures } = status;
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Waiting to be sent</dt>
          <dd className="text-lg font-semibold">{waiting}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Refused by the mail server</dt>
          <dd className="text-lg font-semibold">{failed}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Last sent</dt>
          <dd className="font-semibold">{lastSentAt ? formatDateTime(lastSentAt, timeZone) : "Nothing yet"}</dd>
        </div>
      </dl>
      {oldest && oldest.attempts > 0 ? (
        <p role="status">
          <Badge tone="amber">Retrying</Badge> The oldest waiting mail was written {formatDateTime(oldest.createdAt, timeZone)} and has been
          tried {oldest.attempts} {oldest.attempts === 1 ? "time" : "times"}; next try {formatDateTime(oldest.nextAttemptAt, timeZone)}.
          {oldest.lastError ? <span className="block text-slate-700">Last answer: {oldest.lastError}</span> : null}
        </p>
      ) : null}
      {recentFailures.length ? (
        <div>
          <p className="font-medium">Recently refused</p>
          <ul className="list-disc pl-5 text-slate-700">
            {recentFailures.map((f) => (
              <li key={f.id}>
                {f.to}: {f.subject} ({f.lastError})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
