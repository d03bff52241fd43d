"use client";
import { Card } from "@/components/ui";
import { isDatabaseUnavailableDigest } from "@/lib/errors";

// Next.js gives this page only the error's digest in production (never its message or stack): a
// digest the server set itself says the database could not be reached (lib/runtime/database-outage.ts).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const outage = isDatabaseUnavailableDigest(error.digest);
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        {outage ? (
          <>
            <h1 className="text-2xl font-semibold">The portal is unavailable for a moment</h1>
            <p className="mt-3 text-slate-700">
              The portal cannot reach its database at the moment. Nothing you entered was saved by this attempt. Please try again in a
              minute; if it lasts, tell the secretariat the reference below.
            </p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold">Something went wrong</h1>
            <p className="mt-3 text-slate-700">
              The portal could not show this page. Nothing you entered has been lost. Please try again; if it keeps happening, tell the
              secretariat the reference below.
            </p>
          </>
        )}
        {error.digest ? <p className="mt-3 font-mono text-sm text-slate-600">Reference: {error.digest}</p> : null}
        <button
          type="button"
          onClick={reset}
          className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Try again
        </button>
      </Card>
    </div>
  );
}
