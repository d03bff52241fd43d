const BASE = "http://portal.invalid";

/**
 * Only same-site paths may be returned to after signing in (no open redirects). Control
 * characters and backslashes are refused outright: browsers drop or rewrite them, which can turn
 * "/\t/evil.example" into "//evil.example".
 */
export function safeCallbackUrl(value: string | undefined | null, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/**
 * Where next-auth sends someone after signing in: a path of this site, whatever the link carried.
 * A tampered callbackUrl (malformed, another site, control characters) leads to the dashboard
 * instead of an error page: next-auth's own default throws on a URL it cannot parse.
 *
 * The answer is a path, not an address: the browser stays on the host it signed in on, where the
 * session cookie was just set. (An address built from NEXTAUTH_URL sent someone who opened the
 * local portal as 127.0.0.1 to localhost, where they were signed out.)
 */
export function authRedirect(url: string, baseUrl: string): string {
  let path: string | undefined = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      path = parsed.origin === new URL(baseUrl).origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : undefined;
    } catch {
      path = undefined;
    }
  }
  return safeCallbackUrl(path);
}
