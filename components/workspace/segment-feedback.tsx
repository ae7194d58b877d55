import Link from "@/components/link";

export interface WorkspaceFeedback {
  id: string;
  segmentIndex: number | null;
  quote: string | null;
  category: string;
  comment: string;
  suggestion: string | null;
  status: string;
  resolvingRevision: number | null;
  createdAt: string;
}

/** Reader feedback on one segment; every field is untrusted and rendered as text. */
export function SegmentFeedback({
  articleId,
  items,
  canEdit,
}: {
  articleId: string;
  items: WorkspaceFeedback[];
  canEdit: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1" aria-label="Reader feedback">
      {items.map((f) => (
        <li
          key={f.id}
          className="rounded border border-sky-200 bg-sky-50 p-2 text-xs text-sky-950"
          data-testid="segment-feedback"
        >
          <span className="font-semibold">
            Reader · {f.category.toLowerCase().replace(/_/g, " ")}
          </span>
          {f.status === "ACCEPTED" ? (
            <span className="ml-1 rounded bg-emerald-100 px-1">
              accepted{f.resolvingRevision ? ` in r${f.resolvingRevision}` : ""}
            </span>
          ) : null}
          {f.quote ? <q className="ml-1 italic">{f.quote}</q> : null}
          <p className="mt-0.5">{f.comment}</p>
          {f.suggestion ? (
            <p className="mt-0.5">
              Suggests: <span className="font-medium">{f.suggestion}</span>
            </p>
          ) : null}
          {canEdit && f.suggestion && f.resolvingRevision === null ? (
            <Link
              href={`/articles/${articleId}?feedback=${f.id}`}
              className="mt-1 inline-block text-sky-800 underline"
            >
              Apply suggestion
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
