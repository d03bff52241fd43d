// The milestones, planned and actual, each with its state today (done, late, due soon, planned).
import { ActionForm } from "@/components/ActionForm";
import { inputClass } from "@/components/ui/form";
import { Badge, Card, TableHead } from "@/components/ui";
import { MILESTONES, MILESTONE_LABEL, milestoneState } from "@/lib/trials/progress";
import { setMilestoneAction } from "./actions";
import type { TrialCardProps } from "./card-props";

const STATE_BADGE = {
  done: ["Done", "green"],
  late: ["Late", "red"],
  due: ["Due soon", "amber"],
  planned: ["Planned", "neutral"],
  unplanned: ["Not planned", "neutral"],
} as const;

export function MilestonesCard({ trial, id, canManage }: TrialCardProps) {
  const today = new Date();
  return (
    <Card title="Milestones">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Milestones with planned and actual dates</caption>
        <TableHead columns={["Milestone", "Planned", "Actual", "State"]} />
        <tbody className="divide-y divide-slate-100">
          {MILESTONES.map((kind) => {
            const m = trial.milestones.find((x) => x.kind === kind) ?? { planned: null, actual: null };
            const [text, tone] = STATE_BADGE[milestoneState(m, today)];
            return (
              <tr key={kind}>
                <th scope="row" className="py-1 pr-2 font-medium">
                  {MILESTONE_LABEL[kind]}
                </th>
                <td className="py-1 pr-2">{m.planned ?? "—"}</td>
                <td className="py-1 pr-2">{m.actual ?? "—"}</td>
                <td className="py-1">
                  <Badge tone={tone}>{text}</Badge>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canManage ? (
        <ActionForm
          action={setMilestoneAction.bind(null, id, trial.id)}
          submitLabel="Save milestone"
          className="mt-4 border-t border-slate-200 pt-3"
          labels={{ planned: "Planned", actual: "Actual" }}
        >
          <div className="grid gap-3 sm:grid-cols-3">
            <label className="block text-sm font-medium">
              Milestone
              <select name="kind" className={inputClass}>
                {MILESTONES.map((k) => (
                  <option key={k} value={k}>
                    {MILESTONE_LABEL[k]}
                  </option>
                ))}
              </select>
            </label>
            <label className="block text-sm font-medium">
              Planned
              <input name="planned" className={inputClass} placeholder="2027-06" />
            </label>
            <label className="block text-sm font-medium">
              Actual
              <input name="actual" className={inputClass} placeholder="yyyy-MM-dd" />
            </label>
          </div>
        </ActionForm>
      ) : null}
    </Card>
  );
}
