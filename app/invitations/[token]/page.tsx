import Link from "next/link";
import { Card, PageHeader } from "@/components/ui";
import { ORG_ROLE_LABEL } from "@/components/labels";
import { INVITATION_CLOSED, invitationByToken } from "@/lib/people/invitations";
import { formatDateTime } from "@/lib/time";
import { AcceptInvitationForm } from "./AcceptInvitationForm";

// The link is the credential: no search engine keeps it, and the page is never cached.
export const metadata = { title: "Invitation", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** Public: whoever opens the emailed link sees what they are invited to, and accepts with their name. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await invitationByToken(token);
  if (!invitation || invitation.state !== "open") {
    return (
      <>
        <PageHeader title="This invitation link does not work" />
        <Card>
          <p>
            {invitation
              ? INVITATION_CLOSED[invitation.state as keyof typeof INVITATION_CLOSED]
              : "No invitation has this link. Check that the whole link from the email was copied, or ask the person who invited you to send a new one."}
          </p>
          <p className="mt-3">
            Already in the portal? <Link href="/signin">Sign in</Link>.
          </p>
        </Card>
      </>
    );
  }
  const org = invitation.organization;
  const signIn = `/signin?${new URLSearchParams({ callbackUrl: "/dashboard", email: invitation.email })}`;
  return (
    <>
      <PageHeader
        title="You are invited to the IRCI portal"
        description="The International Rare Cancer Initiative's portal for trial proposals, interest and votes."
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-sm font-medium text-slate-600">For</dt>
          <dd className="break-all">{invitation.email}</dd>
          {org ? (
            <>
              <dt className="text-sm font-medium text-slate-600">Organization</dt>
              <dd>
                {org.name} ({org.shortName})
              </dd>
              <dt className="text-sm font-medium text-slate-600">Role</dt>
              <dd>{ORG_ROLE_LABEL[invitation.role]}</dd>
            </>
          ) : null}
          {invitation.secretariat ? (
            <>
              <dt className="text-sm font-medium text-slate-600">Also</dt>
              <dd>IRCI Secretariat</dd>
            </>
          ) : null}
          {invitation.invitedBy?.name ? (
            <>
              <dt className="text-sm font-medium text-slate-600">Invited by</dt>
              <dd>{invitation.invitedBy.name}</dd>
            </>
          ) : null}
          <dt className="text-sm font-medium text-slate-600">Link works until</dt>
          <dd>{formatDateTime(invitation.expiresAt, "UTC")}</dd>
        </dl>
        <div className="mt-6">
          <AcceptInvitationForm token={token} signInHref={signIn} />
        </div>
      </Card>
    </>
  );
}
