// One person on a people page: who they are, their role and status, and (for a manager) what can
// be changed, folded away until asked for so that fifty people stay one readable list.
import { Badge } from "@/components/ui";
import { ORG_ROLE_LABEL } from "@/components/labels";
import { formatDateTime } from "@/lib/time";
import { DeactivateForm, ReactivateForm, RoleForm, SecretariatForm } from "./forms";

export interface PersonView {
  id: string;
  name: string | null;
  email: string;
  active: boolean;
  secretariat: boolean;
  deactivatedAt: Date | null;
  deactivationReason: string | null;
}

export function PersonCard({
  person,
  role,
  organization,
  zone,
  manage,
  secretariatControls = false,
}: {
  person: PersonView;
  role: keyof typeof ORG_ROLE_LABEL | null;
  /** The organization's short name, where the list spans organizations. */
  organization?: string;
  zone: string;
  manage: boolean;
  secretariatControls?: boolean;
}) {
  const name = person.name ?? person.email;
  return (
    <li className="py-3" aria-label={name}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium break-words">{name}</p>
          <p className="text-sm break-all text-slate-600">{person.email}</p>
          <div className="mt-1 flex flex-wrap gap-1">
            {role ? (
              <Badge tone={role === "MEMBER" ? "neutral" : "brand"}>
                {organization ? `${organization} ` : ""}
                {organization ? ORG_ROLE_LABEL[role].toLowerCase() : ORG_ROLE_LABEL[role]}
              </Badge>
            ) : null}
            {person.secretariat ? <Badge tone="violet">IRCI Secretariat</Badge> : null}
            {person.active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}
          </div>
          {!person.active && person.deactivatedAt ? (
            <p className="mt-1 text-sm text-slate-700">
              Deactivated {formatDateTime(person.deactivatedAt, zone)}
              {person.deactivationReason ? `: ${person.deactivationReason}` : ""}
            </p>
          ) : null}
        </div>
        {manage && !person.active ? <ReactivateForm userId={person.id} name={name} /> : null}
      </div>
      {manage && (person.active || secretariatControls) ? (
        <details className="mt-2 rounded-md border border-slate-200 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-800">Change {name}</summary>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            {role && person.active ? <RoleForm userId={person.id} name={name} role={role} /> : null}
            {person.active ? <DeactivateForm userId={person.id} name={name} /> : null}
            {secretariatControls ? <SecretariatForm userId={person.id} name={name} holds={person.secretariat} /> : null}
          </div>
        </details>
      ) : null}
    </li>
  );
}
