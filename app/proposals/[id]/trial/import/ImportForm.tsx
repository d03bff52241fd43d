"use client";
import Link from "next/link";
import { useActionState } from "react";
import { buttonClass, secondaryButtonClass, TableHead } from "@/components/ui";
import { FormMessage, inputClass } from "@/components/ui/form";
import { importAction, type ImportState } from "../../../trial-actions";

export function ImportForm({ proposalId, trialId, nctId }: { proposalId: string; trialId: string; nctId?: string }) {
  const [state, submit, pending] = useActionState<ImportState, FormData>(importAction.bind(null, proposalId, trialId), { ok: true });
  return (
    <div className="space-y-6">
      <form action={submit} className="space-y-3">
        <input type="hidden" name="intent" value="fetch" />
        <label className="block text-sm font-medium" htmlFor="nctId">
          Fetch by NCT number (needs internet access on the server)
        </label>
        <div className="flex gap-2">
          <input id="nctId" name="nctId" defaultValue={nctId} className={`${inputClass} max-w-xs`} placeholder="NCT01533207" />
          <button type="submit" className={secondaryButtonClass} disabled={pending}>Fetch</button>
        </div>
      </form>
      <form action={submit} className="space-y-3">
        <input type="hidden" name="intent" value="preview" />
        <label className="block text-sm font-medium" htmlFor="json">
          Or paste the study&apos;s JSON (as https://clinicaltrials.gov/api/v2/studies/NCT… returns it)
        </label>
        <textarea id="json" name="json" rows={10} className={`${inputClass} font-mono text-xs`} defaultValue={state.applied ? "" : state.json} />
        <label className="block text-sm font-medium">
          …or upload a file
          <input type="file" name="file" accept="application/json,.json" className="mt-1 block text-sm" />
        </label>
        <button type="submit" className={buttonClass} disabled={pending}>{pending ? "Reading…" : "Show what would change"}</button>
      </form>
      <FormMessage ok={state.ok} message={state.message} />
      {state.changes && state.changes.length > 0 && !state.applied ? (
        <form action={submit} className="space-y-3">
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="json" value={state.json} />
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Changes the import would make</caption>
            <TableHead columns={["Field", "Stored now", "From ClinicalTrials.gov"]} />
            <tbody className="divide-y divide-slate-100">
              {state.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row" className="py-1 pr-3 font-medium">{c.field}</th>
                  <td className="py-1 pr-3"><del className="text-rose-800">{c.stored}</del></td>
                  <td className="py-1"><ins className="text-emerald-800 no-underline">{c.imported}</ins></td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className={buttonClass} disabled={pending}>Apply these changes</button>
        </form>
      ) : null}
      {state.applied ? (
        <p>
          <Link href={`/proposals/${proposalId}/trial`}>Back to the trial</Link>
        </p>
      ) : null}
    </div>
  );
}
