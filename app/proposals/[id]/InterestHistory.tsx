import { INTEREST_LABEL } from "@/components/proposals/labels";
import type { InterestHistory as History } from "@/lib/proposals/interest-history";
import { formatDateTime } from "@/lib/time";

/** Below the interest matrix: each organization's changes, folded until asked for. */
export function InterestHistory({
  organizations,
  histories,
  zone,
}: {
  organizations: { id: string; shortName: string }[];
  histories: Map<string, History>;
  zone: string;
}) {
  const rows = organizations.flatMap((org) => {
    const history = histories.get(org.id);
    return history && history.changes.length > 0 ? [{ org, history }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="interest-history" className="mt-4 border-t border-slate-200 pt-3">
      <h3 id="interest-history" className="text-sm font-semibold text-slate-800">
        History of interest
      </h3>
      <ul className="mt-1 divide-y divide-slate-100 text-sm">
        {rows.map(({ org, history }) => {
          const count = history.changes.length;
          return (
            <li key={org.id}>
              <details className="py-1.5">
                <summary className="cursor-pointer">
                  <span className="font-medium">{org.shortName}</span>{" "}
                  <span className="text-slate-600">
                    · {history.earlier ? `latest ${count} changes` : count === 1 ? "1 change" : `${count} changes`}, last{" "}
                    {formatDateTime(history.changes[0]!.at, zone)}
                  </span>
                </summary>
                <ol className="mt-2 mb-1 space-y-2" aria-label={`Interest history of ${org.shortName}, newest first`}>
                  {history.changes.map((c) => {
                    const figures = [
                      c.expectedSites !== null ? `${c.expectedSites} sites` : null,
                      c.expectedPatientsPerYear !== null ? `${c.expectedPatientsPerYear} patients a year` : null,
                    ].filter(Boolean);
                    return (
                      <li key={c.id} className="border-l-2 border-brand-100 pl-3">
                        <p>
                          {c.from === null ? "Not recorded" : INTEREST_LABEL[c.from]} → <strong>{INTEREST_LABEL[c.to]}</strong>
                          {figures.length > 0 ? <span className="text-slate-700"> · {figures.join(", ")}</span> : null}
                        </p>
                        <p className="text-slate-600">
                          {c.by ?? "Loaded with the proposal"} · {formatDateTime(c.at, zone)}
                        </p>
                        {c.note ? <p className="break-words text-slate-700">“{c.note}”</p> : null}
                      </li>
                    );
                  })}
                </ol>
                {history.earlier ? <p className="mb-1 text-slate-600">Earlier changes are kept but not shown.</p> : null}
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
