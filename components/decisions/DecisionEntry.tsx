// One decision as the register, its page and the minutes show it: kind, date, what it is about,
// the options, the rationale, and for members the vote it came from with its tally and dissent.
// No data access: the rows come from lib/decisions/queries.ts, already cut to what the reader may see.
import Link from "next/link";
import { Badge } from "@/components/ui";
import { NamedVersions } from "@/components/documents/NamedVersions";
import { DECISION_KIND_LABEL, optionList } from "@/lib/decisions/labels";
import type { DecisionRow } from "@/lib/decisions/queries";
import { CHOICE_LABEL, OUTCOME_LABEL } from "@/lib/votes/labels";

/** "2021-11-30", "2016" or "2011-11" as people read them. */
export function decidedOnLabel(decidedOn: string): string {
  const [y, m, d] = decidedOn.split("-").map(Number);
  if (!m) return String(y);
  const date = new Date(Date.UTC(y!, m - 1, d ?? 1));
  return date.toLocaleDateString("en-GB", { timeZone: "UTC", year: "numeric", month: "long", ...(d ? { day: "numeric" } : {}) });
}

function tallyText(tally: unknown): string | null {
  if (!tally || typeof tally !== "object") return null;
  const t = tally as Record<string, number>;
  return `${t.approve ?? 0} approve, ${t.reject ?? 0} reject, ${t.abstain ?? 0} abstain${t.recused ? `, ${t.recused} recused` : ""}`;
}

export function DecisionEntry({
  d,
  members,
  heading = "h2",
  links = true,
  selfLink = true,
}: {
  d: DecisionRow;
  members: boolean;
  heading?: "h2" | "h3";
  links?: boolean;
  /** False on the decision's own page: its title is not a link to where the reader already is. */
  selfLink?: boolean;
}) {
  const H = heading;
  const options = optionList(d.options);
  const about = d.proposal
    ? {
        href: d.proposal.trial ? `/proposals/${d.proposal.id}/trial` : `/proposals/${d.proposal.id}`,
        label: d.proposal.title,
        what: d.proposal.trial ? "Trial" : "Proposal",
      }
    : null;
  return (
    <article aria-labelledby={`decision-${d.id}`} className="break-inside-avoid">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge
          tone={
            d.kind === "PROPOSAL_REJECTED" || d.kind === "TRIAL_CLOSED_EARLY" ? "amber" : d.kind === "PROPOSAL_APPROVED" ? "green" : "brand"
          }
        >
          {DECISION_KIND_LABEL[d.kind]}
        </Badge>
        <span className="text-slate-700">{decidedOnLabel(d.decidedOn)}</span>
        <Badge tone={d.public ? "neutral" : "brand"}>{d.public ? "Public" : "Members only"}</Badge>
        {d.illustrative ? <Badge tone="amber">Illustrative</Badge> : null}
      </div>
      <H id={`decision-${d.id}`} className="mt-1 font-semibold break-words">
        {links && selfLink ? <Link href={`/decisions/${d.id}`}>{d.title}</Link> : d.title}
      </H>
      <dl className="mt-2 grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        {d.group ? (
          <>
            <dt className="text-slate-600">Expert group</dt>
            <dd>{links && members ? <Link href={`/groups/${d.group.slug}`}>{d.group.name}</Link> : d.group.name}</dd>
          </>
        ) : null}
        {about ? (
          <>
            <dt className="text-slate-600">{about.what}</dt>
            <dd className="break-words">{links && members ? <Link href={about.href}>{about.label}</Link> : about.label}</dd>
          </>
        ) : null}
        {options.length > 0 ? (
          <>
            <dt className="text-slate-600">Options considered</dt>
            <dd>
              <ul className="list-disc pl-5">
                {options.map((o, i) => (
                  <li key={i} className="break-words">
                    {o}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">Rationale</dt>
        <dd className="break-words whitespace-pre-line">{d.rationale}</dd>
        {members && d.documents.length > 0 ? (
          <>
            <dt className="text-slate-600">Rests on</dt>
            <dd>
              <NamedVersions
                versions={d.documents.map((x) => x.documentVersion)}
                zone="UTC"
                label="Document versions this decision rests on"
                links={links}
              />
            </dd>
          </>
        ) : null}
        {members && d.vote ? (
          <>
            <dt className="text-slate-600">Vote</dt>
            <dd>
              {d.vote.outcome ? `${OUTCOME_LABEL[d.vote.outcome]}: ` : ""}
              {tallyText(d.vote.tally) ?? "no tally kept"}
              {links && d.proposal ? (
                <>
                  {" · "}
                  <Link href={`/proposals/${d.proposal.id}`}>the vote, on the proposal&apos;s page</Link>
                </>
              ) : null}
            </dd>
            <dt className="text-slate-600">Dissent</dt>
            <dd>
              {d.vote.ballots.length === 0 ? (
                "None: no organization voted against or abstained."
              ) : (
                <ul className="space-y-1">
                  {d.vote.ballots.map((b) => (
                    <li key={b.organization.shortName} className="break-words">
                      <span className="font-medium">{b.organization.name}</span> ({CHOICE_LABEL[b.choice].toLowerCase()})
                      {b.rationale ? `: ${b.rationale}` : ": no rationale given"}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        ) : null}
        {d.source ? (
          <>
            <dt className="text-slate-600">Source</dt>
            <dd className="break-words">{d.source}</dd>
          </>
        ) : null}
        {members ? (
          <>
            <dt className="text-slate-600">Recorded</dt>
            <dd>
              {d.recordedBy?.name
                ? `by ${d.recordedBy.name}`
                : d.source
                  ? "from the public record (see the source)"
                  : "by the portal, with the change it records"}
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
