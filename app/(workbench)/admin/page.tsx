import type { Metadata } from "next";
import { ROLES } from "@/lib/auth/policy";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format-time";
import { displayTimeZone } from "@/lib/server/time-zone";
import { listApiTokens } from "@/lib/server/api-tokens";
import { listUsers } from "@/lib/server/users";
import { revokeTokenAction, setDisabledAction, setRoleAction } from "./actions";
import { CreateTokenForm, CreateUserForm, ResetPasswordForm, RowActionForm } from "./forms";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const actor = await requirePageActor("admin:users", "/admin");
  const tz = await displayTimeZone(actor);
  const [users, tokens] = await Promise.all([listUsers(), listApiTokens()]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Administration</h1>
      <p className="text-sm">
        <a href="/admin/outlets" className="text-blue-800 underline">
          Outlets
        </a>
        : embed origins, canonical URLs, time zones and disclosure texts per publication.
      </p>
      <section aria-labelledby="users-h" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="users-h" className="mb-3 text-lg font-semibold">
          Users
        </h2>
        <table className="mb-4 w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th className="py-1">Email</th>
              <th>Name</th>
              <th>Role</th>
              <th>State</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-100">
                <td className="py-1.5">{u.email}</td>
                <td>{u.name}</td>
                <td>
                  <RowActionForm action={setRoleAction} className="flex flex-wrap gap-1">
                    <input type="hidden" name="userId" value={u.id} />
                    <select
                      name="role"
                      defaultValue={u.role}
                      aria-label={`Role of ${u.email}`}
                      className="rounded border border-slate-300 px-1 py-0.5"
                    >
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                    <button className="rounded border border-slate-300 px-2 text-xs">Set</button>
                  </RowActionForm>
                </td>
                <td>{u.disabledAt ? "disabled" : "active"}</td>
                <td>
                  {u.id !== actor.userId ? (
                    <RowActionForm action={setDisabledAction}>
                      <input type="hidden" name="userId" value={u.id} />
                      <input
                        type="hidden"
                        name="disabled"
                        value={u.disabledAt ? "false" : "true"}
                      />
                      <button className="rounded border border-slate-300 px-2 text-xs">
                        {u.disabledAt ? "Enable" : "Disable"}
                      </button>
                    </RowActionForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <CreateUserForm />
        <div className="mt-4">
          <ResetPasswordForm users={users.filter((u) => !u.disabledAt)} />
        </div>
      </section>
      <section aria-labelledby="tokens-h" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="tokens-h" className="mb-3 text-lg font-semibold">
          API tokens
        </h2>
        <table className="mb-4 w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th className="py-1">Name</th>
              <th>User</th>
              <th>Prefix</th>
              <th>Created</th>
              <th>Last used</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-t border-slate-100">
                <td className="py-1.5">{t.name}</td>
                <td>{t.user.email}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{formatDateTime(t.createdAt, tz)}</td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt, tz) : "never"}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="text-slate-500">revoked</span>
                  ) : (
                    <RowActionForm action={revokeTokenAction}>
                      <input type="hidden" name="tokenId" value={t.id} />
                      <button className="rounded border border-rose-300 px-2 text-xs text-rose-800">
                        Revoke
                      </button>
                    </RowActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <CreateTokenForm
          users={users.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, email: u.email }))}
        />
      </section>
    </div>
  );
}
