import Link from "@/components/link";
import { formatDateTime } from "@/lib/format-time";
import type { Comparison, RevisionListItem } from "@/lib/server/history";
import { RevisionKindBadge } from "./revision-kind";
import { WordDelta } from "./word-delta";

type View = "side" | "inline";

/** Which revisions are compared, their metadata, the stats, and view / step links. */
export function CompareHeader(props: {
  articleId: string;
  cmp: Comparison;
  view: View;
  current: number;
  meta: Map<number, RevisionListItem>;
  tz: string;
}) {
  const { cmp, articleId, view } = props;
  const href = (from: number, to: number, v: View = view) =>
    `/articles/${articleId}/compare?from=${from}&to=${to}&view=${v}`;
  const single = cmp.to === cmp.from + 1;
  return (
    <div className="mb-4 space-y-3">
      <h1 className="text-2xl font-semibold">
        Compare r{cmp.from} → r{cmp.to}
      </h1>
      <div className="grid gap-3 md:grid-cols-2">
        <RevisionCard label="From" r={props.meta.get(cmp.from)} number={cmp.from} tz={props.tz} />
        <RevisionCard label="To" r={props.meta.get(cmp.to)} number={cmp.to} tz={props.tz} />
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded border border-slate-200 bg-white px-3 py-2 text-sm">
        <p data-testid="compare-stats">
          <WordDelta added={cmp.stats.wordsAdded} removed={cmp.stats.wordsRemoved} /> words ·{" "}
          <strong>{cmp.stats.segmentsChanged}</strong> of {cmp.segments.length} segments changed
        </p>
        <nav aria-label="Diff view" className="flex gap-1">
          {(["side", "inline"] as const).map((v) => (
            <Link
              key={v}
              href={href(cmp.from, cmp.to, v)}
              aria-current={view === v ? "page" : undefined}
              className={`rounded px-2 py-0.5 ${view === v ? "bg-slate-900 text-white" : "border border-slate-300 text-slate-700"}`}
            >
              {v === "side" ? "Side by side" : "Inline"}
            </Link>
          ))}
        </nav>
        <nav aria-label="Step through edits" className="flex gap-3 text-blue-700">
          {single && cmp.from > 1 ? (
            <Link href={href(cmp.from - 1, cmp.from)} className="underline">
              ← Older edit
            </Link>
          ) : null}
          {single && cmp.to < props.current ? (
            <Link href={href(cmp.to, cmp.to + 1)} className="underline">
              Newer edit →
            </Link>
          ) : null}
          <Link href={href(cmp.to, cmp.from)} className="underline">
            Swap
          </Link>
          <Link href={`/articles/${articleId}/history`} className="underline">
            History
          </Link>
        </nav>
      </div>
    </div>
  );
}

function RevisionCard(props: { label: string; number: number; r?: RevisionListItem; tz: string }) {
  const { r } = props;
  return (
    <section
      aria-label={`${props.label} revision ${props.number}`}
      className="rounded border border-slate-200 bg-white p-3 text-sm"
    >
      <p className="flex items-center gap-2 font-medium">
        {props.label}: r{props.number}
        {r ? <RevisionKindBadge kind={r.kind} /> : null}
        {r?.published ? (
          <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-900">
            published
          </span>
        ) : null}
      </p>
      {r ? (
        <>
          <p className="text-slate-600">
            {r.author?.name ?? "system"} ·{" "}
            <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, props.tz)}</time>
          </p>
          <p className="text-slate-800">
            {r.summary ?? <span className="text-slate-500">no summary</span>}
          </p>
        </>
      ) : null}
    </section>
  );
}
