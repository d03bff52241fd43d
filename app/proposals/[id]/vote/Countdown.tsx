"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

function left(ms: number) {
  if (ms <= 0) return "closing now";
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} day${days === 1 ? "" : "s"} ${hours} h left`;
  if (hours > 0) return `${hours} h ${minutes % 60} min left`;
  if (minutes > 0) return `${minutes} min left`;
  return `${Math.ceil(ms / 1000)} s left`;
}

/** Time left until the close; when it passes, the page reloads to show the result. */
export function Countdown({ closesAt }: { closesAt: string }) {
  const router = useRouter();
  const target = new Date(closesAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      // The server closes the vote; look again a few seconds after the deadline, then every 5 s.
      if (t > target + 3000 && Math.floor(t / 1000) % 5 === 0) router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [router, target]);
  return (
    <span suppressHydrationWarning className="font-semibold">
      {left(target - now)}
    </span>
  );
}
