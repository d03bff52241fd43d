// Demo documents: a few versioned PDFs on the demo proposals and one on a real trial's page, each made in
// code (lib/documents/pdf.ts), titled "[Demo]" and saying on its page that it is fictional. Stored as the
// portal stores uploads (chunks in PostgreSQL). A document is created once, by its fixed id: reseeding
// never adds a version twice nor touches versions people uploaded since.
import type { PrismaClient } from "@/lib/prisma-client";
import type { DocumentKind, DocumentScope } from "@/lib/generated/prisma/enums";
import { minimalPdf } from "@/lib/documents/pdf";
import { PostgresDocumentStorage } from "@/lib/documents/storage";

interface SeedDocument {
  id: string;
  proposalId: string;
  scope: DocumentScope;
  kind: DocumentKind;
  title: string;
  /** The component study it belongs to (its name), for a STUDY document. */
  study?: string;
  /** Uploaded by (a demo person's email). */
  by: string;
  versions: { fileName: string; changeNote: string; daysAgo: number; lines: string[] }[];
}

const FICTIONAL = "Fictional demo document: not an IRCI study document.";

const DOCUMENTS: SeedDocument[] = [
  {
    id: "seed-doc-salivary-synopsis",
    proposalId: "demo-salivary-her2",
    scope: "PROPOSAL",
    kind: "PROTOCOL_SYNOPSIS",
    title: "[Demo] Protocol synopsis",
    by: "emil.stratum@eortc.irci.example",
    versions: [
      {
        fileName: "demo-salivary-synopsis-v1.pdf",
        changeNote: "",
        daysAgo: 40,
        lines: [
          "[Demo] HER2-directed therapy in salivary duct carcinoma",
          "Protocol synopsis, version 1",
          FICTIONAL,
          "Primary outcome: progression-free survival.",
        ],
      },
      {
        fileName: "demo-salivary-synopsis-v2.pdf",
        changeNote: "Sample size 120 after the statistician's review; Japanese and Canadian sites added to the schema.",
        daysAgo: 12,
        lines: [
          "[Demo] HER2-directed therapy in salivary duct carcinoma",
          "Protocol synopsis, version 2",
          FICTIONAL,
          "Sample size: 120 patients over 48 months.",
        ],
      },
    ],
  },
  {
    id: "seed-doc-salivary-consent",
    proposalId: "demo-salivary-her2",
    scope: "PROPOSAL",
    kind: "CONSENT_TEMPLATE",
    title: "[Demo] Informed consent template",
    by: "emil.stratum@eortc.irci.example",
    versions: [
      {
        fileName: "demo-salivary-consent-v1.pdf",
        changeNote: "",
        daysAgo: 10,
        lines: ["[Demo] Informed consent template", "Version 1, for national adaptation", FICTIONAL],
      },
    ],
  },
  {
    id: "seed-doc-anal-synopsis",
    proposalId: "demo-anal-maintenance",
    scope: "PROPOSAL",
    kind: "PROTOCOL_SYNOPSIS",
    title: "[Demo] Protocol synopsis",
    by: "camille.mediane@inca.irci.example",
    versions: [
      {
        fileName: "demo-anal-synopsis-v1.pdf",
        changeNote: "",
        daysAgo: 20,
        lines: ["[Demo] Maintenance immunotherapy in metastatic anal cancer", "Protocol synopsis, version 1", FICTIONAL],
      },
    ],
  },
  {
    id: "seed-doc-inpact-minutes",
    proposalId: "irci-inpact",
    scope: "TRIAL",
    kind: "MINUTES",
    title: "[Demo] Trial management group minutes (illustrative)",
    by: "taylor.protocol@cruk.irci.example",
    versions: [
      {
        fileName: "demo-inpact-tmg-minutes.pdf",
        changeNote: "",
        daysAgo: 30,
        lines: ["[Demo] Trial management group minutes", "Illustrative: not the minutes of the InPACT trial.", FICTIONAL],
      },
    ],
  },
  {
    id: "seed-doc-jballad-appendix",
    proposalId: "irci-ballad",
    scope: "STUDY",
    study: "J-BALLAD (JCOG1502C)",
    kind: "FULL_PROTOCOL",
    title: "[Demo] National appendix for Japan (illustrative)",
    by: "haru.hazard@jcog.irci.example",
    versions: [
      {
        fileName: "demo-j-ballad-national-appendix.pdf",
        changeNote: "",
        daysAgo: 25,
        lines: ["[Demo] National appendix for Japan", "Illustrative: not the J-BALLAD (JCOG1502C) protocol.", FICTIONAL],
      },
    ],
  },
];

export async function seedDocuments(db: PrismaClient): Promise<number> {
  const proposals = new Set(
    (await db.proposal.findMany({ where: { id: { in: DOCUMENTS.map((d) => d.proposalId) } }, select: { id: true } })).map((p) => p.id),
  );
  const existing = new Set(
    (await db.document.findMany({ where: { id: { in: DOCUMENTS.map((d) => d.id) } }, select: { id: true } })).map((d) => d.id),
  );
  const storage = new PostgresDocumentStorage(db);
  let written = 0;
  for (const doc of DOCUMENTS) {
    // Demo proposals exist only in demo data; a document is seeded once.
    if (!proposals.has(doc.proposalId) || existing.has(doc.id)) continue;
    const uploader = await db.user.findUnique({ where: { email: doc.by }, select: { id: true } });
    const study = doc.study
      ? await db.componentStudy.findFirst({ where: { name: doc.study, trial: { proposalId: doc.proposalId } }, select: { id: true } })
      : null;
    // A study's document waits for its study (seeded with the trial's; removed since, the document is not made).
    if (doc.study && !study) continue;
    const latest = doc.versions.at(-1)!;
    await db.document.create({
      data: {
        id: doc.id,
        proposalId: doc.proposalId,
        scope: doc.scope,
        componentStudyId: study?.id ?? null,
        kind: doc.kind,
        title: doc.title,
        createdById: uploader?.id ?? null,
        updatedAt: new Date(Date.now() - latest.daysAgo * 86_400_000),
      },
    });
    for (const [n, v] of doc.versions.entries()) {
      const bytes = minimalPdf(v.lines);
      const stored = await storage.put(new Blob([bytes]).stream());
      await db.documentVersion.create({
        data: {
          documentId: doc.id,
          number: n + 1,
          fileName: v.fileName,
          contentType: "application/pdf",
          size: stored.size,
          sha256: stored.sha256,
          changeNote: v.changeNote,
          storageKey: stored.key,
          uploadedById: uploader?.id ?? null,
          uploadedAt: new Date(Date.now() - v.daysAgo * 86_400_000),
        },
      });
    }
    written++;
  }
  return written;
}
