/** "+12 / −3" with colours, and words spelled out for screen readers. */
export function WordDelta({ added, removed }: { added: number; removed: number }) {
  return (
    <span className="whitespace-nowrap tabular-nums">
      <span
        className={added > 0 ? "font-medium text-emerald-700" : "text-slate-500"}
        aria-label={`${added} words added`}
      >
        +{added}
      </span>
      <span className="mx-1 text-slate-300" aria-hidden="true">
        /
      </span>
      <span
        className={removed > 0 ? "font-medium text-rose-700" : "text-slate-500"}
        aria-label={`${removed} words removed`}
      >
        −{removed}
      </span>
    </span>
  );
}
