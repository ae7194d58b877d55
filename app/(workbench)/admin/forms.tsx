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

type Users = { id: string; email: string }[];

/** The outcome line under a form: the server's refusal, or what the success produced. */
function Outcome<T>({
  state,
  children,
}: {
  state: ActionResult<T> | null;
  children: (data: T) => ReactNode;
}) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="w-full rounded bg-emerald-50 px-2 py-1 text-emerald-900">
      {children(state.data)}
    </p>
  ) : (
    <p role="alert" className="w-full text-rose-700">
      {state.error}
    </p>
  );
}

function UserSelect({ users, label }: { users: Users; label: string }) {
  return (
    <label className="flex flex-col">
      <span className="text-slate-600">{label}</span>
      <select name="userId" className="rounded border border-slate-300 px-2 py-1">
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.email}
          </option>
        ))}
      </select>
    </label>
  );
}

function Submit({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button disabled={pending} className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
      {children}
    </button>
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
      <Submit pending={pending}>Create user</Submit>
      <Outcome state={state}>
        {(user) => (
          <>
            Created {user.email}. One-time password:{" "}
            <code className="font-mono">{user.password}</code>
          </>
        )}
      </Outcome>
    </form>
  );
}

export function CreateTokenForm({ users }: { users: Users }) {
  const [state, action, pending] = useActionState(createTokenAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <UserSelect users={users} label="User" />
      <label className="flex flex-col">
        <span className="text-slate-600">Token name</span>
        <input
          name="name"
          required
          placeholder="CMS connector"
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <Submit pending={pending}>Create token</Submit>
      <Outcome state={state}>
        {(created) => (
          <>
            Copy this token now; it will not be shown again:{" "}
            <code className="font-mono break-all" data-testid="new-token">
              {created.token}
            </code>
          </>
        )}
      </Outcome>
    </form>
  );
}

export function ResetPasswordForm({ users }: { users: Users }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <UserSelect users={users} label="Reset the password of" />
      <Submit pending={pending}>Reset password</Submit>
      <Outcome state={state}>
        {(reset) => (
          <>
            New one-time password for {reset.email}:{" "}
            <code className="font-mono" data-testid="reset-password">
              {reset.password}
            </code>{" "}
            (all of their sessions ended)
          </>
        )}
      </Outcome>
    </form>
  );
}
