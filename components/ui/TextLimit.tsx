"use client";
import {
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
  type TextareaHTMLAttributes,
} from "react";
import { limitAnnouncement, limitBand, limitCounter, submittedLength } from "./text-limit";

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A field's length limit shown while typing: a count under the field from 80% of the limit, amber
 * at the limit, rose and saying by how much when over; the field is described by the count, and a
 * polite live region speaks only when the text enters another band. Works on uncontrolled fields
 * (the count follows input events and the form's reset) and on controlled ones alike.
 */
export function useTextLimit(field: RefObject<Field | null>, max: number, initial = "") {
  const id = useId();
  const [length, setLength] = useState(() => submittedLength(initial));
  const [announced, setAnnounced] = useState("");
  const band = limitBand(length, max);
  const bandRef = useRef(band);

  useEffect(() => {
    if (bandRef.current === band) return;
    bandRef.current = band;
    setAnnounced(limitAnnouncement(band, max));
  }, [band, max]);

  useEffect(() => {
    const form = field.current?.form;
    if (!form) return;
    // The reset event comes before the fields are reset: count once it is done.
    const onReset = () => queueMicrotask(() => setLength(submittedLength(field.current?.value ?? "")));
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, [field]);

  const counterId = `${id}-count`;
  const tone = band === "over" ? "font-semibold text-rose-700" : band === "at" ? "font-semibold text-amber-800" : "text-slate-600";
  return {
    over: band === "over",
    counterId,
    /** Counts again after the value was set by a script (no input event then). */
    recount: (value: string) => setLength(submittedLength(value)),
    onInput: (event: { currentTarget: Field }) => setLength(submittedLength(event.currentTarget.value)),
    counter: (
      <>
        <p id={counterId} className={`mt-1 text-sm tabular-nums ${tone} empty:hidden`}>
          {limitCounter(length, max)}
        </p>
        <p aria-live="polite" className="sr-only">
          {announced}
        </p>
      </>
    ) as ReactNode,
  };
}

function describedBy(own: string | undefined, counterId: string) {
  return [own, counterId].filter(Boolean).join(" ");
}

/**
 * A one-line field with its limit: typing stops at the limit (maxLength), since a short text cut
 * off at its end is plain to see.
 */
export function LimitedInput({ limit: max, ...props }: InputHTMLAttributes<HTMLInputElement> & { limit: number }) {
  const field = useRef<HTMLInputElement>(null);
  const counted = useTextLimit(field, max, String(props.value ?? props.defaultValue ?? ""));
  return (
    <>
      <input
        {...props}
        ref={field}
        maxLength={max}
        aria-invalid={props["aria-invalid"] || counted.over || undefined}
        aria-describedby={describedBy(props["aria-describedby"], counted.counterId)}
        onInput={(event) => {
          counted.onInput(event);
          props.onInput?.(event);
        }}
      />
      {counted.counter}
    </>
  );
}

/**
 * A text area with its limit: a long paste is kept whole and the count says how much is over,
 * rather than losing its end unseen; the server refuses it until it is shortened.
 */
export function LimitedTextarea({ limit: max, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { limit: number }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const counted = useTextLimit(field, max, String(props.value ?? props.defaultValue ?? ""));
  return (
    <>
      <textarea
        {...props}
        ref={field}
        aria-invalid={props["aria-invalid"] || counted.over || undefined}
        aria-describedby={describedBy(props["aria-describedby"], counted.counterId)}
        onInput={(event) => {
          counted.onInput(event);
          props.onInput?.(event);
        }}
      />
      {counted.counter}
    </>
  );
}
