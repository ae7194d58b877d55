"use client";
// The dashboard's engine error patterns (issue 16): what reviewers keep fixing the same way,
// with counts and examples; editors promote one to a custom QA rule in one click.
import { useState } from "react";
import type { z } from "zod";
import { createQaRule, type enginePatternSchema } from "@/lib/api/routes/intel";
import { sendJson } from "@/components/quality/api";

type Pattern = z.infer<typeof enginePatternSchema>;

export function EnginePatterns({
  patterns,
  truncated,
  canPromote,
}: {
  patterns: Pattern[];
  truncated: boolean;
  canPromote: boolean;
}) {
  const [done, setDone] = useState<Record<string, string>>({});

  async function promote(p: Pattern, key: string) {
    const res = await sendJson(
      createQaRule,
      {},
      {
        kind: "literal",
        pattern: p.mt,
        sourcePattern: null,
        caseSensitive: true,
        message: `Reviewers usually change "${p.mt}" to "${p.replacement}" in ${p.engine.label} output`,
        severity: "warning",
        sourceLang: null,
        targetLang: null,
        engine: p.engine.key,
      },
    );
    setDone((d) => ({ ...d, [key]: res.ok ? "Promoted to a QA rule." : res.error }));
  }

  return (
    <section
      className="rounded border border-slate-200 bg-white p-4"
      aria-label="Engine error patterns"
    >
      <h2 className="mb-1 text-lg font-semibold">Engine error patterns</h2>
      <p className="mb-3 text-sm text-slate-600">
        MT text reviewers replaced the same way in at least 3 segments of one engine.
        {truncated ? " Only the newest 2,000 reviewed articles are read." : ""}
      </p>
      {patterns.length === 0 ? (
        <p className="text-sm text-slate-500">No repeated fixes yet.</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {patterns.map((p) => {
            const key = `${p.engine.key}|${p.mt}|${p.replacement}`;
            return (
              <li key={key} data-testid="engine-pattern" className="border-t border-slate-100 pt-2">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-xs text-slate-500">{p.engine.label}</span>
                  <span className="rounded bg-rose-50 px-1 text-rose-900 line-through">{p.mt}</span>
                  <span aria-hidden>→</span>
                  <span className="rounded bg-emerald-50 px-1 text-emerald-900">
                    {p.replacement}
                  </span>
                  <span className="text-xs text-slate-600">{p.count} segments</span>
                  {canPromote ? (
                    done[key] ? (
                      <span role="status" className="text-xs">
                        {done[key]}
                      </span>
                    ) : (
                      <button
                        type="button"
                        onClick={() => promote(p, key)}
                        className="rounded border border-slate-300 px-2 py-0.5 text-xs"
                      >
                        Promote to QA rule
                      </button>
                    )
                  ) : null}
                </div>
                <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                  {p.examples.map((e) => (
                    <li key={`${e.articleId}-${e.segmentIndex}`}>
                      <a href={`/articles/${e.articleId}`} className="underline">
                        {e.mt}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
