"use client";
import { useEffect, useRef, useState } from "react";
import { diffText } from "@/lib/text/diff";
import { DiffView } from "./diff-view";

export interface ConflictState {
  currentRevision: number;
  segments: { index: number; theirs: string; mine: string }[];
}

/**
 * Someone saved first. Shows their version against mine per segment and lets the
 * reviewer keep either or merge by hand; nothing typed is discarded.
 */
export function ConflictDialog({
  conflict,
  lang,
  onResolve,
  onCancel,
}: {
  conflict: ConflictState;
  lang: string;
  onResolve: (merged: Record<number, string>) => void;
  onCancel: () => void;
}) {
  const [merged, setMerged] = useState<Record<number, string>>(() =>
    Object.fromEntries(conflict.segments.map((s) => [s.index, s.mine])),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
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
          Someone saved revision {conflict.currentRevision} while you were editing
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          For each segment, compare their text (removed) with yours (added), then keep one or merge,
          and save again.
        </p>
        <ol className="space-y-5">
          {conflict.segments.map((s) => (
            <li
              key={s.index}
              className="rounded border border-slate-200 p-3"
              data-testid="conflict-segment"
            >
              <h3 className="mb-2 text-sm font-semibold">Segment {s.index}</h3>
              <div className="mb-2 rounded bg-slate-50 p-2 text-sm">
                <DiffView
                  changes={diffText(s.theirs, s.mine, lang)}
                  label={`Their version against yours, segment ${s.index}`}
                />
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
