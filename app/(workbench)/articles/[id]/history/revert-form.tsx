"use client";
import { useActionState, useId, useState } from "react";
import { RevertPreview } from "@/components/history/revert-preview";
import { revertAction, type RevertState } from "./actions";

/**
 * Per-revision revert: a disclosure with a required reason. Uses the revision
 * the page showed as current as the base, so a save made meanwhile is reported
 * as a conflict instead of being silently overwritten.
 */
export function RevertForm(props: { articleId: string; to: number; baseRevision: number }) {
  const [state, action, pending] = useActionState<RevertState, FormData>(revertAction, null);
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const conflict =
    state && !state.ok && typeof state.details?.currentRevision === "number"
      ? state.details.currentRevision
      : null;
  return (
    <details className="group text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50">
        Revert to r{props.to}
      </summary>
      <form
        action={action}
        className="mt-2 flex w-[28rem] max-w-[90vw] flex-col gap-2 rounded border border-slate-200 bg-white p-2 shadow-sm"
      >
        {open ? (
          <RevertPreview articleId={props.articleId} from={props.baseRevision} to={props.to} />
        ) : null}
        <input type="hidden" name="articleId" value={props.articleId} />
        <input type="hidden" name="to" value={props.to} />
        <input type="hidden" name="baseRevision" value={props.baseRevision} />
        <label htmlFor={reasonId} className="text-xs text-slate-600">
          Reason (required, shown in the history)
        </label>
        <input
          id={reasonId}
          name="reason"
          required
          maxLength={500}
          className="rounded border border-slate-300 px-2 py-1"
        />
        <button
          type="submit"
          disabled={pending}
          className="self-start rounded bg-slate-900 px-3 py-1 text-xs font-medium text-white disabled:opacity-50"
        >
          {pending ? "Reverting…" : `Restore the text of r${props.to}`}
        </button>
        {conflict !== null ? (
          <p role="alert" className="rounded bg-amber-50 px-2 py-1 text-amber-900">
            Conflict: revision {conflict} was saved after this page loaded, so nothing was reverted.
            Reload the history, check the newer revision, then revert again.
          </p>
        ) : state && !state.ok ? (
          <p role="alert" className="text-rose-700">
            {state.error}
          </p>
        ) : null}
        {state && state.ok ? (
          <p role="status" className="rounded bg-emerald-50 px-2 py-1 text-emerald-900">
            {state.data.created
              ? `Created revision ${state.data.revision}.`
              : "The text already matches; nothing to revert."}
          </p>
        ) : null}
      </form>
    </details>
  );
}
