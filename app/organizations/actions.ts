"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { addOrganization } from "@/lib/organizations/mutations";

export async function addOrganizationAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const organization = await addOrganization(await currentActor(), {
      name: formString(formData, "name"),
      shortName: formString(formData, "shortName"),
      country: formString(formData, "country"),
      timeZone: formString(formData, "timeZone"),
      // A box per day; anything but text (a file) is refused by the schema.
      workingDays: formData.getAll("workingDays").map((day) => (typeof day === "string" ? day : null)),
    });
    // Every page names the members (the footer, matrices, the planner): all of them change.
    revalidatePath("/", "layout");
    return `${organization.shortName} is now a member organization: it has a column in every interest matrix and a ballot in every vote.`;
  });
}
