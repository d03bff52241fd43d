// Runs before every request (Next.js 16's proxy, formerly middleware). Not a security boundary for
// data (every read and write checks the session and the permission itself): it sets the response's
// security headers, above all a Content-Security-Policy with a fresh nonce per request, which Next.js
// puts on the scripts it renders so that no other script can run.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

/** True when the address's percent-escapes do not spell UTF-8 (%ED%A0%80, a lone %): no page has such a name. */
function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  // Next.js answers 500 when it decodes such an address into a page's parameters: it is the
  // request that is wrong, so say so (400) before any routing.
  const https = request.nextUrl.protocol === "https:";
  if (malformedPath(request.nextUrl.pathname)) {
    const refused = new NextResponse("This address is not valid: it has a broken %-escape.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
    return withSecurityHeaders(refused, https);
  }
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  // Next.js reads the nonce from the request's policy header when it renders the page.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return withSecurityHeaders(response, https);
}

function withSecurityHeaders(response: NextResponse, https: boolean): NextResponse {
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not for the build's static files, images or prefetches: they carry no page scripts. Not for the
  // ClinicalTrials.gov import either: a proxy buffers request bodies up to 10 MB only, and records
  // run to 12 (its answer is JSON, with next.config.js's headers). Nor for documents: uploads run to
  // 50 MB, and a stored file is served with a policy of its own (lib/documents/serve.ts).
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|api/trials/[^/]+/import|api/documents(?:/|$)).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
