"use client";
import { ErrorNotice, errorTitle } from "@/components/ErrorNotice";
import "./globals.css";

// Shown instead of the whole page when the root layout itself failed: it reads the session and the
// organizations, so this is what a signed-in person sees while the database is away. It replaces the
// layout, so it renders the document itself, without the header.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>{errorTitle(error.digest)}</title>
      </head>
      <body className="flex min-h-screen flex-col">
        <main id="main" className="mx-auto w-full max-w-lg flex-1 px-4 py-8">
          <ErrorNotice digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
