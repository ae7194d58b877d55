"use client";
import { memo, useMemo, type ReactNode } from "react";
import type { SegmentView } from "@/lib/domain/types";
import { diffText } from "@/lib/text/diff";
import { DiffView } from "./diff-view";

const KIND_LABEL = { TITLE: "Title", CAPTION: "Caption", PARAGRAPH: null } as const;

interface Props {
  segment: SegmentView;
  value: string;
  lang: string;
  showSource: boolean;
  showDiff: boolean;
  editable: boolean;
  unsaved: boolean;
  /** Confirmed as done (with any pending change applied); undefined hides the control. */
  confirmed?: boolean;
  onToggleConfirm?: (index: number) => void;
  onChange: (index: number, text: string) => void;
  onFocus: (index: number) => void;
  extras?: ReactNode;
}

/** One aligned row: source | MT | current text (editable), with the MT → current diff beneath. */
export const SegmentRow = memo(function SegmentRow({
  segment,
  value,
  lang,
  showSource,
  showDiff,
  editable,
  unsaved,
  confirmed,
  onToggleConfirm,
  onChange,
  onFocus,
  extras,
}: Props) {
  const edited = value !== segment.mt;
  const changes = useMemo(
    () => (showDiff && edited ? diffText(segment.mt, value, lang) : null),
    [showDiff, edited, segment.mt, value, lang],
  );
  const kind = KIND_LABEL[segment.kind];
  const textId = `seg-${segment.index}-text`;
  return (
    <li
      className={`grid gap-3 border-b border-slate-200 px-3 py-3 last:border-0 ${showSource ? "md:grid-cols-[3rem_1fr_1fr_1.3fr]" : "md:grid-cols-[3rem_1fr_1.3fr]"} ${unsaved ? "bg-amber-50/60" : ""}`}
      data-testid="segment-row"
      data-segment-index={segment.index}
      data-edited={edited ? "true" : "false"}
      data-confirmed={confirmed ? "true" : "false"}
    >
      <div className="text-xs text-slate-500">
        <span className="font-mono">#{segment.index}</span>
        {kind ? (
          <span className="mt-1 block w-fit rounded bg-indigo-50 px-1 font-medium text-indigo-800">
            {kind}
          </span>
        ) : null}
      </div>
      {showSource ? (
        <div
          lang={undefined}
          className={`text-[0.95rem] leading-relaxed text-slate-700 ${segment.kind === "TITLE" ? "font-semibold" : ""}`}
        >
          <span className="sr-only">Source: </span>
          {segment.source ?? <span className="text-slate-400 italic">no source</span>}
        </div>
      ) : null}
      <div
        className={`text-[0.95rem] leading-relaxed text-slate-600 ${segment.kind === "TITLE" ? "font-semibold" : ""}`}
      >
        <span className="sr-only">Machine translation: </span>
        {segment.mt}
      </div>
      <div>
        <div className="mb-1 flex items-center gap-2 text-xs">
          <label htmlFor={textId} className="font-medium text-slate-600">
            Current
          </label>
          {edited ? (
            <span
              className="rounded bg-emerald-50 px-1 text-emerald-800"
              data-testid="edited-marker"
            >
              edited
            </span>
          ) : null}
          {unsaved ? (
            <span className="rounded bg-amber-100 px-1 text-amber-900" data-testid="unsaved-marker">
              unsaved
            </span>
          ) : null}
          {onToggleConfirm ? (
            <button
              type="button"
              aria-pressed={Boolean(confirmed)}
              onClick={() => onToggleConfirm(segment.index)}
              className={`ml-auto rounded border px-1.5 py-0.5 ${confirmed ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-300 text-slate-700"}`}
              title="Confirm this segment as done (Ctrl+Enter)"
            >
              {confirmed ? "✓ Confirmed" : "Confirm"}
              <span className="sr-only"> segment {segment.index}</span>
            </button>
          ) : null}
        </div>
        <textarea
          id={textId}
          data-segment-input={segment.index}
          lang={lang}
          value={value}
          readOnly={!editable}
          onChange={(e) => onChange(segment.index, e.target.value)}
          onFocus={() => onFocus(segment.index)}
          rows={2}
          className={`w-full resize-y rounded border border-slate-300 bg-white p-2 text-[0.95rem] leading-relaxed [field-sizing:content] ${segment.kind === "TITLE" ? "font-semibold" : ""} ${editable ? "" : "bg-slate-50"}`}
        />
        {changes ? (
          <div className="mt-1 rounded bg-slate-50 p-2 text-sm" data-testid="segment-diff">
            <DiffView
              changes={changes}
              label={`Changes from machine translation, segment ${segment.index}`}
            />
          </div>
        ) : null}
        {extras}
      </div>
    </li>
  );
});
