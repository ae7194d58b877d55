"use client";
import { useActionState } from "react";
import { bulkTriageAction, triageAction } from "./actions";

const button =
  "rounded-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60";
const primary = `${button} border-slate-900 bg-slate-900 text-white hover:bg-slate-800`;
const secondary = `${button} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
const danger = `${button} border-rose-300 bg-white text-rose-800 hover:bg-rose-50`;
const input =
  "min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-blue-600 focus:ring-2 focus:ring-blue-600/30 focus:outline-none";

export interface DuplicateChoice {
  id: string;
  label: string;
}

/**
 * An item's triage forms. One action for all: the pressed button's `intent`
 * says what to do, so it also works before JavaScript loads.
 */
export function TriageControls({
  id,
  hasSuggestion,
  duplicateChoices,
}: {
  id: string;
  hasSuggestion: boolean;
  duplicateChoices: DuplicateChoice[];
}) {
  const [state, action, pending] = useActionState(triageAction, null);
  // Three forms sharing one action, so Enter in the reason field can only reject.
  const idField = <input type="hidden" name="id" value={id} />;
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap gap-2">
        {idField}
        {hasSuggestion ? (
          <>
            <button name="intent" value="accept-and-correct" disabled={pending} className={primary}>
              Accept and correct…
            </button>
            <button name="intent" value="accept" disabled={pending} className={secondary}>
              Accept without editing
            </button>
          </>
        ) : (
          <button name="intent" value="accept" disabled={pending} className={primary}>
            Accept
          </button>
        )}
        <button name="intent" value="spam" disabled={pending} className={danger}>
          Spam
        </button>
      </form>
      <form action={action} className="flex flex-wrap items-center gap-2">
        {idField}
        <label htmlFor={`reason-${id}`} className="w-28 text-sm text-slate-700">
          Reject because
        </label>
        <input
          id={`reason-${id}`}
          name="reason"
          required
          maxLength={1000}
          placeholder="The translation is correct: …"
          className={input}
        />
        <button name="intent" value="reject" disabled={pending} className={secondary}>
          Reject
        </button>
      </form>
      {duplicateChoices.length > 0 ? (
        <form action={action} className="flex flex-wrap items-center gap-2">
          {idField}
          <label htmlFor={`dup-${id}`} className="w-28 text-sm text-slate-700">
            Duplicate of
          </label>
          <select id={`dup-${id}`} name="duplicateOf" required defaultValue="" className={input}>
            <option value="">Choose an item on this article…</option>
            {duplicateChoices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <button name="intent" value="duplicate" disabled={pending} className={secondary}>
            Mark duplicate
          </button>
        </form>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-rose-700">
          {state.error}
        </p>
      ) : null}
      {state && state.ok ? (
        <p role="status" className="text-sm text-emerald-800">
          {state.data.message}
        </p>
      ) : null}
    </div>
  );
}

/** Accepts, rejects or marks as spam every checked item (checkboxes carry form="bulk-triage"). */
export function BulkTriageForm() {
  const [state, action, pending] = useActionState(bulkTriageAction, null);
  return (
    <form
      id="bulk-triage"
      action={action}
      aria-label="Bulk triage of the selected items"
      className="flex flex-wrap items-center gap-2"
    >
      <label htmlFor="bulk-reason" className="text-sm text-slate-700">
        Selected:
      </label>
      <input
        id="bulk-reason"
        name="reason"
        maxLength={1000}
        placeholder="Reason (needed to reject)"
        className="w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      <button name="intent" value="accept" disabled={pending} className={secondary}>
        Accept
      </button>
      <button name="intent" value="reject" disabled={pending} className={secondary}>
        Reject
      </button>
      <button name="intent" value="spam" disabled={pending} className={danger}>
        Spam
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-rose-700">
          {state.error}
        </p>
      ) : null}
      {state && state.ok ? (
        <p role="status" className="text-sm text-emerald-800">
          {state.data.message}
        </p>
      ) : null}
    </form>
  );
}
