import { Badge } from "@/components/ui";
import type { MyAccount } from "@/lib/account/queries";
import { zoneWords } from "@/lib/account/words";
import { formatDateTime } from "@/lib/time";
import { SignOutEverywhereElse, SignOutSession } from "./SignOutForms";

/**
 * The person's sessions as a list rather than a table: each one's details stack under its browser,
 * so a phone shows them whole without scrolling sideways.
 */
export function SessionList({ account, zone }: { account: MyAccount; zone: string }) {
  const others = account.sessionCount - (account.sessions.some((s) => s.current) ? 1 : 0);
  return (
    <>
      <p className="text-sm text-slate-700">
        Every browser where you are signed in. Times are in {zoneWords(zone)}; &ldquo;last seen&rdquo; is updated every few minutes.
      </p>
      <ul aria-label="Your sessions" className="mt-2 divide-y divide-slate-100">
        {account.sessions.map((s) => (
          <li
            key={s.id}
            aria-label={s.current ? `${s.browser}, this session` : s.browser}
            className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {s.browser}
                {s.current ? <Badge tone="green">This session</Badge> : null}
              </p>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                <dt className="text-slate-600">Signed in with</dt>
                <dd className="text-slate-800">{s.method}</dd>
                <dt className="text-slate-600">Started</dt>
                <dd className="text-slate-800">
                  <time dateTime={s.startedAt.toISOString()}>{formatDateTime(s.startedAt, zone)}</time>
                </dd>
                <dt className="text-slate-600">Last seen</dt>
                <dd className="text-slate-800">
                  {s.current ? "Now" : <time dateTime={s.lastSeenAt.toISOString()}>{formatDateTime(s.lastSeenAt, zone)}</time>}
                </dd>
                <dt className="text-slate-600">From</dt>
                <dd className="break-all text-slate-800">{s.address}</dd>
              </dl>
            </div>
            {s.current ? null : <SignOutSession sessionId={s.id} browser={s.browser} />}
          </li>
        ))}
      </ul>
      {account.sessionCount > account.sessions.length ? (
        <p className="text-sm text-slate-600">
          The {account.sessions.length} most recent of your {account.sessionCount} sessions are shown.
        </p>
      ) : null}
      <div className="mt-3 border-t border-slate-200 pt-4">
        <SignOutEverywhereElse others={others} />
      </div>
    </>
  );
}
