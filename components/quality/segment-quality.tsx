"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { AnnotationDto, WarningDto } from "@/lib/quality/dto";
import { useSegmentSelection } from "@/components/workspace/segment-selection";
import { AnnotatedText } from "./annotated-text";
import { AnnotationForm } from "./annotation-form";
import { AnnotationList } from "./annotation-list";
import { SEVERITY_BADGE } from "./severity";
import { isAnchored, worstSeverity } from "./spans";
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

type Open = "warnings" | "annotations" | null;

const CHIP =
  "rounded-full border px-1 py-px text-[0.7rem] leading-tight hover:brightness-95 aria-expanded:ring-1 aria-expanded:ring-slate-400";

/**
 * A row's quality as small chips (QA warnings, annotations) that expand on click, and the one
 * way to annotate: select words in the row's MT or current text, and the MQM popover opens
 * (the selection arrives through the row's SegmentSelectionContext).
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
  const { selection, clear, panelSlot } = useSegmentSelection();
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState("");
  const popover = useRef<HTMLDivElement>(null);

  const { onText, onMt, anchored, openCount } = useMemo(() => {
    const isOpen = (a: AnnotationDto) => a.status === "OPEN";
    const onText = annotations.filter((a) => a.target === "TEXT" && isAnchored(a, text));
    const onMt = annotations.filter((a) => a.target === "MT" && isAnchored(a, mt));
    return {
      onText: onText.filter(isOpen),
      onMt: onMt.filter(isOpen),
      anchored: new Set([...onText, ...onMt].map((a) => a.id)),
      openCount: annotations.filter(isOpen).length,
    };
  }, [annotations, text, mt]);

  const formOpen = canAnnotate && selection !== null;
  useEffect(() => {
    // Bring the popover into view without stealing the selection's focus.
    if (formOpen) popover.current?.scrollIntoView({ block: "nearest" });
  }, [formOpen, selection?.serial]);

  function changed(message: string) {
    setStatus(message);
    clear();
    router.refresh();
  }

  const toggle = (which: Exclude<Open, null>) => setOpen((o) => (o === which ? null : which));
  const worst = worstSeverity(annotations.filter((a) => a.status === "OPEN"));

  return (
    <>
      {warnings.length > 0 ? (
        <button
          type="button"
          aria-expanded={open === "warnings"}
          onClick={() => toggle("warnings")}
          className={`${CHIP} border-amber-300 bg-amber-50 text-amber-950`}
          data-testid="qa-chip"
          title={`${warnings.length} QA warning${warnings.length === 1 ? "" : "s"}`}
        >
          ⚠ {warnings.length}
          <span className="sr-only">
            {" "}
            warning{warnings.length === 1 ? "" : "s"} on segment {segmentIndex}
          </span>
        </button>
      ) : null}
      {annotations.length > 0 ? (
        <button
          type="button"
          aria-expanded={open === "annotations"}
          onClick={() => toggle("annotations")}
          className={`${CHIP} border-slate-300 ${openCount > 0 ? (SEVERITY_BADGE[worst] ?? SEVERITY_BADGE.neutral) : "bg-white text-slate-600"}`}
          data-testid="annotation-chip"
        >
          MQM {openCount}
          {openCount !== annotations.length ? `/${annotations.length}` : ""}
          <span className="sr-only"> open annotations on segment {segmentIndex}, show them</span>
        </button>
      ) : null}
      {panelSlot
        ? createPortal(
            <>
              {open === "warnings" ? (
                <div
                  className="mt-1"
                  data-testid="segment-quality"
                  data-segment-index={segmentIndex}
                >
                  <WarningList
                    articleId={articleId}
                    segmentIndex={segmentIndex}
                    warnings={warnings}
                    canDismiss={canDismiss}
                    canEdit={canEdit}
                    onChanged={changed}
                  />
                </div>
              ) : null}
              {open === "annotations" ? (
                <div
                  className="mt-1 space-y-1"
                  data-testid="segment-quality"
                  data-segment-index={segmentIndex}
                >
                  {onText.length > 0 ? (
                    <AnnotatedText
                      text={text}
                      annotations={onText}
                      lang={lang}
                      testId="annotatable-text"
                    />
                  ) : null}
                  {onMt.length > 0 ? (
                    <div>
                      <p className="text-xs font-medium text-slate-600">Machine translation</p>
                      <AnnotatedText
                        text={mt}
                        annotations={onMt}
                        lang={lang}
                        testId="annotatable-mt"
                      />
                    </div>
                  ) : null}
                  <AnnotationList
                    articleId={articleId}
                    annotations={annotations}
                    anchored={anchored}
                    currentUserId={currentUserId}
                    canAnnotate={canAnnotate}
                    canResolveAny={canResolveAny}
                    onChanged={changed}
                  />
                </div>
              ) : null}
              {formOpen ? (
                <div
                  ref={popover}
                  className="absolute top-full right-0 z-30 mt-1 w-[26rem] max-w-[90vw] shadow-lg"
                >
                  <AnnotationForm
                    key={selection.serial}
                    articleId={articleId}
                    segmentIndex={segmentIndex}
                    text={text}
                    mt={mt}
                    selection={selection}
                    onCancel={clear}
                    onSaved={() => {
                      setOpen("annotations");
                      changed("Annotation added.");
                    }}
                  />
                </div>
              ) : null}
            </>,
            panelSlot,
          )
        : null}
      <span role="status" className="sr-only">
        {status}
      </span>
    </>
  );
}
