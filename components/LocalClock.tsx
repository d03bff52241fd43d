"use client";
import { useEffect, useState } from "react";
import { localTime, localWeekday, utcOffset } from "@/lib/time";

/** The current time in an office's zone, kept current while the page is open. */
export function LocalClock({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span suppressHydrationWarning>
      <time className="font-mono text-lg font-semibold text-slate-900" suppressHydrationWarning>
        {localTime(timeZone, now)}
      </time>{" "}
      <span className="text-sm text-slate-600" suppressHydrationWarning>
        {localWeekday(timeZone, now)} · {utcOffset(timeZone, now)}
      </span>
    </span>
  );
}
