import Link from "next/link";
import { buttonClass, secondaryButtonClass } from "@/components/ui";
import { currentSession } from "@/lib/authz/session";
import { referenceOrganizations } from "@/lib/organizations/reference";
import reference from "@/prisma/data/irci-reference.json";

const STEPS = [
  ["Convene", "Expert groups form around a rare cancer when at least two member organizations share an interest."],
  ["Propose", "Groups draft trial proposals with a testable hypothesis; every revision is kept."],
  ["Commit", "Each organization's representative records whether it would lead, participate or decline."],
  ["Decide", "One vote per organization, with quorum and deadline shown in everyone's own time zone."],
  ["Deliver", "Approved trials are planned, opened in several countries and followed to completion."],
] as const;

export default async function LandingPage() {
  const [session, organizations] = await Promise.all([currentSession(), referenceOrganizations()]);
  return (
    <div className="space-y-12">
      <section className="rounded-2xl bg-gradient-to-br from-brand-800 to-brand-600 px-8 py-12 text-white shadow">
        <p className="text-sm font-semibold tracking-widest text-brand-100 uppercase">International Rare Cancer Initiative</p>
        <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight">
          Practice-changing trials in rare cancers, run together across {organizations.length} organizations.
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-brand-50">
          About a fifth of cancers are rare, and no single country has enough patients to test a treatment. This portal is where IRCI&apos;s
          expert groups, member organizations and secretariat draft proposals, commit, vote and follow their trials, from Bethesda to
          Sydney.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          {session ? (
            <Link href="/dashboard" className={`${buttonClass} bg-white !text-brand-800 hover:bg-brand-50`}>
              Go to your dashboard
            </Link>
          ) : (
            <Link href="/signin" className={`${buttonClass} bg-white !text-brand-800 hover:bg-brand-50`}>
              Sign in
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="criteria">
        <h2 id="criteria" className="text-xl font-semibold">
          What IRCI takes up
        </h2>
        <p className="mt-2 text-slate-700">
          A rare cancer (fewer than {reference.rareCancerDefinition.incidenceBelowPer100kPerYear} cases per 100,000 people a year, and not a
          variant of a common cancer) when there is:
        </p>
        <ul className="mt-4 grid gap-4 sm:grid-cols-3">
          {reference.selectionCriteria.map((criterion) => (
            <li key={criterion} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm first-letter:uppercase">
              {criterion}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how">
        <h2 id="how" className="text-xl font-semibold">
          How the work flows
        </h2>
        <ol className="mt-4 grid gap-4 md:grid-cols-5">
          {STEPS.map(([title, text], index) => (
            <li key={title} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="text-sm font-semibold text-brand-700">Step {index + 1}</p>
              <p className="font-semibold">{title}</p>
              <p className="mt-1 text-sm text-slate-700">{text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="members">
        <h2 id="members" className="text-xl font-semibold">
          Member organizations
        </h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {organizations.map((org) => (
            <li key={org.slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="font-semibold">{org.shortName}</p>
              <p className="text-sm text-slate-700">{org.name}</p>
            </li>
          ))}
        </ul>
        {!session ? (
          <p className="mt-6">
            <Link href="/signin" className={secondaryButtonClass}>
              Members sign in here
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
