"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api/client";
import { changeArticleSlug } from "@/lib/api/routes/articles";

/**
 * Offered before and after publishing when the headline was corrected after the slug was made
 * (e.g. "10 billion" → "10 trillion"): one click moves the public URL; the old one keeps
 * answering with a 308 redirect.
 */
export function SlugOffer({
  articleId,
  slug,
  suggested,
}: {
  articleId: string;
  slug: string;
  suggested: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function apply() {
    setBusy(true);
    setError(null);
    const res = await callApi(changeArticleSlug, { id: articleId }, { slug: suggested });
    setBusy(false);
    if (!res.ok) {
      setError(res.error?.message ?? "Could not change the URL");
      return;
    }
    router.refresh();
  }
  return (
    <details className="relative text-sm" data-testid="slug-offer">
      <summary className="cursor-pointer rounded border border-amber-300 bg-amber-50 px-2 py-0.5 text-amber-900">
        URL follows the old headline
      </summary>
      <div className="absolute left-0 z-40 mt-1 w-[26rem] max-w-[90vw] rounded border border-slate-300 bg-white p-3 shadow-lg">
        <p className="text-slate-700">The headline changed since this URL was made.</p>
        <dl className="mt-2 space-y-1 break-all">
          <div>
            <dt className="inline text-slate-500">Now: </dt>
            <dd className="inline font-mono">/read/{slug}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">New: </dt>
            <dd className="inline font-mono">/read/{suggested}</dd>
          </div>
        </dl>
        <p className="mt-2 text-slate-600">The old URL will redirect to the new one (308).</p>
        <button
          type="button"
          disabled={busy}
          onClick={() => void apply()}
          className="mt-2 rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50"
        >
          Use the new URL
        </button>
        {error ? (
          <p role="alert" className="mt-2 text-rose-700">
            {error}
          </p>
        ) : null}
      </div>
    </details>
  );
}
