// What the upload form may carry besides the file, checked at the boundary.
import { z } from "zod";
import { formId, plainText } from "@/lib/validation";
import { CHANGE_NOTE_MAX, DOCUMENT_KINDS, DOCUMENT_SCOPES, DOCUMENT_TITLE_MAX } from "./kinds";

/** A new document: its kind and title, and an optional note for its first version. */
export const ZNewDocument = z.object({
  scope: z.enum(DOCUMENT_SCOPES, { message: "Choose where the document belongs." }),
  kind: z.enum(DOCUMENT_KINDS, { message: "Choose the kind of document." }),
  title: plainText(DOCUMENT_TITLE_MAX).pipe(z.string().min(1, "Give the document a title.")),
  changeNote: plainText(CHANGE_NOTE_MAX),
});

/** A new version of a document: which one, and what changed (required: the history is what it is for). */
export const ZNewVersion = z.object({
  documentId: formId("Choose the document this is a new version of."),
  changeNote: plainText(CHANGE_NOTE_MAX).pipe(z.string().min(1, "Say what changed in this version.")),
});

/** The component study a trial's document belongs to. */
export const ZStudyId = formId("Choose one of this trial's component studies.");
