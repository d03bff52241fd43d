"use client";
// The forms of the people pages. Each refusal shows on its field (own role, last representative,
// an address already in the portal); what was typed stays when the server refuses it.
import type { ReactNode } from "react";
import { buttonClass, secondaryButtonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { useServerForm } from "@/components/useServerForm";
import { ORG_ROLE_LABEL } from "@/components/labels";
import type { FormState } from "@/lib/form-state";
import { PERSON_TEXT_MAX } from "@/lib/people/limits";
import {
  decideAccessRequestAction,
  deactivateAction,
  inviteAction,
  reactivateAction,
  revokeInvitationAction,
  setRoleAction,
  setSecretariatAction,
} from "./actions";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Role = keyof typeof ORG_ROLE_LABEL;
const ROLES = Object.keys(ORG_ROLE_LABEL) as Role[];

const useForm = (action: Action, clearOnSuccess = true) => useServerForm(action, clearOnSuccess);

function Submit({ pending, children, tone = "brand" }: { pending: boolean; children: ReactNode; tone?: "brand" | "quiet" | "danger" }) {
  const cls =
    tone === "brand"
      ? buttonClass
      : tone === "danger"
        ? "inline-flex items-center rounded-md bg-rose-700 px-3 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60"
        : secondaryButtonClass;
  return (
    <button type="submit" className={cls} disabled={pending}>
      {pending ? "Saving…" : children}
    </button>
  );
}

/** Invite by email: into the representative's own organization, or (the secretariat) any organization or the secretariat. */
export function InviteForm({
  organizationId,
  organizations,
  canGrantSecretariat,
}: {
  /** The organization invited into (an organization's page); absent: the secretariat chooses. */
  organizationId?: string;
  organizations?: { id: string; shortName: string; name: string }[];
  canGrantSecretariat: boolean;
}) {
  const [f, fRef] = useForm(inviteAction);
  return (
    <form ref={fRef} onSubmit={f.onSubmit} className="space-y-4" aria-label="Invite someone">
      <FormMessage ok={f.state.ok} message={f.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="invite-email" label="Email address" error={f.fields.email} hint="Their work address: the invitation is sent there.">
          {(p) => (
            <LimitedInput
              {...p}
              type="email"
              name="email"
              required
              autoComplete="off"
              defaultValue={f.values.email}
              className={inputClass}
              limit={PERSON_TEXT_MAX.email}
            />
          )}
        </Field>
        <Field name="invite-role" label="Role" error={f.fields.role}>
          {(p) => (
            <select {...p} name="role" defaultValue={f.values.role ?? "MEMBER"} className={inputClass}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ORG_ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {organizations ? (
        <Field name="invite-organization" label="Organization" error={f.fields.organizationId}>
          {(p) => (
            <select {...p} name="organizationId" defaultValue={f.values.organizationId ?? ""} className={inputClass}>
              <option value="">None: the secretariat only</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.shortName}: {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <input type="hidden" name="organizationId" value={organizationId ?? ""} />
      )}
      {canGrantSecretariat ? (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="secretariat"
            value="yes"
            defaultChecked={f.values.secretariat === "yes"}
            className="mt-0.5 h-4 w-4"
          />
          <span>
            Also a member of the IRCI secretariat <span className="text-slate-600">(manages everyone and the portal&apos;s settings)</span>
          </span>
        </label>
      ) : null}
      <Submit pending={f.pending}>Send the invitation</Submit>
    </form>
  );
}

/** Sending again is a new invitation: a new link, and the old one stops working. */
export function ResendInvitationForm({
  email,
  role,
  organizationId,
  secretariat,
}: {
  email: string;
  role: Role;
  organizationId: string | null;
  secretariat: boolean;
}) {
  const [f, fRef] = useForm(inviteAction);
  return (
    <form ref={fRef} onSubmit={f.onSubmit} aria-label={`Send the invitation to ${email} again`}>
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="role" value={role} />
      <input type="hidden" name="organizationId" value={organizationId ?? ""} />
      {secretariat ? <input type="hidden" name="secretariat" value="yes" /> : null}
      <Submit pending={f.pending} tone="quiet">
        Send again
      </Submit>
      <FormMessage ok={f.state.ok} message={f.state.message} />
    </form>
  );
}

export function RevokeInvitationForm({ invitationId, email }: { invitationId: string; email: string }) {
  const [f, fRef] = useForm(revokeInvitationAction.bind(null, invitationId));
  return (
    <form ref={fRef} onSubmit={f.onSubmit} aria-label={`Withdraw the invitation to ${email}`}>
      <Submit pending={f.pending} tone="quiet">
        Withdraw
      </Submit>
      <FormMessage ok={f.state.ok} message={f.state.message} />
    </form>
  );
}

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const [f, fRef] = useForm(setRoleAction.bind(null, userId), false);
  return (
    <form ref={fRef} onSubmit={f.onSubmit} className="space-y-2" aria-label={`Change ${name}'s role`}>
      <Field name={`role-${userId}`} label={`Role of ${name}`} error={f.fields.role}>
        {(p) => (
          <select {...p} name="role" defaultValue={f.values.role ?? role} className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ORG_ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Submit pending={f.pending} tone="quiet">
        Change role
      </Submit>
      <FormMessage ok={f.state.ok} message={f.message} />
    </form>
  );
}

export function DeactivateForm({ userId, name }: { userId: string; name: string }) {
  const [f, fRef] = useForm(deactivateAction.bind(null, userId));
  return (
    <form ref={fRef} onSubmit={f.onSubmit} className="space-y-2" aria-label={`Deactivate ${name}`}>
      <Field
        name={`reason-${userId}`}
        label={`Why deactivate ${name}?`}
        error={f.fields.reason}
        hint="They are signed out at once and told the reason by email."
      >
        {(p) => (
          <LimitedInput
            {...p}
            name="reason"
            required
            defaultValue={f.values.reason}
            className={inputClass}
            limit={PERSON_TEXT_MAX.reason}
          />
        )}
      </Field>
      <Submit pending={f.pending} tone="danger">
        Deactivate
      </Submit>
      <FormMessage ok={f.state.ok} message={f.message} />
    </form>
  );
}

export function ReactivateForm({ userId, name }: { userId: string; name: string }) {
  const [f, fRef] = useForm(reactivateAction.bind(null, userId));
  return (
    <form ref={fRef} onSubmit={f.onSubmit} aria-label={`Reactivate ${name}`}>
      <Submit pending={f.pending} tone="quiet">
        Reactivate
      </Submit>
      <FormMessage ok={f.state.ok} message={f.state.message} />
    </form>
  );
}

export function SecretariatForm({ userId, name, holds }: { userId: string; name: string; holds: boolean }) {
  const [f, fRef] = useForm(setSecretariatAction.bind(null, userId), false);
  return (
    <form
      ref={fRef}
      onSubmit={f.onSubmit}
      className="space-y-1"
      aria-label={`${holds ? "Remove" : "Grant"} ${name}'s secretariat capability`}
    >
      <input type="hidden" name="secretariat" value={holds ? "no" : "yes"} />
      <Submit pending={f.pending} tone="quiet">
        {holds ? "Remove from the secretariat" : "Add to the secretariat"}
      </Submit>
      {f.fields.secretariat ? (
        <p role="alert" className="text-sm text-rose-700">
          {f.fields.secretariat}
        </p>
      ) : (
        <FormMessage ok={f.state.ok} message={f.state.message} />
      )}
    </form>
  );
}

/** Approve with one click; refusing asks for the reason the person is told. */
export function DecideRequestForms({ requestId, email }: { requestId: string; email: string }) {
  const [approve, approveRef] = useForm(decideAccessRequestAction.bind(null, requestId));
  const [refuse, refuseRef] = useForm(decideAccessRequestAction.bind(null, requestId));
  return (
    <div className="flex flex-wrap items-start gap-4">
      <form ref={approveRef} onSubmit={approve.onSubmit} aria-label={`Approve ${email}`}>
        <input type="hidden" name="decision" value="approve" />
        <input type="hidden" name="reason" value="" />
        <Submit pending={approve.pending}>Approve as member</Submit>
        <FormMessage ok={approve.state.ok} message={approve.state.message} />
        {approve.fields.decision ? <p className="mt-1 text-sm text-rose-700">{approve.fields.decision}</p> : null}
      </form>
      <form ref={refuseRef} onSubmit={refuse.onSubmit} className="min-w-0 flex-1 space-y-2" aria-label={`Refuse ${email}`}>
        <input type="hidden" name="decision" value="refuse" />
        <Field name={`refuse-${requestId}`} label="Reason for refusing" error={refuse.fields.reason} hint="They are told it by email.">
          {(p) => (
            <LimitedInput {...p} name="reason" defaultValue={refuse.values.reason} className={inputClass} limit={PERSON_TEXT_MAX.reason} />
          )}
        </Field>
        <Submit pending={refuse.pending} tone="quiet">
          Refuse
        </Submit>
        <FormMessage ok={refuse.state.ok} message={refuse.message} />
      </form>
    </div>
  );
}
