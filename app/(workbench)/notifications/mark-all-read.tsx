"use client";
import { useActionState } from "react";
import { markAllReadAction } from "./actions";

export function MarkAllRead({ disabled }: { disabled: boolean }) {
  const [state, action, pending] = useActionState(markAllReadAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <button
        type="submit"
        disabled={disabled || pending}
        className="rounded border border-slate-300 px-2.5 py-1 text-sm disabled:opacity-50"
      >
        Mark all read
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-rose-800">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
