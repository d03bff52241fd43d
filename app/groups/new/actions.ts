"use server";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/authz/actor";
import { attempt, formString, type FormState } from "@/lib/form-state";
import { createGroup } from "@/lib/groups/mutations";

export async function createGroupAction(_state: FormState, formData: FormData): Promise<FormState> {
  const created = await attempt(formData, async () =>
    createGroup(await currentActor(), {
      cancer: formString(formData, "cancer"),
      incidencePer100k: formString(formData, "incidencePer100k"),
      incidenceSource: formString(formData, "incidenceSource"),
      description: formString(formData, "description"),
    }),
  );
  if (!created.ok) return created.state;
  redirect(`/groups/${created.value.slug}`);
}
