"use server";
// The proposal page's feasibility forms: an organization's sites, added, edited and removed by its
// representative or a deputy. Thin: the rules are in lib/feasibility/mutations.ts.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { addFeasibilitySite, editFeasibilitySite, removeFeasibilitySite } from "@/lib/feasibility/mutations";
import { formatPatients } from "@/lib/feasibility/estimate";

function siteInput(formData: FormData) {
  return {
    name: formString(formData, "name"),
    city: formString(formData, "city"),
    country: formString(formData, "country"),
    patientsSeenPerYear: formString(formData, "patientsSeenPerYear"),
    eligibleShare: formString(formData, "eligibleShare"),
    consentShare: formString(formData, "consentShare"),
    competingTrials: formString(formData, "competingTrials"),
    monthsToActivation: formString(formData, "monthsToActivation"),
    capabilities: formData.getAll("capabilities").map((v) => (typeof v === "string" ? v : "")),
    note: formString(formData, "note"),
  };
}

/** A refused form keeps every ticked capability (the values keep one text per field). */
async function keepingCapabilities(formData: FormData, work: () => Promise<string>): Promise<FormState> {
  const state = await formAction(formData, work);
  if (!state.ok && state.values) {
    state.values.capabilities = formData
      .getAll("capabilities")
      .filter((v) => typeof v === "string")
      .join(",");
  }
  return state;
}

const pledgeSentence = (pledge: { sites: number; patientsPerYear: number }) =>
  pledge.sites === 0
    ? "Your organization has no sites left on this proposal: give its expected sites and patients in its interest."
    : `Your organization's pledge is now ${pledge.sites} ${pledge.sites === 1 ? "site" : "sites"}, ${formatPatients(pledge.patientsPerYear)} patients a year.`;

export async function addFeasibilitySiteAction(proposalId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return keepingCapabilities(formData, async () => {
    const { site, pledge } = await addFeasibilitySite(await currentActor(), proposalId, siteInput(formData));
    revalidatePath(`/proposals/${proposalId}`);
    return `${site.name} is added. ${pledgeSentence(pledge)}`;
  });
}

export async function editFeasibilitySiteAction(
  proposalId: string,
  siteId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return keepingCapabilities(formData, async () => {
    const { site, pledge } = await editFeasibilitySite(
      await currentActor(),
      proposalId,
      siteId,
      siteInput(formData),
      formString(formData, "version"),
    );
    revalidatePath(`/proposals/${proposalId}`);
    return `${site.name} is saved. ${pledgeSentence(pledge)}`;
  });
}

export async function removeFeasibilitySiteAction(
  proposalId: string,
  siteId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(formData, async () => {
    const { pledge } = await removeFeasibilitySite(await currentActor(), proposalId, siteId, formString(formData, "version"));
    revalidatePath(`/proposals/${proposalId}`);
    return `The site is removed; its history is kept. ${pledgeSentence(pledge)}`;
  });
}
