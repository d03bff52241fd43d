"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { buttonClass, secondaryButtonClass, TableHead } from "@/components/ui";
import { FormMessage, inputClass } from "@/components/ui/form";
import { MAX_IMPORT_BYTES as MAX_BYTES } from "@/lib/trials/import-limit";

/** "replace": the stored value gives way (struck through); "add": the import adds to what stays. */
interface Change {
  field: string;
  kind: "replace" | "add";
  stored: string;
  imported: string;
}

interface Answer {
  ok: boolean;
  message?: string;
  nctId?: string;
  changes?: Change[];
  /** The trial is registered under other NCT numbers. */
  otherTrial?: { stored: string[] } | null;
  applied?: boolean;
}

/** Where the study comes from: fetched by the server, or a body the browser sends (pasted or a file). */
type Source = { nct: string } | { body: Blob };

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Sends the study to the import route with XMLHttpRequest, which (unlike fetch) reports the
 * upload's progress: a record of several megabytes takes a moment on a slow link.
 */
function send(
  trialId: string,
  step: "preview" | "apply",
  source: Source,
  confirm: string | null,
  onProgress: (text: string) => void,
): Promise<Answer> {
  return new Promise((resolve) => {
    const query = new URLSearchParams({ step, ...("nct" in source ? { nct: source.nct } : {}), ...(confirm ? { confirm } : {}) });
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
  const [preview, setPreview] = useState<Answer | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const pending = progress !== null;

  async function run(step: "preview" | "apply", from: Source) {
    setSource(from);
    setProgress(step === "apply" ? "Applying…" : "nct" in from ? "Asking ClinicalTrials.gov…" : "Sending…");
    const confirm = step === "apply" && preview?.otherTrial && confirmed ? (preview.nctId ?? null) : null;
    const result = await send(trialId, step, from, confirm, setProgress);
    setProgress(null);
    setAnswer(result);
    if (step === "preview") {
      setPreview(result.ok ? result : null);
      setConfirmed(false);
    } else if (result.applied) setPreview(null);
  }

  function fetchByNumber(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run("preview", { nct: String(new FormData(event.currentTarget).get("nctId") ?? "").trim() });
  }

  function previewBody(event: FormEvent<HTMLFormElement>) {
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
      <form onSubmit={previewBody} className="space-y-3">
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
      {preview?.changes && preview.changes.length > 0 ? (
        <div className="space-y-3">
          {preview.otherTrial ? (
            <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
              <p className="font-semibold">
                This record is {preview.nctId}, but this trial is registered as {preview.otherTrial.stored.join(", ")}.
              </p>
              <p className="mt-1">
                Applying it would overwrite the trial&apos;s details with another study&apos;s. Apply it only if the registry number on the
                trial is the mistake.
              </p>
              <label className="mt-2 flex items-start gap-2 font-medium">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} className="mt-1" />
                {preview.nctId} is this trial&apos;s record: apply it anyway.
              </label>
            </div>
          ) : null}
          {/* On a phone the table scrolls inside its card; the page never runs off the screen. */}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Changes the import would make</caption>
              <TableHead columns={["Field", "Stored now", "From ClinicalTrials.gov"]} />
              <tbody className="divide-y divide-slate-100">
                {preview.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {c.field}
                    </th>
                    <td className="py-1 pr-3">
                      {c.kind === "replace" ? (
                        <del className="text-rose-800" aria-label={`${c.stored}, replaced`}>
                          {c.stored}
                        </del>
                      ) : (
                        <span aria-label={`${c.stored}, kept`}>{c.stored}</span>
                      )}
                    </td>
                    <td className="py-1">
                      <ins className="text-emerald-800 no-underline">{c.imported}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-sm text-slate-700">Applied imports can be undone on the trial&apos;s page.</p>
          <button
            type="button"
            className={buttonClass}
            disabled={pending || !source || Boolean(preview.otherTrial && !confirmed)}
            onClick={() => source && void run("apply", source)}
          >
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
