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
