import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { unsubscribe } from "@/lib/mail/settings";

/**
 * One-click unsubscribe (RFC 8058): mail programs POST "List-Unsubscribe=One-Click" to the address
 * in the List-Unsubscribe header. The signed token is the only credential.
 */
export async function POST(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  try {
    const done = await unsubscribe(token);
    return NextResponse.json({ ok: true, changed: done.changed });
  } catch (error) {
    if (error instanceof AppError)
      return NextResponse.json({ ok: false, error: error.message }, { status: error.code === "NOT_FOUND" ? 404 : 400 });
    throw error;
  }
}
