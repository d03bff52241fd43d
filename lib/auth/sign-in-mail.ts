/** How long a sign-in link works (next-auth's email provider checks the same expiry). */
export const LINK_LIFETIME_SECONDS = 24 * 60 * 60;

/** The sign-in email: plain text first (many clinical mail systems strip HTML), HTML beside it. */
export function signInMail(url: string, lifetimeSeconds: number) {
  const hours = Math.round(lifetimeSeconds / 3600);
  const escaped = url.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return {
    subject: "Your sign-in link for the IRCI portal",
    text: `Sign in to the International Rare Cancer Initiative portal:\n\n${url}\n\nThe link works once and expires in ${hours} hours. If you did not ask for it, ignore this message.`,
    html: `<p>Sign in to the International Rare Cancer Initiative portal:</p><p><a href="${escaped}">Sign in to the IRCI portal</a></p><p>The link works once and expires in ${hours} hours. If you did not ask for it, ignore this message.</p>`,
  };
}
