import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, Card, EmptyState } from "@/components/ui";
import type { WorkQueue as Queue } from "@/lib/dashboard/work-queue";
import { MILESTONE_LABEL } from "@/lib/trials/progress";
import { formatDateTime, waitedWords } from "@/lib/time";

/** What waits for the secretariat (or a chair, in their groups): each item links to where the work is done. */
export function WorkQueue({ queue, zone, now, scope }: { queue: Queue; zone: string; now: Date; scope: "all" | "chaired" }) {
  const { submitted, votes, milestones } = queue;
  return (
    <Card title="Work queue" className="mb-8">
      {scope === "chaired" ? <p className="mb-3 text-sm text-slate-600">In the expert groups you chair.</p> : null}
      {queue.empty ? (
        <EmptyState>The queue is clear: no proposal awaits review, no vote is closing, no milestone is late or due.</EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <Section
            title={`Submitted, awaiting review (${submitted.count})`}
            empty="No proposal awaits review."
            more={submitted.count - submitted.items.length}
            moreHref="/proposals?status=SUBMITTED"
          >
            {submitted.items.map((p) => (
              <li key={p.id} className="py-2">
                <Link href={`/proposals/${p.id}`} className="font-medium">
                  {p.title}
                </Link>
                <p className="text-sm text-slate-600">
                  Waiting {waitedWords(p.submittedAt, now)} · submitted {formatDateTime(p.submittedAt, zone)}
                </p>
              </li>
            ))}
          </Section>
          <Section
            title={`Votes closing within 72 hours (${votes.count})`}
            empty="No vote closes in the next 72 hours."
            more={votes.count - votes.items.length}
            moreHref="/proposals?status=VOTING"
          >
            {votes.items.map((v) => (
              <li key={v.id} className="py-2">
                <Link href={`/proposals/${v.proposalId}`} className="font-medium">
                  {v.title}
                </Link>
                <p className="text-sm text-slate-600">
                  {v.overdue ? (
                    <>
                      <Badge tone="red">Past its time, not closed</Badge> due {formatDateTime(v.closesAt, zone)}
                    </>
                  ) : (
                    <>Closes {formatDateTime(v.closesAt, zone)}</>
                  )}{" "}
                  · {v.ballots} of {v.quorum} ballots for quorum
                </p>
              </li>
            ))}
          </Section>
          <Section
            title={`Trial milestones late (${milestones.late}) or due in 30 days (${milestones.due})`}
            empty="No milestone is late or due in the next 30 days."
            more={milestones.late + milestones.due - milestones.items.length}
            moreHref="/portfolio"
          >
            {milestones.items.map((m) => (
              <li key={`${m.proposalId}-${m.kind}`} className="py-2">
                <Link href={`/proposals/${m.proposalId}/trial`} className="font-medium">
                  {m.title}
                </Link>
                <p className="text-sm text-slate-600">
                  <Badge tone={m.late ? "red" : "amber"}>{m.late ? "Late" : "Due soon"}</Badge> {MILESTONE_LABEL[m.kind]}, planned{" "}
                  {m.planned}
                </p>
              </li>
            ))}
          </Section>
        </div>
      )}
    </Card>
  );
}

function Section(props: { title: string; empty: string; more: number; moreHref: string; children: ReactNode[] }) {
  return (
    <section aria-label={props.title} className="min-w-0">
      <h3 className="mb-1 font-semibold text-slate-900">{props.title}</h3>
      {props.children.length === 0 ? (
        <p className="text-sm text-slate-600">{props.empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100 break-words">{props.children}</ul>
      )}
      {props.more > 0 ? (
        <p className="mt-1 text-sm">
          <Link href={props.moreHref}>and {props.more} more</Link>
        </p>
      ) : null}
    </section>
  );
}
