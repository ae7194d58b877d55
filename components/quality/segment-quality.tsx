"use client";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import type { AnnotationDto, WarningDto } from "@/lib/quality/dto";
import { AnnotatedText } from "./annotated-text";
import { AnnotationForm, type PendingSpan } from "./annotation-form";
import { AnnotationList } from "./annotation-list";
import { selectionOffsets } from "./selection";
import { isAnchored } from "./spans";
import { WarningList } from "./warning-list";

export interface SegmentQualityProps {
  articleId: string;
  segmentIndex: number;
  /** The saved current text (not an unsaved draft: offsets must match the server's text). */
  text: string;
  mt: string;
  annotations: AnnotationDto[];
  warnings: WarningDto[];
  canAnnotate: boolean;
  canDismiss: boolean;
  /** May save revisions: warnings with a replacement offer a one-click replace. */
  canEdit?: boolean;
  currentUserId: string;
  /** Approvers may resolve or reject anyone's annotation (server-enforced either way). */
  canResolveAny?: boolean;
  lang?: string;
}

/**
 * Quality panel for one segment row: QA warnings, the text with open annotations
 * highlighted, the annotation list, and the annotate flow (select text → category,
 * severity, note → save). Changes go through /api/v1 and refresh the page's data.
 */
export function SegmentQuality({
  articleId,
  segmentIndex,
  text,
  mt,
  annotations,
  warnings,
  canAnnotate,
  canDismiss,
  canEdit = false,
  currentUserId,
  canResolveAny = false,
  lang,
}: SegmentQualityProps) {
  const router = useRouter();
  const textRef = useRef<HTMLDivElement>(null);
  const mtRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<PendingSpan | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState("");

  const { onText, onMt, anchored } = useMemo(() => {
    const open = (a: AnnotationDto) => a.status === "OPEN";
    const onText = annotations.filter((a) => a.target === "TEXT" && isAnchored(a, text));
    const onMt = annotations.filter((a) => a.target === "MT" && isAnchored(a, mt));
    return {
      onText: onText.filter(open),
      onMt: onMt.filter(open),
      anchored: new Set([...onText, ...onMt].map((a) => a.id)),
    };
  }, [annotations, text, mt]);
  const showMt = mt !== text || onMt.length > 0;

  function captureSelection(target: PendingSpan["target"]) {
    if (!canAnnotate) return;
    const el = (target === "MT" ? mtRef : textRef).current;
    const span = el ? selectionOffsets(el) : null;
    if (!span) return;
    setSelection({ target, ...span });
    setFormKey((k) => k + 1); // a new selection restarts the form with its quote
    setFormOpen(true);
  }

  function changed(message: string) {
    setStatus(message);
    setFormOpen(false);
    setSelection(null);
    router.refresh();
  }

  return (
    <section
      aria-label={`Quality of segment ${segmentIndex}`}
      className="mt-2 space-y-2"
      data-testid="segment-quality"
      data-segment-index={segmentIndex}
    >
      <WarningList
        articleId={articleId}
        warnings={warnings}
        canDismiss={canDismiss}
        canEdit={canEdit}
        onChanged={changed}
      />
      {/* Collapsed unless something is highlighted: the row already shows the text once. */}
      <details
        open={onText.length + onMt.length > 0 || formOpen}
        className="rounded border border-slate-200 px-2 py-1"
      >
        <summary className="cursor-pointer text-xs font-medium text-slate-600">
          {canAnnotate ? "Annotate: select words in the saved text" : "Annotated text"}
          {onText.length + onMt.length > 0 ? ` · ${onText.length + onMt.length} highlighted` : ""}
        </summary>
        <div className="mt-1">
          <p className="mb-0.5 text-xs font-medium text-slate-600">
            {canAnnotate ? "Current text (select words to annotate)" : "Current text"}
          </p>
          <AnnotatedText
            ref={textRef}
            text={text}
            annotations={onText}
            lang={lang}
            testId="annotatable-text"
            onSelectionEnd={() => captureSelection("TEXT")}
          />
        </div>
        {showMt ? (
          <details open={onMt.length > 0}>
            <summary className="cursor-pointer text-xs font-medium text-slate-600">
              Machine translation
            </summary>
            <AnnotatedText
              ref={mtRef}
              text={mt}
              annotations={onMt}
              lang={lang}
              testId="annotatable-mt"
              onSelectionEnd={() => captureSelection("MT")}
            />
          </details>
        ) : null}
      </details>
      <AnnotationList
        articleId={articleId}
        annotations={annotations}
        anchored={anchored}
        currentUserId={currentUserId}
        canAnnotate={canAnnotate}
        canResolveAny={canResolveAny}
        onChanged={changed}
      />
      {canAnnotate && formOpen ? (
        <AnnotationForm
          key={formKey}
          articleId={articleId}
          segmentIndex={segmentIndex}
          text={text}
          mt={mt}
          selection={selection}
          onCancel={() => {
            setFormOpen(false);
            setSelection(null);
          }}
          onSaved={() => changed("Annotation added.")}
        />
      ) : null}
      {canAnnotate && !formOpen ? (
        <button
          type="button"
          onClick={() => setFormOpen(true)}
          className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50"
        >
          Annotate
        </button>
      ) : null}
      <p role="status" className="sr-only">
        {status}
      </p>
    </section>
  );
}
