import type { Change } from "@/lib/text/diff";

export type DiffSide = "from" | "to" | "inline";

/**
 * A word diff as <del>/<ins> React elements (never HTML strings). `from` shows
 * the old text with removals marked, `to` the new text with additions marked,
 * `inline` both in reading order.
 */
export function DiffChanges({ changes, side }: { changes: Change[]; side: DiffSide }) {
  return (
    <>
      {changes.map((c, i) => {
        if (c.added) {
          return side === "from" ? null : (
            <ins key={i} className="diff-add">
              {c.value}
            </ins>
          );
        }
        if (c.removed) {
          return side === "to" ? null : (
            <del key={i} className="diff-del">
              {c.value}
            </del>
          );
        }
        return <span key={i}>{c.value}</span>;
      })}
    </>
  );
}
