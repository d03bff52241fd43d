import Link from "next/link";
import { ActionForm } from "@/components/ActionForm";
import { Card, PageHeader } from "@/components/ui";
import { AppError } from "@/lib/errors";
import { readUnsubscribeLink } from "@/lib/mail/settings";
import { unsubscribeAction } from "./actions";

export const metadata = { title: "Stop email" };

async function read(token: string) {
  try {
    return { link: await readUnsubscribeLink(token) };
  } catch (error) {
    if (error instanceof AppError) return { problem: error.message };
    throw error;
  }
}

/** Reached from a link in an email, usually without being signed in. Opening it changes nothing: the button does. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? "";
  const { link, problem } = await read(token);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Stop email" />
      <Card>
        {link ? (
          <div className="space-y-4">
            <p>
              Stop sending <strong>{link.description}</strong> to <strong>{link.email}</strong>? Notifications stay in the portal.
            </p>
            <ActionForm
              action={unsubscribeAction.bind(null, token, false)}
              submitLabel={link.scope === "all" ? "Stop all email" : "Stop these emails"}
              clearOnSuccess={false}
            >
              <span />
            </ActionForm>
            {link.scope === "all" ? null : (
              <ActionForm
                action={unsubscribeAction.bind(null, token, true)}
                submitLabel="Stop all email from the portal"
                tone="quiet"
                clearOnSuccess={false}
              >
                <span />
              </ActionForm>
            )}
            <p className="text-sm text-slate-600">
              To choose kind by kind, or to turn email back on,{" "}
              <Link href="/notifications/settings">sign in and open your email settings</Link>.
            </p>
          </div>
        ) : (
          <div className="space-y-2">
            <p>{problem}</p>
            <p className="text-sm text-slate-600">
              <Link href="/notifications/settings">Sign in to change your email settings</Link>.
            </p>
          </div>
        )}
      </Card>
    </div>
  );
}
