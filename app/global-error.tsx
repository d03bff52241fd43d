"use client";
import { isDatabaseUnavailableDigest } from "@/lib/errors";
import "./globals.css";

// Shown instead of the whole page when the root layout itself failed: it reads the session and the
// organizations, so this is what a signed-in person sees while the database is away. It replaces the
// layout, so it renders the document itself, without the header.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const outage = isDatabaseUnavailableDigest(error.digest);
  return (
    <html lang="en">
      <head>
        <title>{outage ? "Unavailable for a moment · IRCI portal" : "Something went wrong · IRCI portal"}</title>
      </head>
      <body className="flex min-h-screen flex-col">
        <main id="main" className="mx-auto w-full max-w-lg flex-1 px-4 py-8">
          <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h1 className="text-2xl font-semibold">{outage ? "The portal is unavailable for a moment" : "Something went wrong"}</h1>
            <p className="mt-3 text-slate-700">
              {outage
                ? "The portal cannot reach its database at the moment. Nothing you entered was saved by this attempt. Please try again in a minute; if it lasts, tell the secretariat the reference below."
                : "The portal could not show this page. Nothing you entered has been lost. Please try again; if it keeps happening, tell the secretariat the reference below."}
            </p>
            {error.digest ? <p className="mt-3 font-mono text-sm text-slate-600">Reference: {error.digest}</p> : null}
            <button
              type="button"
              onClick={reset}
              className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
            >
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
