import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader, secondaryButtonClass } from "@/components/ui";
import { GROUP_ROLE_LABEL, GROUP_STATUS_LABEL, ORG_ROLE_LABEL } from "@/components/labels";
import { currentSessionToken } from "@/lib/account/current-session";
import { myAccount } from "@/lib/account/queries";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { EMAIL_MODES } from "@/lib/mail/categories";
import { emailSettings } from "@/lib/mail/settings";
import { pageData } from "@/lib/page-data";
import { countryLabel } from "@/lib/time";
import { zoneWords } from "@/lib/account/words";
import { SessionList } from "./SessionList";

export const metadata = { title: "My account" };

/** What each role lets a person do, in a sentence (the rules are lib/authz/policy.ts). */
const ROLE_MEANS = {
  MEMBER: (org: string) =>
    `You take part in ${org}'s expert groups and discussions; its representatives record its interest and cast its ballots.`,
  DEPUTY: (org: string) => `You act for ${org} as its representative does: its interest in proposals, its ballots and its people.`,
  REPRESENTATIVE: (org: string) =>
    `You speak for ${org}: you record its interest in proposals, cast its ballots and look after its people.`,
} as const;

const MODE_LABEL = Object.fromEntries(EMAIL_MODES.map((m) => [m.mode, m.label]));

export default async function AccountPage() {
  const { actor, session } = await requirePage("account.view", "/account");
  const [account, email] = await pageData(Promise.all([myAccount(actor, await currentSessionToken()), emailSettings(actor)]), "/account");
  const zone = viewerTimeZone(session);
  const org = account.organization;
  const chairs = account.groups.filter((g) => g.role === "CHAIR").length;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="My account" description={`${account.name ?? account.email} · ${account.email}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Organization and roles">
          {org ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-600">Organization</dt>
              <dd>
                <Link href={`/organizations/${org.slug}`}>{org.name}</Link> ({org.shortName})
              </dd>
              <dt className="text-slate-600">Country</dt>
              <dd>{countryLabel(org.country)}</dd>
              <dt className="text-slate-600">Your role</dt>
              <dd>
                <Badge tone={org.role === "MEMBER" ? "neutral" : "brand"}>{ORG_ROLE_LABEL[org.role]}</Badge>
                <p className="mt-1 text-slate-700">{ROLE_MEANS[org.role](org.shortName)}</p>
              </dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-700">You are not in a member organization.</p>
          )}
          {account.secretariat ? (
            <p className="mt-4 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4 text-sm text-slate-700">
              <Badge tone="violet">IRCI Secretariat</Badge>
              You run the portal for IRCI: expert groups, votes, member organizations, settings and the audit log.
            </p>
          ) : null}
        </Card>

        <Card title="Expert groups">
          {account.groups.length === 0 ? (
            <EmptyState>You are not in an expert group.</EmptyState>
          ) : (
            <>
              <p className="mb-2 text-sm text-slate-700">
                {chairs > 0
                  ? `You chair ${chairs === 1 ? "one" : chairs} of your ${account.groups.length} expert group${account.groups.length === 1 ? "" : "s"}.`
                  : `You are a member of ${account.groups.length} expert group${account.groups.length === 1 ? "" : "s"}.`}
              </p>
              <ul className="divide-y divide-slate-100">
                {account.groups.map((g) => (
                  <li key={g.slug} className="flex items-start justify-between gap-3 py-2">
                    <Link href={`/groups/${g.slug}`} className="min-w-0">
                      {g.name}
                    </Link>
                    <span className="flex shrink-0 items-center gap-2 pt-0.5">
                      {g.status === "ACTIVE" ? null : <span className="text-xs text-slate-600">{GROUP_STATUS_LABEL[g.status]}</span>}
                      <Badge tone={g.role === "CHAIR" ? "amber" : "neutral"}>{GROUP_ROLE_LABEL[g.role]}</Badge>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </div>

      <Card title="Signed-in sessions" className="mt-6">
        <SessionList account={account} zone={zone} />
      </Card>

      <Card title="Email and time zone" className="mt-6">
        <dl className="grid gap-x-4 text-sm sm:grid-cols-[auto_1fr] sm:gap-y-2">
          <dt className="text-slate-600">Email goes to</dt>
          <dd className="mb-2 break-words sm:mb-0">{email.email}</dd>
          <dt className="text-slate-600">Time zone</dt>
          <dd>
            {zoneWords(email.timeZone)}{" "}
            <span className="text-slate-600">
              {email.ownTimeZone ? "· your own choice" : email.organizationTimeZone ? "· your organization's office" : "· no organization"}
            </span>
          </dd>
        </dl>
        <ul aria-label="What reaches you by email" className="mt-3 divide-y divide-slate-100 text-sm">
          {email.categories.map((c) => (
            <li key={c.id} className="flex items-baseline justify-between gap-x-4 py-1.5">
              <span className="text-slate-800">{c.label}</span>
              <span className="shrink-0 font-medium text-slate-900">{MODE_LABEL[c.mode]}</span>
            </li>
          ))}
        </ul>
        <Link href="/notifications/settings" className={`${secondaryButtonClass} mt-4`}>
          Change email and time zone
        </Link>
      </Card>
    </div>
  );
}
