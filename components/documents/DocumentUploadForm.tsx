"use client";
// Uploading a document or a new version of one, to POST /api/documents (a route handler: files run to
// 50 MB, beyond a server action's 1 MB). Sent with XMLHttpRequest for its upload progress. What was
// typed and chosen stays in the form when the server refuses; each refusal is shown on its field.
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput, LimitedTextarea } from "@/components/ui/TextLimit";
import { CHANGE_NOTE_MAX, DOCUMENT_KINDS, DOCUMENT_KIND_LABEL, DOCUMENT_TITLE_MAX, MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { ACCEPTED_EXTENSIONS, ACCEPTED_SUMMARY } from "@/lib/documents/sniff";
import type { DocumentScope } from "@/lib/generated/prisma/enums";

interface Answer {
  ok: boolean;
  message?: string;
  fields?: Record<string, string>;
}

export function DocumentUploadForm({
  proposalId,
  scope,
  studies,
  documents,
}: {
  proposalId: string;
  scope: DocumentScope;
  /** Component studies a new trial document may belong to (none: it is the whole trial's). */
  studies: { id: string; name: string }[];
  documents: { id: string; title: string; kind: string; latest: number }[];
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [documentId, setDocumentId] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [answer, setAnswer] = useState<Answer>({ ok: true });
  const e = answer.ok ? {} : (answer.fields ?? {});
  const existing = documents.find((d) => d.id === documentId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    // Said at once rather than after sending 50 MB; the server checks again whatever is sent.
    if (file instanceof File && file.size > MAX_DOCUMENT_BYTES) {
      setAnswer({ ok: false, message: "Some fields need attention.", fields: { file: "The file is larger than 50 MB." } });
      return;
    }
    const request = new XMLHttpRequest();
    request.open("POST", `/api/documents?proposal=${encodeURIComponent(proposalId)}`);
    request.responseType = "json";
    request.upload.onprogress = (p) => p.lengthComputable && setProgress(Math.round((p.loaded / p.total) * 100));
    request.onload = () => {
      setProgress(null);
      const body = (request.response ?? {}) as Answer;
      const result: Answer = {
        ok: request.status === 200 && body.ok,
        message: body.message ?? "The upload failed. Please try again.",
        fields: body.fields,
      };
      setAnswer(result);
      if (result.ok) {
        form.current?.reset();
        setDocumentId("");
        router.refresh();
      }
    };
    request.onerror = () => {
      setProgress(null);
      setAnswer({ ok: false, message: "The upload did not reach the portal: check the connection and try again. Nothing was saved." });
    };
    setProgress(0);
    setAnswer({ ok: true });
    request.send(data);
  }

  const pending = progress !== null;
  return (
    <form ref={form} onSubmit={submit} className="space-y-3" aria-busy={pending}>
      <FormMessage ok={answer.ok} message={answer.message} />
      <input type="hidden" name="scope" value={scope} />
      <Field name="documentId" label="Upload" error={e.documentId}>
        {(p) => (
          <select {...p} name="documentId" value={documentId} onChange={(ev) => setDocumentId(ev.target.value)} className={inputClass}>
            <option value="">A new document</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                New version of {d.title} ({d.kind}, now version {d.latest})
              </option>
            ))}
          </select>
        )}
      </Field>
      {existing ? null : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="kind" label="Kind" error={e.kind ?? e.scope}>
            {(p) => (
              <select {...p} name="kind" defaultValue="PROTOCOL_SYNOPSIS" className={inputClass}>
                {DOCUMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {DOCUMENT_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="title" label="Title" error={e.title}>
            {(p) => <LimitedInput {...p} name="title" limit={DOCUMENT_TITLE_MAX} className={inputClass} required />}
          </Field>
          {studies.length > 0 ? (
            <Field name="componentStudyId" label="Belongs to" error={e.componentStudyId}>
              {(p) => (
                <select {...p} name="componentStudyId" defaultValue="" className={inputClass}>
                  <option value="">The whole trial</option>
                  {studies.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </div>
      )}
      <Field name="file" label="File" error={e.file} hint={`${ACCEPTED_SUMMARY}; up to 50 MB.`}>
        {(p) => <input {...p} name="file" type="file" accept={ACCEPTED_EXTENSIONS.join(",")} className={inputClass} required />}
      </Field>
      <Field
        name="changeNote"
        label={existing ? "What changed in this version" : "Remarks (optional)"}
        error={e.changeNote}
        hint={existing ? "Kept with the version in its history." : undefined}
      >
        {(p) => (
          <LimitedTextarea {...p} name="changeNote" limit={CHANGE_NOTE_MAX} rows={3} className={inputClass} required={Boolean(existing)} />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Uploading…" : existing ? "Upload the new version" : "Upload the document"}
        </button>
        {pending ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <progress max={100} value={progress} className="w-32" />
            {progress}% sent
          </label>
        ) : null}
      </div>
    </form>
  );
}
