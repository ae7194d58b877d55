"use client";
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/guard";
import { ROLES } from "@/lib/auth/policy";
import { createTokenAction, createUserAction, resetPasswordAction } from "./actions";

/**
 * A one-button form in a table row (set role, disable, revoke) that shows why the
 * server refused, e.g. "The last active admin cannot be demoted or disabled".
 */
export function RowActionForm({
  action,
  className,
  children,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult>;
  className?: string;
  children: ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={className}>
      {children}
      {state && !state.ok ? (
        <p role="alert" className="text-xs text-rose-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col">
        <span className="text-slate-600">Email</span>
        <input
          name="email"
          type="email"
          required
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Name</span>
        <input name="name" required className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Role</span>
        <select
          name="role"
          defaultValue="REVIEWER"
          className="rounded border border-slate-300 px-2 py-1"
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <button disabled={pending} className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
        Create user
      </button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-rose-700">
          {state.error}
        </p>
      ) : null}
      {state && state.ok ? (
        <p role="status" className="w-full rounded bg-emerald-50 px-2 py-1 text-emerald-900">
          Created {state.data.email}. One-time password:{" "}
          <code className="font-mono">{state.data.password}</code>
        </p>
      ) : null}
    </form>
  );
}

export function CreateTokenForm({ users }: { users: { id: string; email: string }[] }) {
  const [state, action, pending] = useActionState(createTokenAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col">
        <span className="text-slate-600">User</span>
        <select name="userId" className="rounded border border-slate-300 px-2 py-1">
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Token name</span>
        <input
          name="name"
          required
          placeholder="CMS connector"
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button disabled={pending} className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
        Create token
      </button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-rose-700">
          {state.error}
        </p>
      ) : null}
      {state && state.ok ? (
        <p role="status" className="w-full rounded bg-emerald-50 px-2 py-1 text-emerald-900">
          Copy this token now; it will not be shown again:{" "}
          <code className="font-mono break-all" data-testid="new-token">
            {state.data.token}
          </code>
        </p>
      ) : null}
    </form>
  );
}

export function ResetPasswordForm({ users }: { users: { id: string; email: string }[] }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col">
        <span className="text-slate-600">Reset the password of</span>
        <select name="userId" className="rounded border border-slate-300 px-2 py-1">
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
      </label>
      <button disabled={pending} className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
        Reset password
      </button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-rose-700">
          {state.error}
        </p>
      ) : null}
      {state && state.ok ? (
        <p role="status" className="w-full rounded bg-emerald-50 px-2 py-1 text-emerald-900">
          New one-time password for {state.data.email}:{" "}
          <code className="font-mono" data-testid="reset-password">
            {state.data.password}
          </code>{" "}
          (all of their sessions ended)
        </p>
      ) : null}
    </form>
  );
}
