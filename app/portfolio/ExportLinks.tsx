// The portfolio's exports: each as CSV (for spreadsheets) and JSON (for programs).
import { Card } from "@/components/ui";

const EXPORTS = [
  { file: "proposals", name: "Proposals", about: "Every proposal: stage, group, lead, hypothesis." },
  { file: "trials", name: "Trials", about: "Every trial: registry ids, status, phase, target and current accrual, countries." },
  {
    file: "interests",
    name: "Interest matrix",
    about: "Every proposal against every organization: interest, expected sites and patients a year.",
  },
  {
    file: "ballots",
    name: "Ballots",
    about: "The ballots of closed votes, with their rationale. Open votes stay secret until they close.",
  },
  { file: "sites", name: "Trial sites", about: "Every site of every trial, with its country and status." },
  { file: "milestones", name: "Milestones", about: "Planned and actual dates, and whether each is done, due or late." },
  { file: "accrual", name: "Accrual history", about: "Every accrual report: date, scope, total and source." },
] as const;

export function ExportLinks() {
  return (
    <div id="exports" className="mt-6">
      <Card title="Exports">
        <ul className="divide-y divide-slate-100 text-sm">
          {EXPORTS.map((e) => (
            <li key={e.file} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
              <span className="min-w-0 flex-1">
                <span className="font-medium text-slate-900">{e.name}</span>
                <span className="block text-slate-600">{e.about}</span>
              </span>
              <span className="flex gap-3">
                <a href={`/api/export/${e.file}.csv`} download aria-label={`${e.name} CSV`}>
                  CSV
                </a>
                <a href={`/api/export/${e.file}.json`} download aria-label={`${e.name} JSON`}>
                  JSON
                </a>
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
