import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";
import { db } from "@/lib/db";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

let transporter: Transporter | undefined;

/**
 * Sends through the configured SMTP server. Outside production with no SMTP server, the mail is
 * kept in the development mailbox (/dev/mailbox) and written to the server log instead.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { captureMail, EMAIL_SERVER, EMAIL_FROM } = config();
  if (captureMail) {
    // The development mailbox is readable without signing in: it only ever holds mail for the
    // fictional demo people. Mail for anyone else needs a real SMTP server.
    const demoPerson = await db.user.findFirst({ where: { email: mail.to, demo: true }, select: { id: true } });
    if (!demoPerson) {
      console.warn(`[mail] not sent to ${mail.to}: only demo people get mail without an SMTP server (set EMAIL_SERVER).`);
      return;
    }
    await db.devMail.create({ data: mail });
    console.info(`[mail] captured for ${mail.to}: ${mail.subject}\n${mail.text}`);
    return;
  }
  if (!EMAIL_SERVER) throw new Error("No SMTP server configured (EMAIL_SERVER)");
  transporter ??= nodemailer.createTransport(EMAIL_SERVER);
  await transporter.sendMail({ from: EMAIL_FROM, ...mail });
}
