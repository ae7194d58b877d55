"use client";
import { useDeferredValue, useId, useMemo, useState } from "react";
import {
  applyHits,
  findAll,
  MAX_QUERY_LENGTH,
  type FindHit,
  type FindSegment,
} from "@/lib/text/find-replace";

const CONTEXT = 30;

/**
 * Find and replace over the article's current text (draft included). Applying changes the
 * draft only: the result is an unsaved edit like any other, saved as one revision.
 */
export function FindReplace({
  segments,
  lang,
  onApply,
  onClose,
}: {
  segments: readonly FindSegment[];
  lang: string;
  onApply: (edits: Record<number, string>, count: number) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [replacement, setReplacement] = useState("");
  const [flags, setFlags] = useState({ regex: false, caseSensitive: false, wholeWord: false });
  const deferredQuery = useDeferredValue(query);
  const deferredReplacement = useDeferredValue(replacement);
  const result = useMemo(
    () =>
      deferredQuery
        ? findAll(segments, { query: deferredQuery, ...flags }, deferredReplacement)
        : null,
    [segments, deferredQuery, flags, deferredReplacement],
  );
  const texts = useMemo(() => new Map(segments.map((s) => [s.index, s.text])), [segments]);
  const hits = result?.ok ? result.hits : [];

  function apply(chosen: FindHit[]) {
    const edits = applyHits(segments, chosen);
    onApply(edits, chosen.length);
  }

  const flag = (key: keyof typeof flags, label: string) => (
    <label className="flex items-center gap-1">
      <input
        type="checkbox"
        checked={flags[key]}
        onChange={(e) => setFlags((f) => ({ ...f, [key]: e.target.checked }))}
      />
      {label}
    </label>
  );

  return (
    <section
      aria-label="Find and replace"
      className="mt-2 rounded border border-slate-300 bg-white p-2 text-sm"
      data-testid="find-replace"
    >
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-find`} className="sr-only">
          Find
        </label>
        <input
          id={`${id}-find`}
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Find"
          lang={lang}
          className="w-56 rounded border border-slate-300 px-2 py-0.5"
        />
        <label htmlFor={`${id}-replace`} className="sr-only">
          Replace with
        </label>
        <input
          id={`${id}-replace`}
          value={replacement}
          onChange={(e) => setReplacement(e.target.value)}
          maxLength={2000}
          placeholder={flags.regex ? "Replace with ($1 for a group)" : "Replace with"}
          lang={lang}
          className="w-56 rounded border border-slate-300 px-2 py-0.5"
        />
        {flag("regex", "Regular expression")}
        {flag("caseSensitive", "Match case")}
        {flag("wholeWord", "Whole words")}
        <button
          type="button"
          disabled={hits.length === 0}
          onClick={() => apply(hits)}
          className="rounded bg-slate-900 px-2.5 py-0.5 font-medium text-white disabled:opacity-50"
        >
          Replace all{hits.length ? ` (${hits.length})` : ""}
        </button>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded border border-slate-300 px-2 py-0.5"
        >
          Close
        </button>
      </div>
      {result && !result.ok ? (
        <p role="alert" className="mt-1 text-rose-700" data-testid="find-error">
          {result.message}
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="mt-1 text-slate-600">
          {hits.length === 0
            ? "No matches."
            : `${hits.length}${result.truncated ? "+" : ""} match${hits.length === 1 ? "" : "es"} in ${new Set(hits.map((h) => h.segmentIndex)).size} segment(s).`}
          {result.truncated ? " Only the first ones are shown; narrow the search." : ""}
        </p>
      ) : null}
      {hits.length > 0 ? (
        <ol className="mt-1 max-h-48 space-y-0.5 overflow-y-auto" aria-label="Matches">
          {hits.map((h) => {
            const text = texts.get(h.segmentIndex) ?? "";
            return (
              <li
                key={h.id}
                className="flex items-baseline gap-2 rounded px-1 hover:bg-slate-50"
                data-testid="find-hit"
              >
                <span className="w-10 shrink-0 font-mono text-xs text-slate-500">
                  #{h.segmentIndex}
                </span>
                <span lang={lang} className="min-w-0 flex-1 truncate">
                  {h.start > CONTEXT ? "…" : ""}
                  {text.slice(Math.max(0, h.start - CONTEXT), h.start)}
                  <del className="diff-del">{h.match}</del>
                  {h.replacement ? <ins className="diff-add">{h.replacement}</ins> : null}
                  {text.slice(h.end, h.end + CONTEXT)}
                  {h.end + CONTEXT < text.length ? "…" : ""}
                </span>
                <button
                  type="button"
                  onClick={() => apply([h])}
                  className="shrink-0 rounded border border-slate-300 px-1.5 text-xs"
                >
                  Replace<span className="sr-only"> in segment {h.segmentIndex}</span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
