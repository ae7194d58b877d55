"use client";
// Lists, adds, toggles and deletes custom QA rules through /api/v1/qa-rules (issue 16).
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import {
  createQaRule,
  deleteQaRule,
  updateQaRule,
  type qaRuleViewSchema,
} from "@/lib/api/routes/intel";
import { sendJson } from "@/components/quality/api";

type Rule = z.infer<typeof qaRuleViewSchema>;

const input = "rounded border border-slate-300 px-2 py-1";

export function QaRuleManager({ initial }: { initial: Rule[] }) {
  const [rules, setRules] = useState(initial);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (name: string) => {
      const v = String(f.get(name) ?? "").trim();
      return v === "" ? null : v;
    };
    const res = await sendJson(
      createQaRule,
      {},
      {
        kind: f.get("kind") === "regex" ? "regex" : "literal",
        pattern: String(f.get("pattern") ?? ""),
        sourcePattern: text("sourcePattern"),
        caseSensitive: f.get("caseSensitive") === "on",
        message: String(f.get("message") ?? ""),
        severity: (text("severity") ?? "warning") as Rule["severity"],
        sourceLang: text("sourceLang"),
        targetLang: text("targetLang"),
        engine: text("engine"),
      },
    );
    if (!res.ok) return setStatus({ error: true, text: res.error });
    setRules((r) => [...r, res.data]);
    setStatus({ error: false, text: "Rule added." });
    form.reset();
  }

  async function toggle(rule: Rule) {
    const res = await sendJson(updateQaRule, { id: rule.id }, { enabled: !rule.enabled });
    if (!res.ok) return setStatus({ error: true, text: res.error });
    setRules((rs) => rs.map((r) => (r.id === rule.id ? res.data : r)));
  }

  async function remove(rule: Rule) {
    const res = await sendJson(deleteQaRule, { id: rule.id }, undefined);
    if (!res.ok) return setStatus({ error: true, text: res.error });
    setRules((rs) => rs.filter((r) => r.id !== rule.id));
    setStatus({ error: false, text: "Rule deleted." });
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={add}
        aria-label="Add a QA rule"
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
      >
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Kind</span>
          <select name="kind" className={input} defaultValue="literal">
            <option value="literal">Literal text</option>
            <option value="regex">Regular expression</option>
          </select>
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">MT pattern</span>
          <input name="pattern" required maxLength={200} className={`${input} w-56`} />
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Only when source has (optional)</span>
          <input name="sourcePattern" maxLength={200} className={`${input} w-40`} />
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Message</span>
          <input name="message" required maxLength={300} className={`${input} w-64`} />
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Severity</span>
          <select name="severity" className={input} defaultValue="warning">
            <option value="info">Info</option>
            <option value="warning">Warning</option>
            <option value="error">Error</option>
          </select>
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Source lang</span>
          <input name="sourceLang" placeholder="any" maxLength={12} className={`${input} w-16`} />
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Target lang</span>
          <input name="targetLang" placeholder="any" maxLength={12} className={`${input} w-16`} />
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Engine</span>
          <input name="engine" placeholder="any" maxLength={200} className={`${input} w-32`} />
        </label>
        <label className="flex items-center gap-1.5 pb-1">
          <input type="checkbox" name="caseSensitive" /> Case-sensitive
        </label>
        <button type="submit" className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
          Add rule
        </button>
      </form>
      {status ? (
        <p
          role={status.error ? "alert" : "status"}
          className={status.error ? "text-sm text-rose-700" : "text-sm text-emerald-700"}
        >
          {status.text}
        </p>
      ) : null}
      <table className="w-full rounded border border-slate-200 bg-white text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Pattern</th>
            <th className="px-3 py-2 font-medium">Source condition</th>
            <th className="px-3 py-2 font-medium">Message</th>
            <th className="px-3 py-2 font-medium">Applies to</th>
            <th className="px-3 py-2 font-medium">Severity</th>
            <th className="px-3 py-2 font-medium">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rules.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                No rules yet.
              </td>
            </tr>
          ) : null}
          {rules.map((r) => (
            <tr key={r.id} data-testid="qa-rule-row" className="border-b border-slate-100">
              <td className="px-3 py-2 font-mono text-xs">
                {r.kind === "regex" ? `/${r.pattern}/` : `"${r.pattern}"`}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{r.sourcePattern ?? "–"}</td>
              <td className="px-3 py-2">{r.message}</td>
              <td className="px-3 py-2 text-slate-600">
                {r.sourceLang ?? "any"} → {r.targetLang ?? "any"} · {r.engine ?? "any engine"}
              </td>
              <td className="px-3 py-2">{r.severity}</td>
              <td className="space-x-2 px-3 py-2 whitespace-nowrap">
                <button
                  type="button"
                  onClick={() => toggle(r)}
                  className="rounded border border-slate-300 px-2 py-0.5"
                >
                  {r.enabled ? "Disable" : "Enable"}
                </button>
                <button
                  type="button"
                  onClick={() => remove(r)}
                  className="rounded border border-rose-300 px-2 py-0.5 text-rose-800"
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
