import { connection } from "next/server";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import { listDevMail } from "@/lib/mail/dev-mailbox";
import { pageData } from "@/lib/page-data";

export const metadata = { title: "Development mailbox" };

const LINK = /(https?:\/\/[^\s]+)/g;

export default async function DevMailboxPage() {
  // Read at request time: the mailbox changes with every mail, and the build has no database.
  await connection();
  const mails = await pageData(listDevMail(), "/dev/mailbox");
  return (
    <>
      <PageHeader
        title="Development mailbox"
        description="No SMTP server is configured, so mail the portal would send is kept here instead (newest first). This page does not exist in production."
      />
      {mails.length === 0 ? (
        <EmptyState>No mail yet. Ask for a sign-in link and it appears here.</EmptyState>
      ) : (
        <ol className="space-y-4">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Card>
                <article aria-label={`Mail to ${mail.to}: ${mail.subject}`}>
                  <p className="text-sm text-slate-600">
                    To <strong className="text-slate-900">{mail.to}</strong> · {mail.createdAt.toISOString().replace("T", " ").slice(0, 19)}{" "}
                    UTC
                  </p>
                  <h2 className="mt-1 font-semibold">{mail.subject}</h2>
                  <p className="mt-2 text-sm break-all whitespace-pre-wrap text-slate-800">
                    {mail.text.split(LINK).map((part, i) =>
                      i % 2 === 1 ? (
                        <a key={i} href={part} className="mail-link">
                          {part}
                        </a>
                      ) : (
                        part
                      ),
                    )}
                  </p>
                </article>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
