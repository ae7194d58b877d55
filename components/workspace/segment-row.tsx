"use client";
import { memo, useMemo, useRef, useState, type ReactNode, type SyntheticEvent } from "react";
import type { SegmentView } from "@/lib/domain/types";
import { diffText } from "@/lib/text/diff";
import { selectionOffsets } from "@/components/quality/selection";
import { DiffView } from "./diff-view";
import { SegmentSelectionContext, type SegmentSelection } from "./segment-selection";
import { SourceText } from "./source-text";

const KIND_LABEL = { TITLE: "Title", CAPTION: "Caption", PARAGRAPH: null } as const;

/** Column template shared by the row and the workspace's column header. */
export function segmentGridColumns(showSource: boolean): string {
  return showSource ? "md:grid-cols-[3.75rem_1fr_1fr_1.15fr]" : "md:grid-cols-[3.75rem_1fr_1.15fr]";
}

interface Props {
  segment: SegmentView;
  value: string;
  lang: string;
  showSource: boolean;
  showDiff: boolean;
  editable: boolean;
  /** Selecting words opens the MQM popover (rendered by the chips in `extras`). */
  annotatable?: boolean;
  unsaved: boolean;
  /** Confirmed as done (with any pending change applied); undefined hides the control. */
  confirmed?: boolean;
  onToggleConfirm?: (index: number) => void;
  onChange: (index: number, text: string) => void;
  onFocus: (index: number) => void;
  /** Slot under the number: presence, "someone is editing" markers. */
  marker?: ReactNode;
  /** Slot under the number too: small chips (QA, annotations, comments) that expand on click. */
  extras?: ReactNode;
  /** Slot under the current text, full column width (reader reports). */
  below?: ReactNode;
}

/**
 * One compact aligned row: source | MT | current text. The MT column shows the MT → current
 * diff once the segment is edited (when the diff is on); chips below the text expand on click.
 */
export const SegmentRow = memo(function SegmentRow({
  segment,
  value,
  lang,
  showSource,
  showDiff,
  editable,
  annotatable = false,
  unsaved,
  confirmed,
  onToggleConfirm,
  onChange,
  onFocus,
  marker,
  extras,
  below,
}: Props) {
  const edited = value !== segment.mt;
  const changes = useMemo(
    () => (showDiff && edited ? diffText(segment.mt, value, lang) : null),
    [showDiff, edited, segment.mt, value, lang],
  );
  const kind = KIND_LABEL[segment.kind];
  const textId = `seg-${segment.index}-text`;
  const title = segment.kind === "TITLE" ? "font-semibold" : "";
  const mtRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<SegmentSelection | null>(null);
  // Chips sit under the number; what they expand into is portalled under the current text.
  const [panelSlot, setPanelSlot] = useState<HTMLDivElement | null>(null);
  const selectionContext = useMemo(
    () => ({ selection, clear: () => setSelection(null), panelSlot }),
    [selection, panelSlot],
  );

  function select(next: Omit<SegmentSelection, "serial">) {
    if (!next.quote.trim()) return;
    setSelection((s) =>
      s && s.target === next.target && s.start === next.start && s.end === next.end
        ? s
        : { ...next, serial: (s?.serial ?? 0) + 1 },
    );
  }

  function onTextSelect(e: SyntheticEvent<HTMLTextAreaElement>) {
    if (!annotatable) return;
    const { selectionStart: start, selectionEnd: end } = e.currentTarget;
    if (start === end) return;
    const quote = value.slice(start, end);
    // Offsets refer to the saved text; while the draft differs, the quote is looked up there.
    select(
      value === segment.text ? { target: "TEXT", start, end, quote } : { target: "TEXT", quote },
    );
  }

  function onMtSelect() {
    if (!annotatable || changes || !mtRef.current) return;
    const span = selectionOffsets(mtRef.current);
    if (span) select({ target: "MT", ...span, quote: segment.mt.slice(span.start, span.end) });
  }

  return (
    <li
      className={`grid gap-x-3 gap-y-1 border-b border-slate-200 px-3 py-1 text-[0.9rem] leading-snug last:border-0 ${segmentGridColumns(showSource)} ${unsaved ? "bg-amber-50/60" : ""}`}
      data-testid="segment-row"
      data-segment-index={segment.index}
      data-edited={edited ? "true" : "false"}
      data-confirmed={confirmed ? "true" : "false"}
    >
      <div className="flex flex-wrap items-center gap-x-1 gap-y-0.5 self-start pt-1 text-xs text-slate-500">
        <span className="font-mono">#{segment.index}</span>
        {onToggleConfirm ? (
          <button
            type="button"
            aria-pressed={Boolean(confirmed)}
            onClick={() => onToggleConfirm(segment.index)}
            className={`rounded border px-0.5 leading-none ${confirmed ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-300 text-slate-500 hover:bg-slate-50"}`}
            title={
              confirmed ? "Confirmed (Ctrl+Enter)" : "Confirm this segment as done (Ctrl+Enter)"
            }
          >
            ✓
            <span className="sr-only">
              {confirmed ? " Confirmed" : " Confirm"} segment {segment.index}
            </span>
          </button>
        ) : confirmed ? (
          <span className="text-emerald-700" title="Confirmed">
            ✓<span className="sr-only"> confirmed</span>
          </span>
        ) : null}
        {kind ? <span className="rounded bg-indigo-50 px-1 text-indigo-800">{kind}</span> : null}
        {edited ? (
          <span
            className="rounded bg-emerald-50 px-0.5 text-[0.7rem] text-emerald-800"
            data-testid="edited-marker"
          >
            edited
          </span>
        ) : null}
        {unsaved ? (
          <span
            className="rounded bg-amber-100 px-0.5 text-[0.7rem] text-amber-900"
            data-testid="unsaved-marker"
          >
            unsaved
          </span>
        ) : null}
        <SegmentSelectionContext.Provider value={selectionContext}>
          {extras}
        </SegmentSelectionContext.Provider>
        {marker}
      </div>
      {showSource ? (
        <div className={`pt-1 whitespace-pre-wrap text-slate-700 ${title}`}>
          <span className="sr-only">Source: </span>
          {segment.source ? (
            <SourceText segmentIndex={segment.index} source={segment.source} current={value} />
          ) : (
            <span className="text-slate-400 italic">no source</span>
          )}
        </div>
      ) : null}
      <div className={`pt-1 text-slate-600 ${title}`}>
        {changes ? (
          <div data-testid="segment-diff">
            <DiffView
              changes={changes}
              label={`Changes from machine translation, segment ${segment.index}`}
            />
          </div>
        ) : (
          <>
            <span className="sr-only">Machine translation: </span>
            {/* Nothing but the MT inside: selection offsets are computed from its text. */}
            <div
              ref={mtRef}
              lang={lang}
              className="whitespace-pre-wrap"
              data-testid="segment-mt"
              onMouseUp={onMtSelect}
              onKeyUp={onMtSelect}
            >
              {segment.mt}
            </div>
          </>
        )}
      </div>
      <div className="relative min-w-0">
        {editable ? (
          <textarea
            id={textId}
            aria-label={`Current text, segment ${segment.index}`}
            data-segment-input={segment.index}
            lang={lang}
            value={value}
            onChange={(e) => {
              // Typing over a selection means editing it, not annotating it.
              setSelection(null);
              onChange(segment.index, e.target.value);
            }}
            onFocus={() => onFocus(segment.index)}
            onMouseUp={onTextSelect}
            onKeyUp={(e) => e.shiftKey && onTextSelect(e)}
            rows={1}
            className={`block w-full resize-y rounded border border-slate-300 bg-white px-1.5 py-0.5 leading-snug [field-sizing:content] ${title}`}
          />
        ) : (
          <div
            id={textId}
            lang={lang}
            data-testid="segment-readonly-text"
            className={`pt-1 whitespace-pre-wrap text-slate-900 ${title}`}
          >
            <span className="sr-only">Current text: </span>
            {value}
          </div>
        )}
        <div ref={setPanelSlot} />
        {below}
      </div>
    </li>
  );
});
