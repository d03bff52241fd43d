import Link from "next/link";
import { Card, PageHeader, TableHead } from "@/components/ui";
import { requirePage } from "@/lib/authz/session";
import { PROPOSAL_EVENTS, ROLE_LABEL, STATUS_LABEL, TRANSITIONS } from "@/lib/proposals/workflow";
import { QUIET_HOURS, REMINDER_HOURS } from "@/lib/votes/reminders";
import { defaultQuorum } from "@/lib/votes/tally";

export const metadata = { title: "How the portal works" };

/** The rules of the road, from the same tables the portal enforces: no database needed. */
export default async function HelpPage() {
  await requirePage("dashboard.view", "/help");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title="How the portal works"
        description="From a first draft to a completed trial: who does what, and what the portal does for you."
      />
      <Card title="A proposal's path">
        <p className="mb-3 text-sm text-slate-700">
          Every change below is recorded with who made it and when, and shown on the proposal&apos;s timeline. A draft can be edited by its
          authors, the lead organization&apos;s representative, the group&apos;s chairs and the secretariat; every save keeps a revision you
          can compare.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <TableHead columns={["Action", "From", "To", "Who may take it"]} />
            <tbody className="divide-y divide-slate-100">
              {PROPOSAL_EVENTS.map((event) => {
                const t = TRANSITIONS[event];
                return (
                  <tr key={event}>
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {t.label}
                      {t.reasonRequired ? (
                        <span className="block text-xs font-normal text-slate-600">with a reason, shown to everyone</span>
                      ) : null}
                    </th>
                    <td className="py-2 pr-3">
                      {(t.from as readonly (keyof typeof STATUS_LABEL)[]).map((s) => STATUS_LABEL[s]).join(", ")}
                    </td>
                    <td className="py-2 pr-3">{STATUS_LABEL[t.to as keyof typeof STATUS_LABEL] ?? "decided by the vote"}</td>
                    <td className="py-2">{(t.roles as readonly (keyof typeof ROLE_LABEL)[]).map((r) => ROLE_LABEL[r]).join(", ")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Votes">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
          <li>
            A chair opens the vote once every organization has said whether it would lead, take part, be interested or decline, and the
            cancer is rare enough.
          </li>
          <li>
            Each organization casts one ballot through its representative, and may change it until the close. How an organization voted
            stays secret until then.
          </li>
          <li>
            The usual quorum is a majority of the member organizations ({defaultQuorum(8)} of 8, {defaultQuorum(10)} of 10): it follows the
            number of members as the secretariat admits new ones. A chair may ask for more; only the secretariat may accept fewer.
          </li>
          <li>
            Representatives whose organization has not voted are reminded {REMINDER_HOURS.join(" and ")} hours before the close, once each,
            but not in the vote&apos;s first {QUIET_HOURS} hours (or first half, if it is shorter): the opening notice already says when it
            closes. The vote closes by itself at its deadline; the result moves the proposal on.
          </li>
        </ul>
      </Card>
      <Card title="Hearing about what concerns you">
        <p className="text-sm text-slate-800">
          The bell lists mentions, replies, comments and changes on proposals you write or follow, votes, and requests for your
          organization&apos;s interest. Choose which of them also come by email, at once or in a morning digest, in your{" "}
          <Link href="/notifications/settings">email settings</Link>. To find an hour when every office is awake, use{" "}
          <strong>Plan a meeting</strong> on an expert group&apos;s page.
        </p>
      </Card>
    </div>
  );
}
