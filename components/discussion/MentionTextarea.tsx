"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { inputClass } from "@/components/ui/form";
import { useTextLimit } from "@/components/ui/TextLimit";
import { COMMENT_MAX } from "@/lib/discussion/limits";
import type { ThreadType } from "@/lib/discussion";
import { insertMention, mentionQueryAt } from "@/lib/discussion/mentions";
import type { Suggestion } from "@/lib/discussion/people";

/** How long typing pauses before the server is asked, so each letter does not make a request. */
const PAUSE_MS = 150;

/**
 * A comment box that suggests people while "@" and a name are typed: up and down arrows choose,
 * Enter or Tab picks, Escape closes; a tap or a click picks too. Picking writes a token bound to
 * that one person (`@[Jane Doe](user:ID)`), which the discussion shows as their name.
 *
 * The box stays a textbox (a multi-line field may not take the combobox role) and points at the
 * list with aria-controls and aria-activedescendant, the pattern of an editable combobox with list
 * autocomplete; a status line tells screen readers how many people were found. The field itself
 * is left uncontrolled, so the form's reset after posting clears it as before. Its length counts
 * while typing, against the limit the server checks.
 */
export function MentionTextarea({
  thread,
  label,
  name,
  rows,
  defaultValue,
  autoFocus,
  describedBy,
}: {
  thread: { type: ThreadType; id: string };
  label: ReactNode;
  name: string;
  rows: number;
  defaultValue?: string;
  autoFocus?: boolean;
  describedBy?: string;
}) {
  const id = useId();
  const listId = `${id}-people`;
  const field = useRef<HTMLTextAreaElement>(null);
  const limit = useTextLimit(field, COMMENT_MAX, defaultValue);
  const [people, setPeople] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState("");
  const [status, setStatus] = useState("");
  const asked = useRef<{ key: string; timer?: ReturnType<typeof setTimeout>; abort?: AbortController }>({ key: "" });
  // The "@" whose suggestions Escape closed: they stay closed until another "@" is typed.
  const dismissed = useRef<number | null>(null);

  useEffect(() => {
    const pending = asked.current;
    return () => {
      clearTimeout(pending.timer);
      pending.abort?.abort();
    };
  }, []);

  function close() {
    clearTimeout(asked.current.timer);
    asked.current.abort?.abort();
    asked.current = { key: "" };
    setOpen(false);
    setPeople([]);
  }

  /** Looks at what is typed before the caret and asks for people when it is a mention being written. */
  function look() {
    const box = field.current;
    if (!box) return;
    const typed = mentionQueryAt(box.value, box.selectionStart);
    const query = typed?.query.trim() ?? "";
    if (!typed || !query || typed.start === dismissed.current || box.selectionStart !== box.selectionEnd) {
      if (typed?.start !== dismissed.current) dismissed.current = null;
      if (asked.current.key) close();
      return;
    }
    dismissed.current = null;
    if (asked.current.key === query) return;
    clearTimeout(asked.current.timer);
    asked.current.abort?.abort();
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ thread: thread.type, id: thread.id, q: query });
      try {
        const response = await fetch(`/api/mentions?${params}`, { signal: abort.signal, headers: { accept: "application/json" } });
        if (!response.ok) return close();
        const found = ((await response.json()) as { people: Suggestion[] }).people;
        setPeople(found);
        setActive(0);
        setSearched(query);
        setOpen(true);
        setStatus(
          found.length
            ? `${found.length} ${found.length === 1 ? "person" : "people"} to mention: up and down arrows to choose, Enter to pick, Escape to close.`
            : `No one who can see this discussion matches ${query}.`,
        );
      } catch (error) {
        if ((error as Error).name !== "AbortError") close();
      }
    }, PAUSE_MS);
    asked.current = { key: query, timer, abort };
  }

  function pick(person: Suggestion) {
    const box = field.current;
    if (!box) return;
    const typed = mentionQueryAt(box.value, box.selectionStart);
    if (typed) {
      const next = insertMention(box.value, typed.start, box.selectionStart, person);
      box.value = next.text;
      box.setSelectionRange(next.caret, next.caret);
      limit.recount(next.text);
    }
    box.focus();
    close();
    setStatus(`${person.name} mentioned.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open || event.nativeEvent.isComposing) return;
    if (event.key === "Escape") {
      event.preventDefault();
      dismissed.current = mentionQueryAt(event.currentTarget.value, event.currentTarget.selectionStart)?.start ?? null;
      close();
      setStatus("Suggestions closed.");
      return;
    }
    if (people.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + people.length) % people.length);
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      pick(people[active]!);
    }
  }

  const showList = open && people.length > 0;
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        ref={field}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        className={inputClass}
        aria-describedby={[describedBy, limit.counterId].filter(Boolean).join(" ")}
        aria-invalid={limit.over || undefined}
        aria-autocomplete="list"
        aria-controls={showList ? listId : undefined}
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        onInput={(event) => {
          limit.onInput(event);
          look();
        }}
        onSelect={look}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      {showList ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="People to mention"
          className="absolute right-0 left-0 z-20 mt-1 max-w-md overflow-hidden rounded-md border border-slate-300 bg-white text-sm shadow-lg"
        >
          {people.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // Keeps the focus in the box, so the pick lands where the caret is.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(p)}
              onMouseEnter={() => setActive(i)}
              className={`flex min-h-11 cursor-pointer flex-wrap items-center justify-between gap-x-3 px-3 py-2 ${
                i === active ? "bg-brand-700 text-white" : "text-slate-900"
              }`}
            >
              <span className="font-semibold">{p.name}</span>
              <span className={i === active ? "text-white" : "text-slate-600"}>{p.organization}</span>
            </li>
          ))}
        </ul>
      ) : open ? (
        <p className="absolute right-0 left-0 z-20 mt-1 max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 shadow-lg">
          No one who can see this discussion matches “{searched}”.
        </p>
      ) : null}
      {limit.counter}
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}
