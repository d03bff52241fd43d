import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { demoSignInPath } from "@/lib/auth/demo";
import { clientAddressOf, DEMO_SIGN_INS_PER_MINUTE, takeDemoSignInSlot } from "@/lib/auth/sign-in-requests";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { fromThisSite } from "@/lib/same-site";

const Input = z.object({ userId: z.string().min(1).max(64), callbackUrl: z.string().max(2000).optional() });

/**
 * A plain form post, answered with a redirect the browser follows to next-auth's email callback,
 * which sets the session cookie. (A server action's redirect would be followed on the server,
 * and the cookie would never reach the browser.)
 */
export async function POST(request: NextRequest) {
  // Only forms on this site may sign someone in: browsers send Origin with every form post.
  if (!fromThisSite(request.headers)) {
    return NextResponse.json({ error: "Cross-site request refused" }, { status: 403 });
  }
  const form = await request.formData();
  const input = Input.safeParse({ userId: form.get("userId"), callbackUrl: form.get("callbackUrl") ?? undefined });
  if (!input.success) return NextResponse.json({ error: "Choose a demo person" }, { status: 400 });
  // Outside demo mode nothing here may write, not even the limiter's row.
  if (!config().demo) return NextResponse.json({ error: "Demo sign-in is not available here." }, { status: 404 });
  if (!(await takeDemoSignInSlot(clientAddressOf(request.headers)))) {
    return new NextResponse(
      `More than ${DEMO_SIGN_INS_PER_MINUTE} demo sign-ins from your network in the last minute. Wait a minute, then try again.`,
      {
        status: 429,
        headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "60" },
      },
    );
  }
  try {
    const path = await demoSignInPath(input.data.userId, safeCallbackUrl(input.data.callbackUrl));
    // A path, not an address: Next.js names 127.0.0.1 "localhost" in request.nextUrl, and the
    // session cookie belongs to the host the person is on.
    return new NextResponse(null, { status: 303, headers: { location: path } });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      return NextResponse.json({ error: error.message }, { status: 404 });
    }
    throw error;
  }
}
