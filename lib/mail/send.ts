import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { log } from "@/lib/runtime/log";

const mailLog = log.child({ area: "mail" });

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/**
 * An SMTP transport that gives up on a dead server in seconds, not nodemailer's minutes: the
 * outbox tries again later, and a worker stuck on one connection sends nothing else.
 */
export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as object);
}

let transporter: Transporter | undefined;

/**
 * Sends through the configured SMTP server (or `transport`, for tests). Outside production with no
 * SMTP server, mail for demo people is kept in the development mailbox (/dev/mailbox) instead.
 * Returns false when the mail could not go anywhere; throws when the server failed.
 */
export async function sendMail(mail: Mail, transport?: Transporter): Promise<boolean> {
  const { captureMail, EMAIL_SERVER, EMAIL_FROM } = config();
  if (!transport && captureMail) {
    // The development mailbox is readable without signing in: it only ever holds mail for the
    // fictional demo people, and for addresses under the reserved .example domain (RFC 2606),
    // which no real person can hold (a colleague a demo representative invites, before and after
    // they join). Mail for anyone else needs a real SMTP server.
    const demoPerson =
      isFictionalAddress(mail.to) || (await db.user.findFirst({ where: { email: mail.to, demo: true }, select: { id: true } }));
    if (!demoPerson) {
      // Not the address: it is a real person's, and logs go to places mail does not.
      mailLog.warn(`not sent: only demo people and .example addresses get mail without an SMTP server (set EMAIL_SERVER)`);
      return false;
    }
    await db.devMail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html } });
    mailLog.info(`captured in the development mailbox: ${mail.subject}`);
    return true;
  }
  if (!transport && !EMAIL_SERVER) throw new Error("No SMTP server configured (EMAIL_SERVER)");
  const via = transport ?? (transporter ??= smtpTransport(EMAIL_SERVER!));
  await via.sendMail({ from: EMAIL_FROM, ...mail });
  return true;
}

/** An address under the reserved top-level domain .example: fictional by definition. */
export function isFictionalAddress(address: string): boolean {
  return /@([a-z0-9-]+\.)*example$/i.test(address.trim());
}
