"use client";
import { useState, type ReactNode } from "react";

/**
 * A button that shows its form only when asked. A long discussion would otherwise render a reply,
 * an edit and a delete form for every comment, most of which nobody opens.
 */
export function Reveal({ label, hiddenLabel, children }: { label: string; hiddenLabel?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className="cursor-pointer text-brand-700 hover:underline">
        {label}
        {hiddenLabel ? <span className="sr-only"> {hiddenLabel}</span> : null}
      </button>
      {open ? <div className="mt-2">{children}</div> : null}
    </div>
  );
}
