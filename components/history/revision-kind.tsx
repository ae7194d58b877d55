import type { RevisionKind } from "@/lib/server/history";

const LABEL: Record<RevisionKind, string> = {
  INGEST: "ingest",
  EDIT: "edit",
  REVERT: "revert",
  IMPORT: "import",
};

const COLOR: Record<RevisionKind, string> = {
  INGEST: "bg-slate-100 text-slate-700",
  EDIT: "bg-sky-50 text-sky-800",
  REVERT: "bg-amber-100 text-amber-900",
  IMPORT: "bg-violet-50 text-violet-800",
};

export function RevisionKindBadge({ kind }: { kind: RevisionKind }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${COLOR[kind]}`}
      data-kind={kind}
    >
      {LABEL[kind]}
    </span>
  );
}
