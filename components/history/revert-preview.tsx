"use client";
import { useEffect, useState } from "react";
import { routeUrl, type ResponseBody } from "@/lib/api/contract";
import { diffRevisions } from "@/lib/api/routes/history";
import { DiffChanges } from "./diff-changes";

type Diff = ResponseBody<typeof diffRevisions>;

/**
 * What a revert would change: the word diff from the current revision to the one being
 * restored, segment by segment, loaded when the revert form opens.
 */
export function RevertPreview({
  articleId,
  from,
  to,
}: {
  articleId: string;
  from: number;
  to: number;
}) {
  const [state, setState] = useState<
    { kind: "loading" } | { kind: "error" } | { kind: "ok"; diff: Diff }
  >({ kind: "loading" });
  useEffect(() => {
    let live = true;
    const url = `${routeUrl(diffRevisions, { id: articleId })}?from=${from}&to=${to}`;
    fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const diff = (await res.json()) as Diff;
        if (live) setState({ kind: "ok", diff });
      })
      .catch(() => live && setState({ kind: "error" }));
    return () => {
      live = false;
    };
  }, [articleId, from, to]);

  if (state.kind === "loading")
    return <p className="text-xs text-slate-600">Loading the changes…</p>;
  if (state.kind === "error")
    return (
      <p role="alert" className="text-xs text-rose-700">
        Could not load what the revert would change.
      </p>
    );
  const changed = state.diff.segments.filter((s) => s.changes.some((c) => c.added || c.removed));
  return (
    <div className="text-xs" data-testid="revert-preview">
      <p className="font-medium text-slate-700">
        {changed.length === 0
          ? `The text already matches r${to}; nothing would change.`
          : `Reverting changes ${changed.length} segment${changed.length === 1 ? "" : "s"} (+${state.diff.stats.wordsAdded} −${state.diff.stats.wordsRemoved} words):`}
      </p>
      {changed.length > 0 ? (
        <ol className="mt-1 max-h-56 space-y-1 overflow-y-auto">
          {changed.map((s) => (
            <li key={s.index} className="rounded bg-slate-50 p-1">
              <span className="mr-1 font-mono text-slate-500">#{s.index}</span>
              <span className="whitespace-pre-wrap">
                <DiffChanges changes={s.changes} side="inline" />
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
