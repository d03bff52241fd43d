// Suggestions for the comment box: people to mention, for what was typed after "@". Only for someone
// who may write in the discussion, and only people who can see it (lib/discussion/people.ts).
import { NextResponse } from "next/server";
import { currentActor } from "@/lib/authz/actor";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import type { ThreadType } from "@/lib/discussion";
import { suggestMentions } from "@/lib/discussion/people";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  try {
    const people = await suggestMentions(
      await currentActor(),
      (params.get("thread") ?? "") as ThreadType,
      params.get("id") ?? "",
      params.get("q") ?? "",
    );
    // Who belongs where is members' data: never kept by a browser or a proxy.
    return NextResponse.json({ people }, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ error: error.message }, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
