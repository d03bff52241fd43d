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
      {/* Styled like the quiet buttons of the forms beside it (Delete), and aligned with them. */}
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="mt-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
      >
        {label}
        {hiddenLabel ? <span className="sr-only"> {hiddenLabel}</span> : null}
      </button>
      {open ? <div className="mt-2">{children}</div> : null}
    </div>
  );
}
