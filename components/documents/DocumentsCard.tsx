// A proposal's or a trial's documents: each with its kind, its latest version (who, when, what changed),
// a download, a preview for PDFs, and every earlier version, each downloadable. Those who may upload
// get the form for a new document or a new version.
import { Badge, Card, EmptyState } from "@/components/ui";
import { DOCUMENT_KIND_LABEL, formatSize } from "@/lib/documents/kinds";
import type { DocumentRow } from "@/lib/documents/queries";
import type { DocumentScope } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/time";
import { DocumentUploadForm } from "./DocumentUploadForm";
import { PdfPreview } from "./PdfPreview";

type Version = DocumentRow["versions"][number];

export const versionHref = (id: string) => `/api/documents/versions/${id}`;

function VersionLine({ version, zone }: { version: Version; zone: string }) {
  return (
    <>
      <a href={versionHref(version.id)} className="font-medium" download={version.fileName}>
        Version {version.number}
        <span className="sr-only">: download {version.fileName}</span>
      </a>{" "}
      <span className="break-all text-slate-700">{version.fileName}</span>{" "}
      <span className="text-slate-600">
        · {formatDateTime(version.uploadedAt, zone)} · {version.uploadedBy?.name ?? "someone no longer here"} · {formatSize(version.size)}
      </span>
      {version.changeNote ? <p className="whitespace-pre-wrap break-words text-slate-800">{version.changeNote}</p> : null}
    </>
  );
}

export function DocumentsCard({
  proposalId,
  scope,
  documents,
  zone,
  canUpload,
  studies = [],
}: {
  proposalId: string;
  scope: DocumentScope;
  documents: DocumentRow[];
  zone: string;
  canUpload: boolean;
  /** The trial's component studies, for a trial page's upload form: a document may belong to one. */
  studies?: { id: string; name: string }[];
}) {
  return (
    <Card title="Documents">
      {documents.length === 0 ? (
        <EmptyState>No documents yet.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200">
          {documents.map((doc) => {
            const [latest, ...earlier] = doc.versions;
            if (!latest) return null;
            return (
              <li key={doc.id} className="space-y-1 py-3 text-sm first:pt-0">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="break-words font-semibold text-slate-900">{doc.title}</h3>
                  <Badge>{DOCUMENT_KIND_LABEL[doc.kind]}</Badge>
                </div>
                {doc.componentStudy ? <p className="text-slate-700">Component study: {doc.componentStudy.name}</p> : null}
                <div>
                  <VersionLine version={latest} zone={zone} />
                </div>
                <div className="flex flex-wrap gap-3">
                  <a href={versionHref(latest.id)} download={latest.fileName} className="font-medium">
                    Download
                    <span className="sr-only">
                      {" "}
                      {doc.title}, version {latest.number}
                    </span>
                  </a>
                  {latest.contentType === "application/pdf" ? (
                    <PdfPreview src={`${versionHref(latest.id)}?preview=1`} title={`${doc.title}, version ${latest.number}`} />
                  ) : null}
                </div>
                {earlier.length > 0 ? (
                  <details>
                    <summary className="cursor-pointer text-slate-700">Earlier versions ({earlier.length})</summary>
                    <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
                      {earlier.map((v) => (
                        <li key={v.id}>
                          <VersionLine version={v} zone={zone} />
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canUpload ? (
        <details className="mt-4 border-t border-slate-200 pt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Upload a document or a new version</summary>
          <div className="mt-3">
            <DocumentUploadForm
              proposalId={proposalId}
              scope={scope}
              studies={studies}
              documents={documents.map((d) => ({
                id: d.id,
                title: d.title,
                kind: DOCUMENT_KIND_LABEL[d.kind],
                latest: d.versions[0]?.number ?? 0,
              }))}
            />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
