"use client";
import { useState } from "react";
import { callApi } from "@/lib/api/client";
import type { ResponseBody } from "@/lib/api/contract";
import { segmentHistory } from "@/lib/api/routes/history";
import { DiffChanges } from "./diff-changes";

type SegmentChange = ResponseBody<typeof segmentHistory>["changes"][number];

type Load =
  | { state: "idle" | "loading" }
  | { state: "error"; message: string }
  | { state: "done"; changes: SegmentChange[] };

/**
 * Every change of one segment, fetched from the blame API the first time the
 * disclosure opens: most segments are never expanded, so nothing is loaded up front.
 */
export function SegmentChanges({ articleId, index }: { articleId: string; index: number }) {
  const [load, setLoad] = useState<Load>({ state: "idle" });

  async function fetchChanges() {
    setLoad({ state: "loading" });
    try {
      const res = await callApi(segmentHistory, { id: articleId, index: String(index) });
      if (!res.ok) throw new Error(res.error?.message ?? `HTTP ${res.status}`);
      setLoad({ state: "done", changes: res.data.changes });
    } catch (err) {
      setLoad({ state: "error", message: (err as Error).message });
    }
  }

  return (
    <details
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && load.state === "idle")
          void fetchChanges();
      }}
    >
      <summary className="cursor-pointer text-xs text-blue-700">All changes</summary>
      <div className="mt-2" aria-live="polite">
        {load.state === "loading" ? <p className="text-xs text-slate-500">Loading…</p> : null}
        {load.state === "error" ? (
          <p role="alert" className="text-xs text-rose-700">
            Could not load the changes: {load.message}
          </p>
        ) : null}
        {load.state === "done" ? (
          <ol className="space-y-2" data-testid="segment-changes">
            {[...load.changes].reverse().map((c) => (
              <li key={c.revision} className="rounded border border-slate-200 p-2">
                <p className="mb-1 text-xs text-slate-600">
                  <a
                    href={`/articles/${articleId}/compare?from=${Math.max(1, c.revision - 1)}&to=${c.revision}`}
                    className="font-medium text-blue-700 underline"
                  >
                    r{c.revision}
                  </a>{" "}
                  · {c.author?.name ?? "system"} ·{" "}
                  <time dateTime={c.changedAt}>
                    {c.changedAt.slice(0, 16).replace("T", " ")} UTC
                  </time>
                  {c.summary ? <> · {c.summary}</> : null}
                </p>
                <p className="whitespace-pre-wrap">
                  <DiffChanges changes={c.changes} side="inline" />
                </p>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </details>
  );
}
