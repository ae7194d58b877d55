"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { setTimeZoneAction } from "./actions";

/** The user's own zone for the workbench's dates ("" follows the server's default). */
export function TimeZoneForm({
  current,
  serverZone,
  zones,
}: {
  current: string | null;
  serverZone: string;
  zones: string[];
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState(setTimeZoneAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col">
        <span className="text-slate-600">Show dates in</span>
        <select
          name="timeZone"
          defaultValue={current ?? ""}
          className="rounded border border-slate-300 px-2 py-1"
        >
          <option value="">The newsroom&apos;s zone ({serverZone})</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <button disabled={pending} className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
        Save
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-rose-700">
          {state.error}
        </p>
      ) : null}
      {state && state.ok ? (
        <p role="status" className="text-emerald-900">
          Dates now show in {state.data.timeZone ?? serverZone}.
        </p>
      ) : null}
    </form>
  );
}
