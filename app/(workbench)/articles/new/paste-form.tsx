"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { callApi } from "@/lib/api/client";
import { ingestArticle } from "@/lib/api/routes/articles";
import { DEFAULT_FOOTER_PATTERNS, parseFooterPatterns } from "@/lib/ingest/footer";
import { NDJSON_TEMPLATE, previewIngest } from "@/lib/ingest/preview";

const input = "rounded border border-slate-300 px-2 py-1";
const area = `${input} min-h-40 w-full font-mono text-sm`;

function downloadTemplate() {
  // A blob made on the spot: no route to serve, and CSP has nothing to say about downloads.
  const url = URL.createObjectURL(new Blob([NDJSON_TEMPLATE], { type: "application/x-ndjson" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = "galley-articles-template.ndjson";
  a.click();
  URL.revokeObjectURL(url);
}

export function PasteForm({ footerPatterns }: { footerPatterns: string | null }) {
  const router = useRouter();
  const patterns = useMemo(
    () => (footerPatterns ? parseFooterPatterns(footerPatterns) : DEFAULT_FOOTER_PATTERNS),
    [footerPatterns],
  );
  const [f, setF] = useState({
    sourceLang: "ko",
    targetLang: "en",
    engine: "",
    engineVersion: "",
    outlet: "",
    externalId: "",
    url: "",
    titleSource: "",
    titleMt: "",
    source: "",
    mt: "",
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((prev) => ({ ...prev, [k]: e.target.value }));
  const preview = useMemo(
    () =>
      previewIngest(
        {
          titleMt: f.titleMt,
          titleSource: f.titleSource || undefined,
          mt: f.mt,
          source: f.source || undefined,
        },
        patterns,
      ),
    [f.titleMt, f.titleSource, f.mt, f.source, patterns],
  );

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const opt = (v: string) => (v.trim() ? v.trim() : undefined);
    const res = await callApi(
      ingestArticle,
      {},
      {
        sourceLang: f.sourceLang.trim(),
        targetLang: f.targetLang.trim(),
        engine: { name: f.engine.trim(), version: opt(f.engineVersion) },
        outlet: opt(f.outlet),
        externalId: opt(f.externalId),
        url: opt(f.url),
        title: { mt: f.titleMt, source: opt(f.titleSource) },
        mt: f.mt,
        source: opt(f.source),
      },
    );
    setBusy(false);
    if (!res.ok) {
      const issue = res.error?.issues?.[0];
      setError(
        issue
          ? `${issue.path}: ${issue.message}`
          : (res.error?.message ?? `Could not create (${res.status})`),
      );
      return;
    }
    router.push(`/articles/${res.data.id}`);
  }

  const field = (k: keyof typeof f, label: string, props: { required?: boolean } = {}) => (
    <label className="flex flex-col text-sm">
      <span className="mb-1 text-slate-600">{label}</span>
      <input value={f[k]} onChange={set(k)} className={input} {...props} />
    </label>
  );

  return (
    <form onSubmit={(e) => void create(e)} className="space-y-4" aria-label="Paste an article">
      <div className="flex flex-wrap gap-3">
        {field("sourceLang", "Source language", { required: true })}
        {field("targetLang", "Target language", { required: true })}
        {field("engine", "MT engine", { required: true })}
        {field("engineVersion", "Engine version")}
        {field("outlet", "Outlet")}
        {field("externalId", "External id")}
        {field("url", "Original URL")}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <label className="flex flex-col text-sm">
          <span className="mb-1 text-slate-600">Source headline (optional)</span>
          <input value={f.titleSource} onChange={set("titleSource")} className={input} />
        </label>
        <label className="flex flex-col text-sm">
          <span className="mb-1 text-slate-600">MT headline</span>
          <input value={f.titleMt} onChange={set("titleMt")} className={input} required />
        </label>
        <label className="flex flex-col text-sm">
          <span className="mb-1 text-slate-600">Source text (optional)</span>
          <textarea value={f.source} onChange={set("source")} className={area} />
        </label>
        <label className="flex flex-col text-sm">
          <span className="mb-1 text-slate-600">MT text</span>
          <textarea value={f.mt} onChange={set("mt")} className={area} required />
        </label>
      </div>

      <section aria-labelledby="preview-h" className="rounded border border-slate-200 bg-white p-3">
        <h2 id="preview-h" className="mb-2 font-semibold">
          Preview
        </h2>
        {!preview.ok ? (
          <p role="note" className="text-sm text-slate-700" data-testid="paste-preview-problem">
            {preview.message}
          </p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600" data-testid="paste-preview-summary">
              {preview.segments.length - 1} paragraphs, {preview.captions} read as captions;{" "}
              {preview.footer
                ? "AI notice found (kept apart, shown under the article)"
                : "no AI notice found"}
            </p>
            <table className="w-full table-fixed text-left text-sm" data-testid="paste-preview">
              <caption className="sr-only">How the source and MT paragraphs pair</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="w-16 px-2 py-1 font-medium">
                    #
                  </th>
                  <th scope="col" className="w-24 px-2 py-1 font-medium">
                    Kind
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    Source
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    MT
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.segments.map((s, i) => (
                  <tr key={i} className="border-t border-slate-100 align-top">
                    <td className="px-2 py-1 tabular-nums">{i}</td>
                    <td className="px-2 py-1">{s.kind.toLowerCase()}</td>
                    <td className="px-2 py-1 whitespace-pre-wrap">{s.source ?? "—"}</td>
                    <td className="px-2 py-1 whitespace-pre-wrap">{s.mt}</td>
                  </tr>
                ))}
                {preview.footer ? (
                  <tr className="border-t border-slate-100 align-top text-slate-600">
                    <td className="px-2 py-1">–</td>
                    <td className="px-2 py-1">AI notice</td>
                    <td className="px-2 py-1">—</td>
                    <td className="px-2 py-1 whitespace-pre-wrap">{preview.footer}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </>
        )}
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={busy || !preview.ok}
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Create article
        </button>
        <button
          type="button"
          onClick={downloadTemplate}
          className="rounded border border-slate-300 px-3 py-1.5 text-sm"
        >
          Download an NDJSON template
        </button>
        {error ? (
          <p role="alert" className="text-sm text-rose-700">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
