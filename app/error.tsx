"use client";
import { Card } from "@/components/ui";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-2xl font-semibold">Something went wrong</h1>
        <p className="mt-3 text-slate-700">
          The portal could not show this page. Nothing you entered has been lost. Please try again; if it keeps happening, tell the
          secretariat the reference below.
        </p>
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
