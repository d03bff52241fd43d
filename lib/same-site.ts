// Whether a POST to a route handler comes from the portal's own pages. Route handlers have no
// server action's built-in check, so they compare the browser's Origin with the host the request
// was made to, as Next.js does for server actions: behind a load balancer that is X-Forwarded-Host,
// since the server itself listens on another address than the one people type.
export function fromThisSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const requested = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return Boolean(requested) && host === requested;
}
