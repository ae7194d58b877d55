"use client";
// Translation-memory matches under a workspace row (issue 16): approved translations of similar
// sources, the difference between the two sources highlighted, and "Insert" to save the match
// as this segment's text (a new revision on top of the one the page shows).
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { saveRevision } from "@/lib/api/routes/history";
import { diffText } from "@/lib/text/diff";
import { DiffView } from "@/components/workspace/diff-view";
import { sendJson } from "@/components/quality/api";

export interface TmMatchView {
  source: string;
  target: string;
  similarity: number;
  articleId: string;
  revision: number;
}

export function TmMatches({
  articleId,
  segmentIndex,
  source,
  revision,
  matches,
  canEdit,
  sourceLang,
}: {
  articleId: string;
  segmentIndex: number;
  source: string | null;
  /** The revision the page shows: inserting saves on top of it (409 if it moved on). */
  revision: number;
  matches: TmMatchView[];
  canEdit: boolean;
  sourceLang?: string;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const diffs = useMemo(
    () => matches.map((m) => diffText(m.source, source ?? "", sourceLang)),
    [matches, source, sourceLang],
  );
  if (matches.length === 0) return null;

  async function insert(m: TmMatchView) {
    setPending(true);
    const res = await sendJson(
      saveRevision,
      { id: articleId },
      {
        baseRevision: revision,
        segments: [{ index: segmentIndex, text: m.target }],
        summary: `Translation memory (${Math.round(m.similarity * 100)}% match)`,
      },
    );
    setPending(false);
    if (!res.ok) return setStatus({ error: true, text: res.error });
    setStatus({ error: false, text: "Inserted from the translation memory." });
    router.refresh();
  }

  return (
    <details
      className="rounded border border-sky-200 bg-sky-50/50 px-2 py-1 text-xs"
      data-testid="tm-matches"
    >
      <summary className="cursor-pointer font-medium text-sky-900">
        Translation memory · {matches.length} {matches.length === 1 ? "match" : "matches"} (best{" "}
        {Math.round(matches[0]!.similarity * 100)}%)
      </summary>
      <ul className="mt-1 space-y-2">
        {matches.map((m, i) => (
          <li key={`${m.articleId}-${i}`} data-testid="tm-match" className="space-y-0.5">
            <div className="flex items-center gap-2 text-slate-600">
              <span>{Math.round(m.similarity * 100)}%</span>
              <a href={`/articles/${m.articleId}`} className="underline">
                approved revision {m.revision}
              </a>
              {canEdit ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => insert(m)}
                  className="ml-auto rounded border border-sky-300 bg-white px-2 py-0.5 disabled:opacity-60"
                >
                  Insert
                </button>
              ) : null}
            </div>
            <DiffView changes={diffs[i] ?? []} label="Source difference: memory → this segment" />
            <p className="font-medium text-slate-900">{m.target}</p>
          </li>
        ))}
      </ul>
      {status ? (
        <p
          role={status.error ? "alert" : "status"}
          className={status.error ? "text-rose-700" : "text-emerald-700"}
        >
          {status.text}
        </p>
      ) : null}
    </details>
  );
}
