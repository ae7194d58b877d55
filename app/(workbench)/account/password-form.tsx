"use client";
import { useActionState } from "react";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const field = (name: string, label: string, autoComplete: string) => (
    <label className="flex flex-col">
      <span className="text-slate-600">{label}</span>
      <input
        name={name}
        type="password"
        required
        autoComplete={autoComplete}
        className="rounded border border-slate-300 px-2 py-1"
      />
    </label>
  );
  return (
    <form action={action} className="flex max-w-sm flex-col gap-3 text-sm">
      {field("currentPassword", "Current password", "current-password")}
      {field("newPassword", "New password", "new-password")}
      {field("confirmPassword", "Repeat the new password", "new-password")}
      <button
        disabled={pending}
        className="self-start rounded bg-slate-900 px-3 py-1 font-medium text-white"
      >
        Change password
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-rose-700">
          {state.error}
        </p>
      ) : null}
      {state && state.ok ? (
        <p role="status" className="rounded bg-emerald-50 px-2 py-1 text-emerald-900">
          Password changed. You were signed out everywhere else.
        </p>
      ) : null}
    </form>
  );
}
