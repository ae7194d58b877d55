"use client";
import { Fragment, type Ref } from "react";
import type { AnnotationDto } from "@/lib/quality/dto";
import { SEVERITY_MARK } from "./severity";
import { splitIntoPieces, worstSeverity } from "./spans";

/**
 * Segment text with annotation spans as <mark>s. The element's text content is exactly
 * `text` (no labels inside), so selection offsets computed from it are segment offsets.
 * Untrusted text is rendered as React text only.
 */
export function AnnotatedText({
  ref,
  text,
  annotations,
  lang,
  testId,
  onSelectionEnd,
}: {
  ref?: Ref<HTMLDivElement>;
  text: string;
  /** Only annotations anchored in this text. */
  annotations: AnnotationDto[];
  lang?: string;
  testId: string;
  onSelectionEnd?: () => void;
}) {
  const pieces = splitIntoPieces(text, annotations);
  return (
    <div
      ref={ref}
      lang={lang}
      data-testid={testId}
      onMouseUp={onSelectionEnd}
      onKeyUp={onSelectionEnd}
      onTouchEnd={onSelectionEnd}
      className="rounded border border-slate-200 bg-white p-2 text-[0.95rem] leading-relaxed whitespace-pre-wrap"
    >
      {pieces.map((p) =>
        p.marks.length > 0 ? (
          <mark
            key={p.start}
            className={`rounded-sm px-0 ${SEVERITY_MARK[worstSeverity(p.marks)] ?? SEVERITY_MARK.neutral}`}
            title={p.marks.map((m) => `${m.category} (${m.severity})`).join("; ")}
            data-severity={worstSeverity(p.marks)}
            data-annotation-ids={p.marks.map((m) => m.id).join(" ")}
          >
            {p.text}
          </mark>
        ) : (
          <Fragment key={p.start}>{p.text}</Fragment>
        ),
      )}
    </div>
  );
}
