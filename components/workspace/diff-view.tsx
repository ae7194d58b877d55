import type { Change } from "@/lib/text/diff";

/** Renders a word diff as <del>/<ins> elements; text is always React text, never HTML. */
export function DiffView({ changes, label }: { changes: Change[]; label?: string }) {
  return (
    <p className="whitespace-pre-wrap leading-relaxed" aria-label={label}>
      {changes.map((c, i) =>
        c.added ? (
          <ins key={i} className="diff-add">
            {c.value}
          </ins>
        ) : c.removed ? (
          <del key={i} className="diff-del">
            {c.value}
          </del>
        ) : (
          <span key={i}>{c.value}</span>
        ),
      )}
    </p>
  );
}
