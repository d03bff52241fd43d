"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type KeyboardEvent } from "react";

/**
 * The main navigation. Where the links do not fit on one line (a phone; the secretariat's longer
 * list on a laptop), a Menu button opens them as a panel under the header instead of letting them
 * wrap onto two or three rows. The classes are written out whole so that Tailwind sees them.
 */
const FITS = {
  few: { button: "lg:hidden", list: "lg:static lg:flex lg:w-auto lg:flex-row lg:items-center lg:bg-transparent lg:p-0 lg:shadow-none" },
  /** A member's six links (with the decision register) fit from a laptop's 1280 pixels. */
  six: { button: "xl:hidden", list: "xl:static xl:flex xl:w-auto xl:flex-row xl:items-center xl:bg-transparent xl:p-0 xl:shadow-none" },
  many: {
    button: "2xl:hidden",
    list: "2xl:static 2xl:flex 2xl:w-auto 2xl:flex-row 2xl:items-center 2xl:bg-transparent 2xl:p-0 2xl:shadow-none",
  },
};

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const fits = FITS[links.length > 6 ? "many" : links.length === 6 ? "six" : "few"];
  const inline = links.length <= 2;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") setOpen(false);
  };
  return (
    <div onKeyDown={onKeyDown} className="flex justify-end">
      {inline ? null : (
        <button
          type="button"
          aria-expanded={open}
          aria-controls="main-menu"
          onClick={() => setOpen((o) => !o)}
          className={`${fits.button} flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-white hover:bg-brand-800`}
        >
          <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
            {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          Menu
        </button>
      )}
      <ul
        id="main-menu"
        className={
          inline
            ? "flex flex-wrap items-center gap-1"
            : `${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-20 flex-col gap-1 bg-brand-700 px-4 pb-3 shadow-lg ${fits.list}`
        }
      >
        {links.map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                onClick={() => setOpen(false)}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap no-underline hover:bg-brand-800 hover:no-underline ${
                  current ? "bg-brand-900 text-white" : "text-brand-50"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
