import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { identityProviderSettings } from "@/lib/auth/sso/queries";
import { pageData } from "@/lib/page-data";
import { formatDateTime } from "@/lib/time";
import { IdentityProviderForm, RemoveIdentityProviderForm } from "./IdentityProviderForm";

export const metadata = { title: "Organization sign-in" };

export default async function OrganizationSignInPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/organizations/${slug}/sign-in`;
  const { actor, session } = await requirePage("sso.configure", path);
  const s = await pageData(identityProviderSettings(actor, slug), path);
  const org = s.organization;
  const status = s.fromEnvironment
    ? { tone: "brand" as const, label: "Set from the environment" }
    : s.stored?.enabled
      ? s.stored.secretReadable
        ? { tone: "green" as const, label: "On" }
        : { tone: "amber" as const, label: "Secret unreadable" }
      : s.stored
        ? { tone: "neutral" as const, label: "Off" }
        : { tone: "neutral" as const, label: "Not connected" };
  return (
    <>
      <PageHeader
        title={`${org.shortName}: sign in with the organization`}
        description={`${org.name}'s own identity provider (OpenID Connect) signs its people in. Email links stay for everyone.`}
        actions={<Link href={`/organizations/${org.slug}`}>Back to {org.shortName}</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card
          title={
            <span className="flex flex-wrap items-center gap-2">
              Identity provider <Badge tone={status.tone}>{status.label}</Badge>
            </span>
          }
        >
          {s.fromEnvironment ? (
            <div className="space-y-2 text-sm text-slate-700">
              <p>
                This deployment sets {org.shortName}&apos;s sign-on in its environment (
                <code>OIDC_{org.slug.toUpperCase().replace(/-/g, "_")}_*</code>), which takes precedence over the portal: change it there.
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="font-medium">Issuer</dt>
                <dd className="break-all">{s.fromEnvironment.issuer}</dd>
                <dt className="font-medium">Client id</dt>
                <dd className="break-all">{s.fromEnvironment.clientId}</dd>
                <dt className="font-medium">Domains</dt>
                <dd>{s.fromEnvironment.emailDomains.join(", ")}</dd>
              </dl>
            </div>
          ) : (
            <>
              <IdentityProviderForm slug={org.slug} shortName={org.shortName} stored={s.stored} />
              {s.stored ? (
                <p className="mt-4 text-sm text-slate-600">
                  Last changed {formatDateTime(s.stored.updatedAt, viewerTimeZone(session))}. {s.linkedPeople} of {org.people}{" "}
                  {org.shortName} people have signed in with it.
                </p>
              ) : null}
            </>
          )}
        </Card>
        <div className="space-y-6">
          <Card title="For the organization's IT department">
            <p className="text-sm text-slate-700">
              Register the portal as a confidential OpenID Connect client (authorization code flow with PKCE):
            </p>
            <dl className="mt-3 space-y-2 text-sm">
              <div>
                <dt className="font-medium text-slate-800">Redirect URI</dt>
                <dd>
                  <code className="break-all">{s.registration.redirectUri}</code>
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-800">Scopes</dt>
                <dd>
                  <code>{s.registration.scopes}</code>
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-800">Claims the portal reads</dt>
                <dd>
                  {s.registration.claims.map((c, i) => (
                    <span key={c}>
                      {i > 0 ? ", " : ""}
                      <code>{c}</code>
                    </span>
                  ))}
                  . A person is signed in only with <code>email_verified</code> true and an address at the domains listed here.
                </dd>
              </div>
            </dl>
          </Card>
          {s.stored && !s.fromEnvironment ? (
            <Card title="Disconnect">
              <p className="mb-3 text-sm text-slate-700">
                People who signed in with it keep their accounts and sign in with email links instead.
              </p>
              <RemoveIdentityProviderForm slug={org.slug} shortName={org.shortName} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
