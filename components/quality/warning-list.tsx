"use client";
import { useState, type FormEvent } from "react";
import type { WarningDto } from "@/lib/quality/dto";
import { applyWarningFix } from "@/lib/api/routes/intel";
import { dismissWarning } from "@/lib/api/routes/quality";
import { sendJson } from "./api";

const CHECK_LABEL: Record<string, string> = {
  "number-mismatch": "Number",
  "name-inconsistency": "Name",
  untranslated: "Untranslated",
  glossary: "Glossary",
  punctuation: "Punctuation",
  literalism: "Literalism",
  rule: "Rule",
  "approved-name": "Approved name",
};

/**
 * QA warnings on one segment, each dismissible with an optional reason; warnings that carry a
 * replacement (approved names) also offer a one-click replace when the user may edit.
 */
export function WarningList({
  articleId,
  warnings,
  canDismiss,
  canEdit = false,
  onChanged,
}: {
  articleId: string;
  warnings: WarningDto[];
  canDismiss: boolean;
  canEdit?: boolean;
  onChanged: (message: string) => void;
}) {
  if (warnings.length === 0) return null;
  return (
    <ul className="space-y-1" aria-label="QA warnings">
      {warnings.map((w) => (
        <WarningItem
          key={`${w.check}-${w.fingerprint}-${w.start ?? ""}`}
          articleId={articleId}
          warning={w}
          canDismiss={canDismiss}
          canEdit={canEdit}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}

function WarningItem({
  articleId,
  warning: w,
  canDismiss,
  canEdit,
  onChanged,
}: {
  articleId: string;
  warning: WarningDto;
  canDismiss: boolean;
  canEdit: boolean;
  onChanged: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function dismiss(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const res = await sendJson(
      dismissWarning,
      { id: articleId },
      {
        segmentIndex: w.segmentIndex,
        check: w.check,
        fingerprint: w.fingerprint,
        reason: reason.trim() || undefined,
      },
    );
    setPending(false);
    if (!res.ok) return setError(res.error);
    onChanged("Warning dismissed.");
  }

  async function replace() {
    if (w.start === undefined) return;
    setPending(true);
    setError(null);
    const res = await sendJson(
      applyWarningFix,
      { id: articleId },
      { segmentIndex: w.segmentIndex, fingerprint: w.fingerprint, start: w.start },
    );
    setPending(false);
    if (!res.ok) return setError(res.error);
    onChanged(`Replaced with "${w.replacement}" (revision ${res.data.revision}).`);
  }

  return (
    <li
      className="rounded border border-amber-200 bg-amber-50 p-2 text-xs text-amber-950"
      data-testid="qa-warning"
      data-check={w.check}
    >
      <span className="mr-1 rounded bg-amber-200 px-1 font-semibold">
        {CHECK_LABEL[w.check] ?? w.check}
      </span>
      {w.message}
      {canEdit && w.replacement !== undefined && w.start !== undefined ? (
        <button
          type="button"
          onClick={replace}
          disabled={pending}
          className="ml-2 rounded border border-amber-300 bg-white px-2 py-0.5 disabled:opacity-60"
        >
          Replace with &ldquo;{w.replacement}&rdquo;
        </button>
      ) : null}
      {canDismiss && !open ? (
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="ml-2 rounded border border-amber-300 bg-white px-2 py-0.5"
        >
          Dismiss
        </button>
      ) : null}
      {open ? (
        <form onSubmit={dismiss} className="mt-1 flex flex-wrap items-end gap-1">
          <label className="flex flex-col">
            <span>Reason (optional)</span>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              className="rounded border border-amber-300 bg-white px-2 py-0.5"
            />
          </label>
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-amber-800 px-2 py-0.5 font-medium text-white disabled:opacity-60"
          >
            Dismiss warning
          </button>
          <button
            type="button"
            onClick={() => setOpen(false)}
            className="rounded border border-amber-300 bg-white px-2 py-0.5"
          >
            Cancel
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-rose-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}
