"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { buttonClass, secondaryButtonClass, TableHead } from "@/components/ui";
import { FormMessage, inputClass } from "@/components/ui/form";
import { MAX_IMPORT_BYTES as MAX_BYTES } from "@/lib/trials/import-limit";

interface Change {
  field: string;
  stored: string;
  imported: string;
}

interface Answer {
  ok: boolean;
  message?: string;
  changes?: Change[];
  applied?: boolean;
}

/** Where the study comes from: fetched by the server, or a body the browser sends (pasted or a file). */
type Source = { nct: string } | { body: Blob };

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Sends the study to the import route with XMLHttpRequest, which (unlike fetch) reports the
 * upload's progress: a record of several megabytes takes a moment on a slow link.
 */
function send(trialId: string, step: "preview" | "apply", source: Source, onProgress: (text: string) => void): Promise<Answer> {
  return new Promise((resolve) => {
    const query = new URLSearchParams({ step, ...("nct" in source ? { nct: source.nct } : {}) });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/trials/${encodeURIComponent(trialId)}/import?${query}`);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 200_000) onProgress(`Sending ${megabytes(event.loaded)} of ${megabytes(event.total)}…`);
    };
    xhr.upload.onload = () => onProgress("Reading the record…");
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Answer);
      } catch {
        resolve({ ok: false, message: `The server answered ${xhr.status}. Nothing was changed; please try again.` });
      }
    };
    xhr.onerror = () => resolve({ ok: false, message: "The portal could not be reached. Nothing was changed; please try again." });
    xhr.send("nct" in source ? null : source.body);
  });
}

export function ImportForm({ proposalId, trialId, nctId }: { proposalId: string; trialId: string; nctId?: string }) {
  const [answer, setAnswer] = useState<Answer>({ ok: true });
  const [progress, setProgress] = useState<string | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const pending = progress !== null;

  async function run(step: "preview" | "apply", from: Source) {
    setSource(from);
    setProgress(step === "apply" ? "Applying…" : "nct" in from ? "Asking ClinicalTrials.gov…" : "Sending…");
    const result = await send(trialId, step, from, setProgress);
    setProgress(null);
    setAnswer(result);
  }

  function fetchByNumber(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run("preview", { nct: String(new FormData(event.currentTarget).get("nctId") ?? "").trim() });
  }

  function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const text = String(form.get("json") ?? "");
    const body: Blob = file instanceof File && file.size > 0 ? file : new Blob([text], { type: "application/json" });
    if (body.size === 0) return setAnswer({ ok: false, message: "Paste a study's JSON, or choose a file." });
    if (body.size > MAX_BYTES)
      return setAnswer({
        ok: false,
        message: `The study's file is ${megabytes(body.size)}: the portal reads records up to ${megabytes(MAX_BYTES)}.`,
      });
    void run("preview", { body });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={fetchByNumber} className="space-y-3">
        <label className="block text-sm font-medium" htmlFor="nctId">
          Fetch by NCT number (needs internet access on the server)
        </label>
        <div className="flex gap-2">
          <input id="nctId" name="nctId" defaultValue={nctId} className={`${inputClass} max-w-xs`} placeholder="NCT01533207" />
          <button type="submit" className={secondaryButtonClass} disabled={pending}>
            Fetch
          </button>
        </div>
      </form>
      <form onSubmit={preview} className="space-y-3">
        <label className="block text-sm font-medium" htmlFor="json">
          Or paste the study&apos;s JSON (as https://clinicaltrials.gov/api/v2/studies/NCT… returns it)
        </label>
        <textarea id="json" name="json" rows={10} className={`${inputClass} font-mono text-xs`} />
        <label className="block text-sm font-medium">
          …or upload a file (up to {megabytes(MAX_BYTES)})
          <input type="file" name="file" accept="application/json,.json" className="mt-1 block text-sm" />
        </label>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Reading…" : "Show what would change"}
        </button>
      </form>
      {progress ? (
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {progress}
        </p>
      ) : (
        <FormMessage ok={answer.ok} message={answer.message} />
      )}
      {answer.changes && answer.changes.length > 0 && !answer.applied ? (
        <div className="space-y-3">
          {/* On a phone the table scrolls inside its card; the page never runs off the screen. */}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Changes the import would make</caption>
              <TableHead columns={["Field", "Stored now", "From ClinicalTrials.gov"]} />
              <tbody className="divide-y divide-slate-100">
                {answer.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {c.field}
                    </th>
                    <td className="py-1 pr-3">
                      <del className="text-rose-800">{c.stored}</del>
                    </td>
                    <td className="py-1">
                      <ins className="text-emerald-800 no-underline">{c.imported}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" className={buttonClass} disabled={pending || !source} onClick={() => source && void run("apply", source)}>
            Apply these changes
          </button>
        </div>
      ) : null}
      {answer.applied ? (
        <p>
          <Link href={`/proposals/${proposalId}/trial`}>Back to the trial</Link>
        </p>
      ) : null}
    </div>
  );
}
