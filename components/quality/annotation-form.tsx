"use client";
import { useId, useState, type FormEvent } from "react";
import type { AnnotationTarget } from "@/lib/quality/dto";
import { createAnnotation } from "@/lib/api/routes/quality";
import { sendJson } from "./api";
import { CategorySelect } from "./category-select";
import { SeveritySelect } from "./severity-select";
import { locateQuote } from "./spans";

export interface PendingSpan {
  target: AnnotationTarget;
  /** Offsets of the selection, when it was made on the saved text itself. */
  start?: number;
  end?: number;
  quote: string;
}

/**
 * The MQM popover: a new annotation on the words selected in a row (adjustable in "Text to
 * mark"; without offsets, i.e. selected in an unsaved draft, the first occurrence in the saved
 * text is used).
 */
export function AnnotationForm({
  articleId,
  segmentIndex,
  text,
  mt,
  selection,
  onCancel,
  onSaved,
}: {
  articleId: string;
  segmentIndex: number;
  text: string;
  mt: string;
  selection: PendingSpan | null;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const id = useId();
  const [target, setTarget] = useState<AnnotationTarget>(selection?.target ?? "TEXT");
  const source = (t: AnnotationTarget) => (t === "MT" ? mt : text);
  const [quote, setQuote] = useState(selection?.quote ?? "");
  const [category, setCategory] = useState("");
  const [severity, setSeverity] = useState("minor");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const hint =
      selection?.target === target && selection.start !== undefined && selection.end !== undefined
        ? { start: selection.start, end: selection.end }
        : null;
    const span = locateQuote(source(target), quote, hint);
    if (!span) {
      setError(
        `"${quote}" does not occur in the ${target === "MT" ? "machine translation" : "current text"}.`,
      );
      return;
    }
    setPending(true);
    setError(null);
    const res = await sendJson(
      createAnnotation,
      { id: articleId },
      {
        segmentIndex,
        target,
        start: span.start,
        end: span.end,
        quote,
        category,
        severity,
        note: note.trim() || undefined,
      },
    );
    setPending(false);
    if (!res.ok) return setError(res.error);
    onSaved();
  }

  return (
    <form
      onSubmit={submit}
      aria-label={`New annotation on segment ${segmentIndex}`}
      className="space-y-2 rounded border border-indigo-200 bg-indigo-50 p-2 text-sm"
    >
      <fieldset className="flex flex-wrap gap-3">
        <legend className="sr-only">Annotate which text</legend>
        {(["TEXT", "MT"] as const).map((t) => (
          <label key={t} className="flex items-center gap-1">
            <input
              type="radio"
              name={`${id}-target`}
              value={t}
              checked={target === t}
              onChange={() => setTarget(t)}
            />
            {t === "TEXT" ? "Current text" : "Machine translation"}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col">
        <span className="text-slate-700">Text to mark</span>
        <input
          value={quote}
          onChange={(e) => setQuote(e.target.value)}
          required
          className="rounded border border-slate-300 bg-white px-2 py-1"
          data-testid="annotation-quote"
        />
        <span className="text-xs text-slate-600">
          The words you selected; adjust them here if needed.
        </span>
      </label>
      <div className="flex flex-wrap gap-3">
        <label htmlFor={`${id}-category`} className="flex flex-col">
          <span className="text-slate-700">Category</span>
          <CategorySelect id={`${id}-category`} value={category} onChange={setCategory} />
        </label>
        <label htmlFor={`${id}-severity`} className="flex flex-col">
          <span className="text-slate-700">Severity</span>
          <SeveritySelect id={`${id}-severity`} value={severity} onChange={setSeverity} />
        </label>
      </div>
      <label className="flex flex-col">
        <span className="text-slate-700">Note (optional)</span>
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          rows={2}
          className="rounded border border-slate-300 bg-white px-2 py-1"
        />
      </label>
      {error ? (
        <p role="alert" className="text-rose-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-slate-900 px-3 py-1 font-medium text-white disabled:opacity-60"
        >
          {pending ? "Saving…" : "Add annotation"}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-slate-300 bg-white px-3 py-1"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
