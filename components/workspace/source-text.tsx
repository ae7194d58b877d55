"use client";
import { Fragment, useMemo } from "react";
import { glossaryMarks } from "@/lib/quality/glossary-marks";
import { glossaryMarkId, useGlossary } from "./glossary-context";

/**
 * The source column: text with glossary terms as focusable marks. The required target shows
 * on hover and focus (and is the mark's accessible description); a term whose target is
 * missing from the current text is marked like its QA warning, which links here.
 */
export function SourceText({
  segmentIndex,
  source,
  current,
}: {
  segmentIndex: number;
  source: string;
  /** The current text, draft included: the "missing" state follows the reviewer's typing. */
  current: string;
}) {
  const { entries, terms } = useGlossary();
  const marks = useMemo(() => glossaryMarks(source, current, entries), [source, current, entries]);
  if (marks.length === 0) return <>{source}</>;
  const seen = new Set<string>();
  const out = [];
  let at = 0;
  marks.forEach((m, k) => {
    if (m.start > at) out.push(<Fragment key={`t${at}`}>{source.slice(at, m.start)}</Fragment>);
    const first = !seen.has(m.term);
    seen.add(m.term);
    const tipId = `seg-${segmentIndex}-glossary-tip-${k}`;
    const required = `${m.targets.join(" or ")}`;
    out.push(
      <span key={`m${m.start}`} className="group relative">
        <mark
          id={first ? glossaryMarkId(segmentIndex, terms.indexOf(m.term)) : undefined}
          tabIndex={0}
          aria-describedby={tipId}
          data-testid="glossary-term"
          data-glossary-term={m.term}
          data-missing={m.missing ? "true" : "false"}
          className={`rounded-sm px-0.5 text-inherit underline decoration-dotted underline-offset-2 focus:outline-2 focus:outline-sky-600 ${m.missing ? "bg-rose-100 decoration-rose-600" : "bg-sky-100 decoration-sky-700"}`}
        >
          {source.slice(m.start, m.end)}
        </mark>
        <span
          id={tipId}
          role="tooltip"
          className="pointer-events-none absolute top-full left-0 z-40 mt-1 hidden w-max max-w-72 rounded bg-slate-900 px-2 py-1 text-xs text-white shadow group-focus-within:block group-hover:block"
        >
          Glossary: {m.term} → {required}
          {m.missing ? " (missing from the current text)" : ""}
          {m.note ? ` · ${m.note}` : ""}
        </span>
      </span>,
    );
    at = m.end;
  });
  if (at < source.length) out.push(<Fragment key={`t${at}`}>{source.slice(at)}</Fragment>);
  return <>{out}</>;
}
