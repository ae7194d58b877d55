"use client";
// The approved spellings on /qa-rules, each removable (issue 16).
import { useState } from "react";
import type { z } from "zod";
import { deleteApprovedName, type approvedNameViewSchema } from "@/lib/api/routes/intel";
import { sendJson } from "@/components/quality/api";

type Name = z.infer<typeof approvedNameViewSchema>;

export function ApprovedNameList({ initial }: { initial: Name[] }) {
  const [names, setNames] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function remove(n: Name) {
    const res = await sendJson(deleteApprovedName, { id: n.id }, undefined);
    if (!res.ok) return setError(res.error);
    setNames((ns) => ns.filter((x) => x.id !== n.id));
  }

  if (names.length === 0) return <p className="text-sm text-slate-500">No approved names yet.</p>;
  return (
    <div>
      {error ? (
        <p role="alert" className="mb-2 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm">
        {names.map((n) => (
          <li key={n.id} className="flex items-center gap-3 px-3 py-2" data-testid="approved-name">
            <span className="font-medium">{n.spelling}</span>
            <span className="text-xs text-slate-500">
              {n.kind.toLowerCase()} · {n.targetLang}
              {n.createdBy ? ` · ${n.createdBy}` : ""}
            </span>
            <button
              type="button"
              onClick={() => remove(n)}
              className="ml-auto rounded border border-rose-300 px-2 py-0.5 text-rose-800"
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
