"use client";
import { useState } from "react";
import type { ArticleStatus } from "@/lib/domain/types";
import { STATUS_LABEL } from "@/lib/domain/workflow";

const ACTION_LABEL: Record<ArticleStatus, string> = {
  NEW: "Reset",
  IN_REVIEW: "Start review",
  SUBMITTED: "Submit for approval",
  CHANGES_REQUESTED: "Request changes",
  APPROVED: "Approve",
  PUBLISHED: "Publish",
};

export function StatusActions({
  transitions,
  busy,
  onTransition,
}: {
  transitions: ArticleStatus[];
  busy: boolean;
  onTransition: (to: ArticleStatus, note?: string) => void;
}) {
  const [noteFor, setNoteFor] = useState<ArticleStatus | null>(null);
  const [note, setNote] = useState("");
  if (transitions.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {transitions.map((to) => (
        <button
          key={to}
          type="button"
          disabled={busy}
          onClick={() =>
            to === "CHANGES_REQUESTED" || to === "PUBLISHED" ? setNoteFor(to) : onTransition(to)
          }
          className={`rounded px-2.5 py-1 text-sm font-medium disabled:opacity-50 ${to === "APPROVED" || to === "PUBLISHED" ? "bg-emerald-700 text-white hover:bg-emerald-800" : "border border-slate-300 bg-white hover:bg-slate-50"}`}
        >
          {ACTION_LABEL[to]}
        </button>
      ))}
      {noteFor ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onTransition(noteFor, note || undefined);
            setNoteFor(null);
            setNote("");
          }}
        >
          <label className="sr-only" htmlFor="status-note">
            Note for {STATUS_LABEL[noteFor]}
          </label>
          <input
            id="status-note"
            autoFocus
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={
              noteFor === "PUBLISHED"
                ? "Reader-facing correction note (optional)"
                : "What needs changing? (the reviewer sees this)"
            }
            required={noteFor === "CHANGES_REQUESTED"}
            maxLength={1000}
            className="w-72 rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <button type="submit" className="rounded bg-slate-900 px-2.5 py-1 text-sm text-white">
            {ACTION_LABEL[noteFor]}
          </button>
          <button
            type="button"
            onClick={() => setNoteFor(null)}
            className="text-sm text-slate-600 underline"
          >
            Cancel
          </button>
        </form>
      ) : null}
    </div>
  );
}
