"use client";
import { ErrorNotice } from "@/components/ErrorNotice";

// A page that failed, shown inside the layout (header and navigation stay).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg">
      <ErrorNotice digest={error.digest} reset={reset} />
    </div>
  );
}
