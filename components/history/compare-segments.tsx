import type { Comparison, CompareSegment } from "@/lib/server/history";
import { DiffChanges } from "./diff-changes";

type View = "side" | "inline";
type Group =
  { changed: true; segment: CompareSegment } | { changed: false; segments: CompareSegment[] };

const KIND_LABEL = { TITLE: "Title", PARAGRAPH: "Paragraph", CAPTION: "Caption" } as const;

/** Changed segments one by one; each run of unchanged segments folds into one disclosure. */
function groupSegments(segments: CompareSegment[]): Group[] {
  const groups: Group[] = [];
  for (const segment of segments) {
    if (segment.fromText !== segment.toText) {
      groups.push({ changed: true, segment });
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && !last.changed) last.segments.push(segment);
    else groups.push({ changed: false, segments: [segment] });
  }
  return groups;
}

export function CompareSegments({ cmp, view }: { cmp: Comparison; view: View }) {
  const groups = groupSegments(cmp.segments);
  return (
    <div className="rounded border border-slate-200 bg-white" data-view={view}>
      {view === "side" ? (
        <div
          className="grid grid-cols-[7rem_1fr_1fr] border-b border-slate-200 bg-slate-50 text-sm font-medium text-slate-600"
          aria-hidden="true"
        >
          <span className="px-3 py-2">Segment</span>
          <span className="px-3 py-2">r{cmp.from}</span>
          <span className="px-3 py-2">r{cmp.to}</span>
        </div>
      ) : null}
      {groups.map((g) =>
        g.changed ? (
          <SegmentRow key={g.segment.index} s={g.segment} view={view} cmp={cmp} />
        ) : (
          <details
            key={`same-${g.segments[0]!.index}`}
            className="border-b border-slate-100 last:border-0"
          >
            <summary className="cursor-pointer px-3 py-2 text-sm text-slate-500 hover:bg-slate-50">
              {g.segments.length} unchanged segment{g.segments.length === 1 ? "" : "s"}
            </summary>
            {g.segments.map((s) => (
              <SegmentRow key={s.index} s={s} view={view} cmp={cmp} />
            ))}
          </details>
        ),
      )}
    </div>
  );
}

function SegmentRow({ s, view, cmp }: { s: CompareSegment; view: View; cmp: Comparison }) {
  const label = `${KIND_LABEL[s.kind]} ${s.index}`;
  const cell = "px-3 py-2 whitespace-pre-wrap leading-relaxed";
  if (view === "inline") {
    return (
      <section
        aria-label={label}
        className="grid grid-cols-[7rem_1fr] border-b border-slate-100 text-sm last:border-0"
        data-testid="compare-segment"
      >
        <span className="px-3 py-2 text-slate-500">{label}</span>
        <p className={cell}>
          <DiffChanges changes={s.changes} side="inline" />
        </p>
      </section>
    );
  }
  return (
    <section
      aria-label={label}
      className="grid grid-cols-[7rem_1fr_1fr] border-b border-slate-100 text-sm last:border-0"
      data-testid="compare-segment"
    >
      <span className="px-3 py-2 text-slate-500">{label}</span>
      <p className={`${cell} border-r border-slate-100`} aria-label={`${label} at r${cmp.from}`}>
        <DiffChanges changes={s.changes} side="from" />
      </p>
      <p className={cell} aria-label={`${label} at r${cmp.to}`}>
        <DiffChanges changes={s.changes} side="to" />
      </p>
    </section>
  );
}
