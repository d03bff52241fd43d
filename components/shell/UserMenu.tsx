"use client";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useEffect, useRef, useState } from "react";

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !ref.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="user-menu"
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full py-1 pr-3 pl-1 text-sm font-medium text-white hover:bg-brand-800"
      >
        <span aria-hidden className="flex h-8 w-8 items-center justify-center rounded-full bg-white text-xs font-bold text-brand-800">
          {initials}
        </span>
        <span className="sr-only sm:not-sr-only">{name}</span>
        <span className="sr-only">: account menu</span>
      </button>
      {open ? (
        <div
          id="user-menu"
          role="menu"
          className="absolute right-0 z-20 mt-2 w-64 rounded-md border border-slate-200 bg-white p-2 text-slate-800 shadow-lg"
        >
          <div className="border-b border-slate-100 px-2 pb-2">
            <p className="font-medium">{name}</p>
            <p className="truncate text-sm text-slate-600">{email}</p>
            <p className="text-sm text-slate-600">{roleLabel}</p>
          </div>
          <Link
            role="menuitem"
            href="/account"
            onClick={() => setOpen(false)}
            className="mt-1 block rounded px-2 py-2 text-sm text-slate-800 no-underline hover:bg-slate-100"
          >
            My account
          </Link>
          <Link
            role="menuitem"
            href="/notifications/settings"
            onClick={() => setOpen(false)}
            className="block rounded px-2 py-2 text-sm text-slate-800 no-underline hover:bg-slate-100"
          >
            Email and time zone
          </Link>
          <Link
            role="menuitem"
            href="/help"
            onClick={() => setOpen(false)}
            className="block rounded px-2 py-2 text-sm text-slate-800 no-underline hover:bg-slate-100"
          >
            How the portal works
          </Link>
          <button
            type="button"
            role="menuitem"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut({ callbackUrl: "/" });
            }}
            className="mt-1 w-full rounded px-2 py-2 text-left text-sm hover:bg-slate-100"
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
