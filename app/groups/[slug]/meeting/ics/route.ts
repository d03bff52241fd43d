import { createEvent } from "ics";
import { NextResponse, type NextRequest } from "next/server";
import { currentActor } from "@/lib/authz/actor";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { plannableStart } from "@/lib/meetings/planner";
import { meetingOffices } from "@/lib/meetings/queries";

/** An .ics invitation for a planned meeting of the group, in UTC so every calendar shows local time. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const start = new Date(request.nextUrl.searchParams.get("start") ?? "");
  const minutes = Number(request.nextUrl.searchParams.get("minutes"));
  if (!plannableStart(start) || !Number.isInteger(minutes) || minutes < 15 || minutes > 480) {
    return NextResponse.json(
      { error: "Give a start within a year back and five years ahead, and a length between 15 and 480 minutes." },
      { status: 400 },
    );
  }
  try {
    const { group, offices } = await meetingOffices(await currentActor(), slug);
    const { error, value } = createEvent({
      title: `${group.name} meeting`,
      description: `IRCI ${group.name}. Organizations: ${offices.map((o) => o.organization).join(", ")}.`,
      start: start.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      duration: { minutes },
      productId: "irci-portal",
      uid: `${group.slug}-${start.getTime()}@irci-portal`,
    });
    if (error || !value) throw error ?? new Error("Could not make the invitation");
    return new NextResponse(value, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="${group.slug}-meeting.ics"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return NextResponse.json({ error: error.message }, { status: HTTP_STATUS[error.code] });
    }
    throw error;
  }
}
