import type { ArticleStatus } from "@/lib/domain/types";
import { STATUS_LABEL } from "@/lib/domain/workflow";

const COLORS: Record<ArticleStatus, string> = {
  NEW: "bg-slate-100 text-slate-800",
  IN_REVIEW: "bg-blue-100 text-blue-900",
  SUBMITTED: "bg-cyan-100 text-cyan-900",
  CHANGES_REQUESTED: "bg-amber-100 text-amber-900",
  APPROVED: "bg-emerald-100 text-emerald-900",
  PUBLISHED: "bg-violet-100 text-violet-900",
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${COLORS[status]}`}
      data-status={status}
    >
      {STATUS_LABEL[status]}
    </span>
  );
}
