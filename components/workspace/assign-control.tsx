"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api/client";
import { assignArticle } from "@/lib/api/routes/articles";

/** Assign the article to a reviewer (editors); the queue filters "assigned to me". */
export function AssignControl({
  articleId,
  assignee,
  reviewers,
}: {
  articleId: string;
  assignee: string | null;
  reviewers: { email: string; name: string }[];
}) {
  const router = useRouter();
  const [value, setValue] = useState(assignee ?? "");
  const [error, setError] = useState<string | null>(null);
  async function assign(email: string) {
    setValue(email);
    setError(null);
    const res = await callApi(assignArticle, { id: articleId }, { assignee: email || null });
    if (!res.ok) {
      setError(res.error?.message ?? "Could not assign");
      setValue(assignee ?? "");
      return;
    }
    router.refresh();
  }
  return (
    <span className="flex items-center gap-1 text-sm">
      <label htmlFor="assignee" className="text-slate-600">
        Assignee
      </label>
      <select
        id="assignee"
        value={value}
        onChange={(e) => void assign(e.target.value)}
        // Sized by its longest option otherwise; the toolbar must stay on one line.
        className="max-w-44 rounded border border-slate-300 px-1 py-0.5"
      >
        <option value="">Unassigned</option>
        {reviewers.map((r) => (
          <option key={r.email} value={r.email}>
            {r.name} ({r.email})
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-rose-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
