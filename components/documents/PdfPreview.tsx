"use client";
// A PDF shown in the page, loaded only when asked for: the frame is same-origin (the page's policy
// allows frames from 'self'; the file's own response allows framing by this site only).
import { useState } from "react";

export function PdfPreview({ src, title }: { src: string; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="font-medium text-brand-700 underline" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Hide preview" : "Preview"}
        <span className="sr-only"> {title}</span>
      </button>
      {open ? (
        <iframe src={src} title={`Preview: ${title}`} className="block h-[70vh] w-full basis-full rounded border border-slate-300" />
      ) : null}
    </>
  );
}
