"use client";
import { useEffect, useRef, useState } from "react";
import { formatDateTime } from "@/lib/format-time";
import { diffText } from "@/lib/text/diff";
import { DiffView } from "./diff-view";

export interface ConflictState {
  currentRevision: number;
  savedBy: { name: string; email: string } | null;
  savedAt: string | null;
  /** Segments the three-way merge settled on its own (already in the draft). */
  autoMerged: number;
  /** Only segments both sides changed in overlapping words. */
  segments: { index: number; base: string; theirs: string; mine: string }[];
}

/**
 * Someone saved first and changed the same words. Shows, per segment, what they
 * changed and what I changed since the common base, and lets the reviewer keep
 * either or merge by hand; nothing typed is discarded.
 */
export function ConflictDialog({
  conflict,
  lang,
  timeZone,
  onResolve,
  onCancel,
}: {
  conflict: ConflictState;
  lang: string;
  timeZone: string;
  onResolve: (merged: Record<number, string>) => void;
  onCancel: () => void;
}) {
  const [merged, setMerged] = useState<Record<number, string>>(() =>
    Object.fromEntries(conflict.segments.map((s) => [s.index, s.mine])),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const who = conflict.savedBy?.name ?? "Someone";
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
        className="my-8 w-full max-w-4xl rounded-lg bg-white p-6 shadow-xl"
      >
        <h2
          id="conflict-title"
          ref={headingRef}
          tabIndex={-1}
          className="mb-1 text-lg font-semibold"
        >
          {who} saved revision {conflict.currentRevision} while you were editing
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          {conflict.savedAt ? (
            <>
              Saved{" "}
              <time dateTime={conflict.savedAt}>{formatDateTime(conflict.savedAt, timeZone)}</time>
              {conflict.savedBy ? ` by ${conflict.savedBy.email}` : ""}.{" "}
            </>
          ) : null}
          {conflict.autoMerged > 0
            ? `${conflict.autoMerged} segment${conflict.autoMerged === 1 ? "" : "s"} merged without conflict. `
            : ""}
          Below, both of you changed the same words: compare each change with the text you both
          started from, keep one or merge, and save again.
        </p>
        <ol className="space-y-5">
          {conflict.segments.map((s) => (
            <li
              key={s.index}
              className="rounded border border-slate-200 p-3"
              data-testid="conflict-segment"
            >
              <h3 className="mb-2 text-sm font-semibold">Segment {s.index}</h3>
              <div className="mb-2 grid gap-2 text-sm md:grid-cols-2">
                <div className="rounded bg-slate-50 p-2" data-testid="conflict-theirs">
                  <div className="mb-1 text-xs font-medium text-slate-600">{who}’s change</div>
                  <DiffView
                    changes={diffText(s.base, s.theirs, lang)}
                    label={`${who}'s change, segment ${s.index}`}
                  />
                </div>
                <div className="rounded bg-slate-50 p-2" data-testid="conflict-mine">
                  <div className="mb-1 text-xs font-medium text-slate-600">Your change</div>
                  <DiffView
                    changes={diffText(s.base, s.mine, lang)}
                    label={`Your change, segment ${s.index}`}
                  />
                </div>
              </div>
              <div className="mb-2 flex gap-2 text-xs">
                <button
                  type="button"
                  className="rounded border border-slate-300 px-2 py-1"
                  onClick={() => setMerged((m) => ({ ...m, [s.index]: s.mine }))}
                >
                  Keep mine
                </button>
                <button
                  type="button"
                  className="rounded border border-slate-300 px-2 py-1"
                  onClick={() => setMerged((m) => ({ ...m, [s.index]: s.theirs }))}
                >
                  Use theirs
                </button>
              </div>
              <label className="block text-xs text-slate-600" htmlFor={`merge-${s.index}`}>
                Merged text
              </label>
              <textarea
                id={`merge-${s.index}`}
                className="w-full rounded border border-slate-300 p-2 text-sm [field-sizing:content]"
                value={merged[s.index] ?? ""}
                onChange={(e) => setMerged((m) => ({ ...m, [s.index]: e.target.value }))}
              />
            </li>
          ))}
        </ol>
        <div className="mt-5 flex gap-2">
          <button
            type="button"
            onClick={() => onResolve(merged)}
            className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white"
          >
            Save merged version
          </button>
          <button
            type="button"
            onClick={onCancel}
            className="rounded border border-slate-300 px-3 py-1.5 text-sm"
          >
            Keep editing (draft is kept)
          </button>
        </div>
      </div>
    </div>
  );
}
