import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { authRedirect } from "@/lib/auth/callback-url";
import { config } from "@/lib/config";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

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

export function GET(request: NextRequest, context: Context) {
  return handler(withSafeCallbackUrl(request), context);
}

/**
 * Sign-in links are asked for through the sign-in page (requestSignInLink: limited per address and
 * client, answered alike for every address), never through next-auth's own endpoint, which would
 * bypass both.
 */
export async function POST(request: NextRequest, context: Context) {
  // The decoded route, so "/signin/%65mail" is caught too.
  const [action, provider] = (await context.params).nextauth;
  if (action === "signin" && provider === "email") {
    return NextResponse.json({ error: "Ask for a sign-in link on the sign-in page." }, { status: 404 });
  }
  return handler(request, context);
}
