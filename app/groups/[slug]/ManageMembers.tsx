"use client";
import { useActionState } from "react";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import type { FormState } from "@/lib/form-state";
import { removeMemberAction, setMemberAction } from "./actions";

interface Person {
  id: string;
  name: string | null;
  org: string;
}

const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-50";

function MemberRow({ groupId, slug, person, role }: { groupId: string; slug: string; person: Person; role: "CHAIR" | "MEMBER" }) {
  const [setState, setRole, settingRole] = useActionState<FormState, FormData>(setMemberAction.bind(null, groupId, slug), { ok: true });
  const [removeState, remove, removing] = useActionState<FormState, FormData>(removeMemberAction.bind(null, groupId, slug), { ok: true });
  const message = !setState.ok ? setState : !removeState.ok ? removeState : null;
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          {person.name} <span className="text-slate-600">({person.org})</span> {role === "CHAIR" ? <strong>· chair</strong> : null}
        </span>
        <span className="flex gap-2">
          <form action={setRole}>
            <input type="hidden" name="userId" value={person.id} />
            <input type="hidden" name="role" value={role === "CHAIR" ? "MEMBER" : "CHAIR"} />
            <button type="submit" className={small} disabled={settingRole}>
              {role === "CHAIR" ? `Make ${person.name} a member` : `Name ${person.name} chair`}
            </button>
          </form>
          <form action={remove}>
            <input type="hidden" name="userId" value={person.id} />
            <button type="submit" className={small} disabled={removing}>
              Remove {person.name}
            </button>
          </form>
        </span>
      </div>
      {message ? <FormMessage ok={false} message={message.message} /> : null}
    </li>
  );
}

export function ManageMembers({
  groupId,
  slug,
  members,
  candidates,
}: {
  groupId: string;
  slug: string;
  members: { role: "CHAIR" | "MEMBER"; person: Person }[];
  candidates: Person[];
}) {
  const [state, add, adding] = useActionState<FormState, FormData>(setMemberAction.bind(null, groupId, slug), { ok: true });
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100">
        {members.map((m) => (
          <MemberRow key={m.person.id} groupId={groupId} slug={slug} person={m.person} role={m.role} />
        ))}
      </ul>
      <form action={add} className="grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <Field name="userId" label="Add a person from any member organization" error={state.fields?.userId}>
          {(p) => (
            <select {...p} name="userId" defaultValue="" className={inputClass}>
              <option value="" disabled>
                Choose…
              </option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.org})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="role" label="As">
          {(p) => (
            <select {...p} name="role" defaultValue="MEMBER" className={inputClass}>
              <option value="MEMBER">Member</option>
              <option value="CHAIR">Chair</option>
            </select>
          )}
        </Field>
        <button
          type="submit"
          disabled={adding}
          className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Add to group
        </button>
        <div className="sm:col-span-3">
          <FormMessage ok={state.ok} message={state.message} />
        </div>
      </form>
    </div>
  );
}
