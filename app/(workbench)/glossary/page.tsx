import type { Metadata } from "next";
import Link from "@/components/link";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format-time";
import { displayTimeZone } from "@/lib/server/time-zone";
import { listGlossary, listGlossaryPairs } from "@/lib/server/glossary";
import { AddTermForm, DeleteTermForm, EditTermForm, ImportCsvForm } from "./forms";

export const metadata: Metadata = { title: "Glossary" };

type SP = Promise<Record<string, string | string[] | undefined>>;
const LANG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

// Glossary text is untrusted (imports); everything below renders it as React text.
export default async function GlossaryPage({ searchParams }: { searchParams: SP }) {
  const actor = await requirePageActor("manage:glossary", "/glossary");
  const tz = await displayTimeZone(actor);
  const sp = await searchParams;
  const pick = (k: string) => {
    const v = sp[k];
    return typeof v === "string" && LANG.test(v) ? v.toLowerCase() : undefined;
  };
  const sourceLang = pick("sourceLang");
  const targetLang = pick("targetLang");
  const [pairs, { items, truncated }] = await Promise.all([
    listGlossaryPairs(),
    listGlossary({ sourceLang, targetLang }),
  ]);
  const exportQuery = new URLSearchParams(
    Object.entries({ sourceLang, targetLang }).filter((e): e is [string, string] => !!e[1]),
  );
  const exportHref = (format: string) => {
    const q = new URLSearchParams(exportQuery);
    q.set("format", format);
    return `/api/v1/glossary?${q.toString()}`;
  };
  const selected = (p: { sourceLang: string; targetLang: string }) =>
    p.sourceLang === sourceLang && p.targetLang === targetLang;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Glossary</h1>
        <p className="mt-1 text-sm text-slate-600">
          Approved translations per language pair. The QA glossary check warns when a source term
          appears in a segment without its translation; the name check prefers glossary spellings of
          names.
        </p>
      </div>

      <nav aria-label="Language pairs" className="flex flex-wrap gap-2 text-sm">
        <Link
          href="/glossary"
          aria-current={!sourceLang && !targetLang ? "page" : undefined}
          className="rounded border border-slate-300 bg-white px-2 py-1 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
        >
          All pairs
        </Link>
        {pairs.map((p) => (
          <Link
            key={`${p.sourceLang}-${p.targetLang}`}
            href={`/glossary?sourceLang=${encodeURIComponent(p.sourceLang)}&targetLang=${encodeURIComponent(p.targetLang)}`}
            aria-current={selected(p) ? "page" : undefined}
            className="rounded border border-slate-300 bg-white px-2 py-1 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
          >
            {p.sourceLang} → {p.targetLang} ({p.count})
          </Link>
        ))}
      </nav>

      <section aria-labelledby="add-h" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="add-h" className="mb-3 text-lg font-semibold">
          Add a term
        </h2>
        <AddTermForm sourceLang={sourceLang ?? "ko"} targetLang={targetLang ?? "en"} />
      </section>

      <section aria-labelledby="terms-h" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="terms-h" className="mb-3 text-lg font-semibold">
          Terms <span className="text-sm font-normal text-slate-600">({items.length})</span>
        </h2>
        {truncated ? (
          <p role="status" className="mb-2 text-sm text-amber-800">
            Showing the first {items.length.toLocaleString("en-US")} terms; choose a language pair.
          </p>
        ) : null}
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">No terms yet.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="glossary-table">
            <thead className="text-slate-600">
              <tr>
                <th className="py-1">Pair</th>
                <th>Source term</th>
                <th>Translation</th>
                <th>Note</th>
                <th>Updated</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id} className="border-t border-slate-100 align-top">
                  <td className="py-1.5 whitespace-nowrap">
                    {t.sourceLang} → {t.targetLang}
                  </td>
                  <td lang={t.sourceLang}>{t.sourceTerm}</td>
                  <td lang={t.targetLang}>{t.targetTerm}</td>
                  <td className="text-slate-700">{t.note}</td>
                  <td className="text-xs whitespace-nowrap text-slate-600">
                    {formatDateTime(t.updatedAt, tz)}
                    {t.createdBy ? <span className="block">by {t.createdBy}</span> : null}
                  </td>
                  <td className="text-xs">
                    <details>
                      <summary className="cursor-pointer">Edit</summary>
                      <EditTermForm term={t} />
                    </details>
                    <details>
                      <summary className="cursor-pointer text-rose-800">Delete…</summary>
                      <DeleteTermForm id={t.id} label={t.sourceTerm} />
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="csv-h" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="csv-h" className="mb-3 text-lg font-semibold">
          Import and export
        </h2>
        <p className="mb-2 text-sm text-slate-600">
          CSV columns: <code>sourceLang, targetLang, sourceTerm, targetTerm, note</code>. An import
          adds new terms and updates the translation and note of existing ones; a file with any
          invalid row is refused as a whole. Exported cells that begin with = + - or @ get a leading
          apostrophe so spreadsheets do not run them as formulas; importing the file removes it
          again.
        </p>
        <ImportCsvForm />
        <p className="mt-3 flex gap-3 text-sm">
          <a href={exportHref("csv")} className="text-blue-700 underline" download>
            Export CSV{sourceLang || targetLang ? " (this pair)" : ""}
          </a>
          <a href={exportHref("json")} className="text-blue-700 underline">
            Export JSON
          </a>
        </p>
      </section>
    </div>
  );
}
