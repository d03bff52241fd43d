// The words of notification email, as text and HTML. Pure: tested without a mail server.
import { formatDateTime } from "@/lib/time";

export interface MailNotification {
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContext {
  /** The portal's address, e.g. https://portal.irci.example (no trailing slash). */
  baseUrl: string;
  /** The reader's time zone, for dates. */
  timeZone: string;
  /** Why they get it, e.g. "Someone mentions me or replies to my comment". */
  reason: string;
  unsubscribeUrl: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const absolute = (baseUrl: string, link: string | null) => (link ? new URL(link, `${baseUrl}/`).toString() : `${baseUrl}/notifications`);

function footer(ctx: MailContext) {
  const settings = `${ctx.baseUrl}/notifications/settings`;
  return {
    text: `--\nYou get this email because of your IRCI portal setting "${ctx.reason}".\nChange your email settings: ${settings}\nStop these emails: ${ctx.unsubscribeUrl}\n`,
    html:
      `<hr style="border:none;border-top:1px solid #cbd5e1;margin:24px 0 12px">` +
      `<p style="color:#475569;font-size:13px">You get this email because of your IRCI portal setting “${escape(ctx.reason)}”.<br>` +
      `<a href="${escape(settings)}" style="color:#1d4ed8">Change your email settings</a> · <a href="${escape(ctx.unsubscribeUrl)}" style="color:#1d4ed8">Stop these emails</a></p>`,
  };
}

function wrap(inner: string) {
  return `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;line-height:1.5;max-width:40rem">${inner}</body></html>`;
}

/** One notification, sent at once. */
export function composeNotificationMail(n: MailNotification, ctx: MailContext): ComposedMail {
  const url = absolute(ctx.baseUrl, n.link);
  const end = footer(ctx);
  const text = [n.title, "", ...(n.body ? [n.body, ""] : []), `Open it in the portal: ${url}`, "", end.text].join("\n");
  const html = wrap(
    `<h1 style="font-size:18px">${escape(n.title)}</h1>` +
      (n.body ? `<p style="white-space:pre-wrap">${escape(n.body)}</p>` : "") +
      `<p><a href="${escape(url)}" style="color:#1d4ed8">Open it in the portal</a></p>${end.html}`,
  );
  return { subject: `[IRCI] ${n.title}`, text, html };
}

/** The most a digest lists one by one; the rest are counted and wait in the portal. */
export const DIGEST_LIST_LIMIT = 50;

/** A day's notifications in one mail, oldest first. `total` may exceed the items listed. */
export function composeDigestMail(items: readonly MailNotification[], total: number, ctx: MailContext): ComposedMail {
  const subject = `[IRCI] Your daily digest: ${total} ${total === 1 ? "update" : "updates"}`;
  const more = total - items.length;
  const lines = items.flatMap((n) => [
    `* ${n.title} (${formatDateTime(n.createdAt, ctx.timeZone)})`,
    ...(n.body ? [`  ${n.body.split("\n")[0]}`] : []),
    `  ${absolute(ctx.baseUrl, n.link)}`,
    "",
  ]);
  const end = footer(ctx);
  const text = [
    `${total} ${total === 1 ? "update" : "updates"} for you in the IRCI portal since your last digest.`,
    "",
    ...lines,
    ...(more > 0 ? [`… and ${more} more: ${ctx.baseUrl}/notifications`, ""] : []),
    end.text,
  ].join("\n");
  const html = wrap(
    `<h1 style="font-size:18px">Your daily digest</h1><p>${total} ${total === 1 ? "update" : "updates"} for you since your last digest.</p><ul>` +
      items
        .map(
          (n) =>
            `<li style="margin-bottom:12px"><a href="${escape(absolute(ctx.baseUrl, n.link))}" style="color:#1d4ed8">${escape(n.title)}</a>` +
            ` <span style="color:#475569">(${escape(formatDateTime(n.createdAt, ctx.timeZone))})</span>` +
            (n.body ? `<br>${escape(n.body.split("\n")[0]!)}` : "") +
            `</li>`,
        )
        .join("") +
      `</ul>` +
      (more > 0 ? `<p><a href="${escape(ctx.baseUrl)}/notifications" style="color:#1d4ed8">… and ${more} more in the portal</a></p>` : "") +
      end.html,
  );
  return { subject, text, html };
}
