import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { authOptionsForRequest } from "@/lib/auth/options";
import { authRedirect } from "@/lib/auth/callback-url";
import { portalAdapter } from "@/lib/auth/adapter";
import { clientAddressOf } from "@/lib/auth/sign-in-requests";
import { slugOfProviderId } from "@/lib/auth/sso/schema";
import { config } from "@/lib/config";
import { db } from "@/lib/db";

type Context = { params: Promise<{ nextauth: string[] }> };
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * A sign-in link's callbackUrl is whatever the link says, and a tampered one made next-auth answer
 * 500 (it refuses a URL it cannot parse before any callback of ours runs): it is made a path of
 * this site first, the dashboard when it is anything else.
 */
function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const raw = request.nextUrl.searchParams.get("callbackUrl");
  if (raw === null) return request;
  const url = request.nextUrl.clone();
  url.searchParams.set("callbackUrl", authRedirect(raw, config().NEXTAUTH_URL));
  return new NextRequest(url, { headers: request.headers, method: request.method });
}

/**
 * Signing in through an organization replaces whoever was signed in in this browser: next-auth
 * would otherwise link the organization's identity to the current person (the adapter refuses
 * that, see lib/auth/options.ts). The old session ends once the new one is made.
 */
function withoutSession(request: NextRequest): { request: NextRequest; previous: string | null } {
  const previous = SESSION_COOKIES.map((name) => request.cookies.get(name)?.value).find(Boolean) ?? null;
  if (!previous) return { request, previous };
  const headers = new Headers(request.headers);
  const kept = request.cookies.getAll().filter((c) => !SESSION_COOKIES.includes(c.name));
  headers.set("cookie", kept.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; "));
  return { request: new NextRequest(request.nextUrl, { headers, method: request.method }), previous };
}

/**
 * When an organization's service fails, next-auth sends the browser through its own error route
 * to the sign-in page; it goes straight to the sign-in error page instead, which then says whose
 * service it was.
 */
async function namingOrganization(response: Response, providerId: string | undefined): Promise<Response> {
  const slug = providerId ? slugOfProviderId(providerId) : null;
  if (!slug) return response;
  const name = (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url, config().NEXTAUTH_URL);
    } catch {
      return url;
    }
    const error = parsed.searchParams.get("error");
    if (!error || parsed.searchParams.has("organization")) return url;
    if (!["/api/auth/error", "/api/auth/signin", "/signin", "/signin/error"].includes(parsed.pathname)) return url;
    return `${config().NEXTAUTH_URL}/signin/error?${new URLSearchParams({ error, organization: slug })}`;
  };
  const location = response.headers.get("location");
  if (location) {
    const headers = new Headers(response.headers);
    headers.set("location", name(location));
    return new Response(response.body, { status: response.status, headers });
  }
  if (response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.clone().json()) as { url?: unknown };
    if (typeof body.url === "string" && body.url !== name(body.url)) {
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      return new Response(JSON.stringify({ ...body, url: name(body.url) }), { status: response.status, headers });
    }
  }
  return response;
}

async function handle(incoming: NextRequest, context: Context): Promise<Response> {
  // The decoded route, so "/signin/%65mail" is seen for what it is.
  const [action, providerId] = (await context.params).nextauth;
  const options = await authOptionsForRequest({
    userAgent: incoming.headers.get("user-agent")?.slice(0, 500) ?? null,
    ipAddress: clientAddressOf(incoming.headers),
    method: action === "callback" ? (providerId ?? null) : null,
  });
  const organizationCallback = action === "callback" && providerId?.startsWith("oidc-");
  const { request, previous } = organizationCallback ? withoutSession(incoming) : { request: incoming, previous: null };
  const response: Response = await NextAuth(request, context, options);
  const signedIn = response.headers
    .getSetCookie()
    .some((c) => SESSION_COOKIES.some((name) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`)));
  if (previous && signedIn) await portalAdapter(db).deleteSession!(previous);
  return namingOrganization(response, providerId);
}

export function GET(request: NextRequest, context: Context) {
  return handle(withSafeCallbackUrl(request), context);
}

/**
 * Sign-in links are asked for through the sign-in page (requestSignInLink: limited per address and
 * client, answered alike for every address), never through next-auth's own endpoint, which would
 * bypass both.
 */
export async function POST(request: NextRequest, context: Context) {
  const [action, provider] = (await context.params).nextauth;
  if (action === "signin" && provider === "email") {
    return NextResponse.json({ error: "Ask for a sign-in link on the sign-in page." }, { status: 404 });
  }
  return handle(request, context);
}
