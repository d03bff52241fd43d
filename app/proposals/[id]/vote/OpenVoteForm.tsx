"use client";
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { submitWithoutReset } from "@/components/submitWithoutReset";
import type { FormState } from "@/lib/form-state";
import { defaultQuorum } from "@/lib/votes/tally";
import { openVoteAction } from "./actions";

/**
 * Opening a vote. The closing time is typed in the person's own zone (their organization's office,
 * UTC for the secretariat), named beside the field, and the server reads it in that zone: the page
 * renders the same on the server and in any browser, whatever the browser's own zone.
 */
export function OpenVoteForm({
  proposalId,
  blockedBecause,
  zone,
  zoneLabel,
  defaultCloses,
  members,
  documents,
}: {
  proposalId: string;
  blockedBecause: string | null;
  zone: string;
  zoneLabel: string;
  defaultCloses: string;
  /** How many member organizations there are: one ballot each. */
  members: number;
  /** The proposal's documents with their versions (newest first), to name those the vote is on. */
  documents: { id: string; title: string; kind: string; versions: { id: string; number: number; uploaded: string }[] }[];
}) {
  const [state, save, pending] = useActionState<FormState, FormData>(openVoteAction.bind(null, proposalId), { ok: true });
  const [closes, setCloses] = useState(defaultCloses);
  const e = state.ok ? {} : (state.fields ?? {});
  // Submitted by hand: React's reset after a form action would blank the controlled field.
  const submit = submitWithoutReset(save);
  return (
    <form onSubmit={submit} className="space-y-3">
      <FormMessage ok={state.ok} message={state.message} />
      {blockedBecause ? <p className="text-sm text-amber-900">{blockedBecause}</p> : null}
      <input type="hidden" name="zone" value={zone} />
      <Field name="closes" label={`Closes at (your time: ${zoneLabel})`} error={e.closesAt} hint="Everyone sees it in their own time zone.">
        {(p) => (
          <input
            {...p}
            name="closes"
            type="datetime-local"
            value={closes}
            onChange={(ev) => setCloses(ev.target.value)}
            className={inputClass}
            required
          />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field
          name="quorum"
          label="Quorum (organizations)"
          error={e.quorum}
          hint={`Usually ${defaultQuorum(members)} of ${members}, a majority.`}
        >
          {(p) => (
            <input
              {...p}
              name="quorum"
              type="number"
              min={1}
              max={members}
              defaultValue={state.values?.quorum ?? String(defaultQuorum(members))}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="passRule" label="Passes with" error={e.passRule}>
          {(p) => (
            <select {...p} name="passRule" defaultValue={state.values?.passRule ?? "MORE_APPROVE_THAN_REJECT"} className={inputClass}>
              <option value="MORE_APPROVE_THAN_REJECT">More approvals than rejections</option>
              <option value="TWO_THIRDS_OF_DECIDED">Two thirds of approvals and rejections</option>
            </select>
          )}
        </Field>
      </div>
      {documents.length > 0 ? (
        <fieldset aria-describedby={e.documentVersionIds ? "vote-documents-error" : "vote-documents-hint"}>
          <legend className="text-sm font-medium text-slate-800">The vote is on these document versions</legend>
          {e.documentVersionIds ? (
            <p id="vote-documents-error" className="mt-1 text-sm text-rose-700">
              {e.documentVersionIds}
            </p>
          ) : (
            <p id="vote-documents-hint" className="mt-1 text-sm text-slate-600">
              Shown on the vote, and kept with its decision. The latest version of each document is chosen to begin with.
            </p>
          )}
          <ul className="mt-2 space-y-2">
            {documents.map((d) => (
              // Keyed by the latest version too: when a new one arrives, the choice starts again from it.
              <li key={`${d.id}:${d.versions[0]?.id}`} className="text-sm">
                <p className="break-words font-medium text-slate-800">
                  {d.title} <span className="font-normal text-slate-600">({d.kind})</span>
                </p>
                <ul className="mt-1 space-y-1 pl-3">
                  {d.versions.map((v, n) => (
                    <li key={v.id}>
                      <label className="flex items-start gap-2">
                        <input type="checkbox" name="documentVersionIds" value={v.id} defaultChecked={n === 0} className="mt-1" />
                        <span>
                          Version {v.number}, uploaded {v.uploaded}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Opening…" : "Open voting"}
      </button>
    </form>
  );
}
