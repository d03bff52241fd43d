/** Only same-site paths may be returned to after signing in (no open redirects). */
export function safeCallbackUrl(value: string | undefined | null, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
