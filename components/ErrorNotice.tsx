"use client";
import { Card } from "@/components/ui";
import { isDatabaseUnavailableDigest } from "@/lib/errors";

/**
 * What a person reads when a page failed: app/error.tsx inside the layout, app/global-error.tsx when
 * the layout itself failed. Next.js gives these only the error's digest in production (never its
 * message or stack); a digest the server set itself says the database could not be reached
 * (lib/runtime/database-outage.ts). The digest is the reference support finds in the log.
 */
export function ErrorNotice({ digest, reset }: { digest?: string; reset: () => void }) {
  const outage = isDatabaseUnavailableDigest(digest);
  return (
    <Card>
      <h1 className="text-2xl font-semibold">{outage ? "The portal is unavailable for a moment" : "Something went wrong"}</h1>
      <p className="mt-3 text-slate-700">
        {outage
          ? "The portal cannot reach its database at the moment. Nothing you entered was saved by this attempt. Please try again in a minute; if it lasts, tell the secretariat the reference below."
          : "The portal could not show this page. Nothing you entered has been lost. Please try again; if it keeps happening, tell the secretariat the reference below."}
      </p>
      {digest ? <p className="mt-3 font-mono text-sm text-slate-600">Reference: {digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
      >
        Try again
      </button>
    </Card>
  );
}

/** The page's title while the notice shows. */
export function errorTitle(digest?: string): string {
  return isDatabaseUnavailableDigest(digest) ? "Unavailable for a moment · IRCI portal" : "Something went wrong · IRCI portal";
}
