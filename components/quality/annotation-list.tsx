"use client";
import { useId, useState, type FormEvent } from "react";
import type { AnnotationDto, AnnotationStatus } from "@/lib/quality/dto";
import { updateAnnotation } from "@/lib/api/routes/quality";
import { sendJson } from "./api";
import { CategorySelect } from "./category-select";
import { SEVERITY_BADGE } from "./severity";
import { SeveritySelect } from "./severity-select";
import { blankToNull } from "@/lib/text/nullable";

/**
 * Annotations on one segment. `anchored` ids are highlighted in the text; the others were
 * made on text that has changed since, so their quote and revision are shown instead.
 */
export function AnnotationList({
  articleId,
  annotations,
  anchored,
  currentUserId,
  canAnnotate,
  canResolveAny,
  onChanged,
}: {
  articleId: string;
  annotations: AnnotationDto[];
  anchored: ReadonlySet<string>;
  currentUserId: string;
  canAnnotate: boolean;
  canResolveAny: boolean;
  onChanged: (message: string) => void;
}) {
  if (annotations.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1" aria-label="Annotations">
      {annotations.map((a) => (
        <AnnotationItem
          key={a.id}
          articleId={articleId}
          annotation={a}
          anchored={anchored.has(a.id)}
          mine={a.author.id === currentUserId}
          canAnnotate={canAnnotate}
          canResolveAny={canResolveAny}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}

function AnnotationItem({
  articleId,
  annotation: a,
  anchored,
  mine,
  canAnnotate,
  canResolveAny,
  onChanged,
}: {
  articleId: string;
  annotation: AnnotationDto;
  anchored: boolean;
  mine: boolean;
  canAnnotate: boolean;
  canResolveAny: boolean;
  onChanged: (message: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const canResolve = canAnnotate && (mine || canResolveAny);

  async function setStatus(status: AnnotationStatus) {
    setPending(true);
    setError(null);
    const res = await sendJson(updateAnnotation, { id: articleId, annotationId: a.id }, { status });
    setPending(false);
    if (!res.ok) return setError(res.error);
    onChanged(`Annotation marked ${status.toLowerCase()}.`);
  }

  return (
    <li
      className={`rounded border p-2 text-xs ${a.status === "OPEN" ? "border-slate-200 bg-white" : "border-slate-100 bg-slate-50 text-slate-600"}`}
      data-testid="annotation-item"
      data-annotation-id={a.id}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="font-semibold">{a.category}</span>
        <span className={`rounded px-1 ${SEVERITY_BADGE[a.severity] ?? SEVERITY_BADGE.neutral}`}>
          {a.severity}
        </span>
        {a.target === "MT" ? <span className="rounded bg-indigo-50 px-1">MT</span> : null}
        <span className="rounded bg-slate-100 px-1">{a.status.toLowerCase()}</span>
        <span className="text-slate-600">
          {a.author.name} · r{a.revisionNumber}
        </span>
      </div>
      <p className="mt-0.5">
        <q className="italic">{a.quote}</q>
        {anchored ? null : (
          <span className="ml-1 text-slate-600">
            (text changed since revision {a.revisionNumber})
          </span>
        )}
      </p>
      {a.note ? <p className="mt-0.5 whitespace-pre-wrap">{a.note}</p> : null}
      {editing ? (
        <EditAnnotationForm
          articleId={articleId}
          annotation={a}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged("Annotation updated.");
          }}
        />
      ) : (
        <div className="mt-1 flex flex-wrap gap-1">
          {canAnnotate && mine ? (
            <button type="button" onClick={() => setEditing(true)} className={BUTTON}>
              Edit
            </button>
          ) : null}
          {canResolve && a.status === "OPEN" ? (
            <>
              <button
                type="button"
                disabled={pending}
                onClick={() => setStatus("RESOLVED")}
                className={BUTTON}
              >
                Resolve
              </button>
              <button
                type="button"
                disabled={pending}
                onClick={() => setStatus("REJECTED")}
                className={BUTTON}
              >
                Reject
              </button>
            </>
          ) : null}
          {canResolve && a.status !== "OPEN" ? (
            <button
              type="button"
              disabled={pending}
              onClick={() => setStatus("OPEN")}
              className={BUTTON}
            >
              Reopen
            </button>
          ) : null}
        </div>
      )}
      {error ? (
        <p role="alert" className="mt-1 text-rose-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}

const BUTTON =
  "rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-50 disabled:opacity-60";

function EditAnnotationForm({
  articleId,
  annotation,
  onCancel,
  onSaved,
}: {
  articleId: string;
  annotation: AnnotationDto;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const id = useId();
  const [category, setCategory] = useState(annotation.category);
  const [severity, setSeverity] = useState(annotation.severity);
  const [note, setNote] = useState(annotation.note ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const res = await sendJson(
      updateAnnotation,
      { id: articleId, annotationId: annotation.id },
      {
        category,
        severity,
        note: blankToNull(note),
      },
    );
    setPending(false);
    if (!res.ok) return setError(res.error);
    onSaved();
  }

  return (
    <form onSubmit={submit} aria-label="Edit annotation" className="mt-1 space-y-1">
      <div className="flex flex-wrap gap-2">
        <label htmlFor={`${id}-category`} className="flex flex-col">
          <span>Category</span>
          <CategorySelect id={`${id}-category`} value={category} onChange={setCategory} />
        </label>
        <label htmlFor={`${id}-severity`} className="flex flex-col">
          <span>Severity</span>
          <SeveritySelect id={`${id}-severity`} value={severity} onChange={setSeverity} />
        </label>
      </div>
      <label className="flex flex-col">
        <span>Note</span>
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
      <div className="flex gap-1">
        <button type="submit" disabled={pending} className={BUTTON}>
          Save
        </button>
        <button type="button" onClick={onCancel} className={BUTTON}>
          Cancel
        </button>
      </div>
    </form>
  );
}
