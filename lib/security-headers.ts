// The security headers every response carries (set by proxy.ts). Pure, so the policy is tested as data.

/**
 * Scripts: only those Next.js renders with this request's nonce, and what they load ('strict-dynamic').
 * Styles: the stylesheet and inline style attributes (charts position their parts with them), no
 * remote styles. Frames from the portal only (a PDF's preview). Nothing may frame the portal, post forms
 * elsewhere, or load plugins.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The preview of a document version (a PDF served by the portal itself) is the one frame.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Besides those next.config.js sets on every response (nosniff, no framing, the referrer policy). */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    // Only where the portal is served over HTTPS (behind TLS termination): a year, subdomains too.
    ...(options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
