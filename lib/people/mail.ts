// Mail about a person's access, put straight into the outbox: an invitation, a refused access
// request, a deactivation. These go to people the notification worker does not mail (not in the
// portal yet, or no longer active), and are not theirs to turn off. Pure composition plus one insert.
import type { Prisma } from "@/lib/prisma-client";

/** The outbox category of these mails (not a setting anyone can turn off). */
export const ACCESS_MAIL_CATEGORY = "access";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export interface AccessMail {
  subject: string;
  /** Paragraphs of plain text; a link is written out in full. */
  paragraphs: string[];
  link?: { url: string; label: string };
}

export function composeAccessMail(mail: AccessMail) {
  const text = [...mail.paragraphs, ...(mail.link ? [`${mail.link.label}: ${mail.link.url}`] : [])].join("\n\n");
  const html =
    `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;line-height:1.5;max-width:40rem">` +
    mail.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("") +
    (mail.link ? `<p><a href="${escape(mail.link.url)}" style="color:#1d4ed8">${escape(mail.link.label)}</a></p>` : "") +
    `</body></html>`;
  return { subject: mail.subject, text: `${text}\n`, html };
}

/** Queues one access mail in the caller's transaction (the mail worker sends it within a minute). */
export function queueAccessMail(tx: Prisma.TransactionClient, to: { userId: string | null; email: string }, mail: AccessMail) {
  return tx.outboundEmail.create({
    data: { userId: to.userId, to: to.email, category: ACCESS_MAIL_CATEGORY, ...composeAccessMail(mail) },
  });
}
