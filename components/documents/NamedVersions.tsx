// The document versions a vote is on, or a decision rests on: each by title, version and date, with
// its download.
import { DOCUMENT_KIND_LABEL } from "@/lib/documents/kinds";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/time";

export interface NamedVersion {
  id: string;
  number: number;
  fileName: string;
  uploadedAt: Date;
  document: { title: string; kind: DocumentKind };
}

export function NamedVersions({
  versions,
  zone,
  label,
  links = true,
}: {
  versions: NamedVersion[];
  zone: string;
  label: string;
  /** False in printed minutes: the names, without links. */
  links?: boolean;
}) {
  return (
    <ul aria-label={label} className="space-y-1">
      {versions.map((v) => (
        <li key={v.id} className="break-words">
          {links ? (
            <a href={`/api/documents/versions/${v.id}`} download={v.fileName} className="font-medium">
              {v.document.title}, version {v.number}
            </a>
          ) : (
            <span className="font-medium">
              {v.document.title}, version {v.number}
            </span>
          )}{" "}
          <span className="text-slate-600">
            ({DOCUMENT_KIND_LABEL[v.document.kind]}, uploaded {formatDateTime(v.uploadedAt, zone)})
          </span>
        </li>
      ))}
    </ul>
  );
}
