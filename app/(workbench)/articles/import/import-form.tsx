"use client";
import Link from "@/components/link";
import { useId, useState, type FormEvent } from "react";
import { looksLikeGalleyDocument } from "@/lib/formats/galley-json";
import { countNdjsonLines, splitNdjson } from "@/lib/ingest/ndjson-chunks";
import { detectKind, errorMessage, postWithProgress, xliffOrigin, type FileKind } from "./upload";

interface LineError {
  line: number;
  message: string;
  /** The field, for machines and for people who search the file for it. */
  path?: string;
}

interface CreatedLine {
  line: number;
  id: string;
  slug: string;
}

/** Created articles listed as links, up to this many (a 10,000-line import would be a wall). */
const CREATED_LINKS_SHOWN = 200;

type Outcome =
  | {
      kind: "ndjson";
      created: number;
      existing: number;
      errors: LineError[];
      createdLines: CreatedLine[];
      stopped?: string;
    }
  | { kind: "galley-json"; id: string; slug: string; revision: number; createdUsers: string[] }
  | { kind: "xliff"; articleId: string; revision: number; created: boolean }
  | { kind: "failed"; message: string };

interface Picked {
  name: string;
  text: string;
  kind: FileKind;
}

interface BulkAnswer {
  created: number;
  existing: number;
  results: {
    line: number;
    status: string;
    message?: string;
    path?: string;
    id?: string;
    slug?: string;
  }[];
}

const KIND_LABEL: Record<FileKind, string> = {
  ndjson: "NDJSON: new articles, one per line",
  "galley-json": "Galley JSON export: one article with its history",
  xliff: "XLIFF: translations for an existing article",
};

export function ImportForm({ initialArticleId }: { initialArticleId: string }) {
  const ids = { file: useId(), progress: useId(), article: useId(), revision: useId() };
  const [picked, setPicked] = useState<Picked | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [articleId, setArticleId] = useState(initialArticleId);
  const [baseRevision, setBaseRevision] = useState("");
  const [progress, setProgress] = useState(0);
  const [progressText, setProgressText] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onPick(file: File | undefined) {
    setOutcome(null);
    setProgress(0);
    setProgressText("");
    setPicked(null);
    setPickError(null);
    if (!file) return;
    const text = await file.text();
    const kind = detectKind(file.name, text);
    if (!kind) {
      setPickError("Unknown file type: choose an .ndjson, .jsonl, .json or .xlf file.");
      return;
    }
    if (kind === "xliff") {
      const origin = xliffOrigin(file.name, text);
      if (origin.articleId) setArticleId(origin.articleId);
      if (origin.revision) setBaseRevision(origin.revision);
    }
    setPicked({ name: file.name, text, kind });
  }

  async function onUpload(e: FormEvent) {
    e.preventDefault();
    if (!picked || busy) return;
    setBusy(true);
    setOutcome(null);
    setProgress(0);
    try {
      if (picked.kind === "ndjson") setOutcome(await uploadNdjson(picked.text));
      else if (picked.kind === "galley-json") setOutcome(await uploadDocument(picked.text));
      else setOutcome(await uploadXliff(picked.text));
    } catch (err) {
      setOutcome({ kind: "failed", message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function uploadNdjson(text: string): Promise<Outcome> {
    const total = countNdjsonLines(text);
    const result = {
      kind: "ndjson" as const,
      created: 0,
      existing: 0,
      errors: [] as LineError[],
      createdLines: [] as CreatedLine[],
    };
    let done = 0;
    const show = (lines: number) => {
      setProgress(total === 0 ? 1 : lines / total);
      setProgressText(`${lines.toLocaleString("en")} of ${total.toLocaleString("en")} lines`);
    };
    show(0);
    for (const chunk of splitNdjson(text)) {
      const res = await postWithProgress(
        "/api/v1/articles/bulk",
        chunk.body,
        "application/x-ndjson",
        // Sending is only part of the work; count a chunk as done when its answer arrives.
        (f) => show(done + Math.floor(f * chunk.lineCount * 0.5)),
      );
      if (res.status !== 200) {
        const message = errorMessage(res);
        if (res.status === 401 || res.status === 403) {
          return { ...result, stopped: `Stopped at line ${chunk.firstLine}: ${message}` };
        }
        result.errors.push({
          line: chunk.firstLine,
          message: `Lines ${chunk.firstLine}–${chunk.firstLine + chunk.lineCount - 1} were not imported: ${message}`,
        });
      } else {
        const answer = res.body as BulkAnswer;
        result.created += answer.created;
        result.existing += answer.existing;
        for (const r of answer.results) {
          const line = chunk.firstLine + r.line - 1;
          if (r.status === "error") {
            result.errors.push({ line, message: r.message ?? "", path: r.path });
          } else if (r.status === "created" && r.id && r.slug) {
            result.createdLines.push({ line, id: r.id, slug: r.slug });
          }
        }
      }
      done += chunk.lineCount;
      show(done);
    }
    show(total);
    return result;
  }

  async function uploadDocument(text: string): Promise<Outcome> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { kind: "failed", message: "The file is not valid JSON." };
    }
    if (!looksLikeGalleyDocument(parsed)) {
      return {
        kind: "failed",
        message:
          'This JSON file is not a Galley article export ("format": "galley-article"). To add new articles, upload NDJSON: one article per line in an .ndjson file.',
      };
    }
    const res = await postWithProgress("/api/v1/articles/import", text, "application/json", (f) =>
      setProgress(f * 0.9),
    );
    setProgress(1);
    setProgressText("Done");
    if (res.status !== 201) return { kind: "failed", message: errorMessage(res) };
    const body = res.body as { id: string; slug: string; revision: number; createdUsers: string[] };
    return { kind: "galley-json", ...body };
  }

  async function uploadXliff(text: string): Promise<Outcome> {
    const id = articleId.trim();
    const url = `/api/v1/articles/${encodeURIComponent(id)}/xliff?baseRevision=${encodeURIComponent(baseRevision.trim())}`;
    const res = await postWithProgress(url, text, "application/xliff+xml", (f) =>
      setProgress(f * 0.9),
    );
    setProgress(1);
    setProgressText("Done");
    if (res.status !== 200 && res.status !== 201) {
      return { kind: "failed", message: errorMessage(res) };
    }
    const body = res.body as { revision: number };
    return { kind: "xliff", articleId: id, revision: body.revision, created: res.status === 201 };
  }

  const percent = Math.round(progress * 100);
  return (
    <div className="space-y-4">
      <form
        onSubmit={onUpload}
        className="space-y-3 rounded border border-slate-200 bg-white p-4 text-sm"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.file} className="font-medium">
            File to import
          </label>
          <input
            id={ids.file}
            type="file"
            accept=".ndjson,.jsonl,.json,.xlf,.xliff,.xml,application/x-ndjson,application/json,application/xliff+xml"
            onChange={(e) => void onPick(e.target.files?.[0])}
            aria-describedby={`${ids.file}-hint`}
          />
          <p id={`${ids.file}-hint`} className="text-slate-600">
            NDJSON (.ndjson, .jsonl) adds new articles; a Galley JSON export (.json) recreates an
            article with its history; an XLIFF file (.xlf) brings translations back into an existing
            article as a new revision.
          </p>
        </div>
        {pickError ? (
          <p role="alert" className="text-rose-700">
            {pickError}
          </p>
        ) : null}
        {picked ? (
          <p>
            <span className="font-medium">{picked.name}</span> — {KIND_LABEL[picked.kind]}
          </p>
        ) : null}
        {picked?.kind === "xliff" ? (
          <div className="flex flex-wrap gap-3">
            <label htmlFor={ids.article} className="flex flex-col">
              <span className="text-slate-600">Article id</span>
              <input
                id={ids.article}
                required
                value={articleId}
                onChange={(e) => setArticleId(e.target.value)}
                className="w-72 rounded border border-slate-300 px-2 py-1 font-mono"
              />
            </label>
            <label htmlFor={ids.revision} className="flex flex-col">
              <span className="text-slate-600">Exported from revision</span>
              <input
                id={ids.revision}
                required
                inputMode="numeric"
                pattern="[0-9]+"
                value={baseRevision}
                onChange={(e) => setBaseRevision(e.target.value)}
                className="w-32 rounded border border-slate-300 px-2 py-1"
              />
            </label>
          </div>
        ) : null}
        <button
          type="submit"
          disabled={!picked || busy}
          className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50"
        >
          {busy ? "Uploading…" : "Upload"}
        </button>
        <div className="flex items-center gap-3">
          <label htmlFor={ids.progress} className="text-slate-600">
            Upload progress
          </label>
          <progress id={ids.progress} max={100} value={percent} className="w-64">
            {percent}%
          </progress>
          <span data-testid="upload-percent">{percent}%</span>
          <span className="text-slate-600">{progressText}</span>
        </div>
      </form>
      <div aria-live="polite">{outcome ? <OutcomeView outcome={outcome} /> : null}</div>
    </div>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === "failed") {
    return (
      <p role="alert" className="rounded border border-rose-200 bg-rose-50 px-3 py-2 text-rose-900">
        {outcome.message}
      </p>
    );
  }
  if (outcome.kind === "galley-json") {
    return (
      <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
        Imported <Link href={`/articles/${outcome.id}`}>{outcome.slug}</Link> at revision{" "}
        {outcome.revision}.
        {outcome.createdUsers.length > 0
          ? ` Created disabled accounts for: ${outcome.createdUsers.join(", ")}.`
          : ""}
      </p>
    );
  }
  if (outcome.kind === "xliff") {
    return (
      <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
        {outcome.created
          ? `Saved the translations as revision ${outcome.revision}.`
          : `Nothing changed: the article stays at revision ${outcome.revision}.`}{" "}
        <Link href={`/articles/${outcome.articleId}`} className="underline">
          Open the article
        </Link>
      </p>
    );
  }
  return (
    <section aria-labelledby="import-summary" className="space-y-2 text-sm">
      <h2 id="import-summary" className="text-lg font-semibold">
        Import summary
      </h2>
      <p role="status" data-testid="import-summary">
        {outcome.created} created, {outcome.existing} already present, {outcome.errors.length}{" "}
        {outcome.errors.length === 1 ? "error" : "errors"}
      </p>
      {outcome.stopped ? (
        <p role="alert" className="text-rose-700">
          {outcome.stopped}
        </p>
      ) : null}
      {outcome.createdLines.length > 0 ? (
        <details open={outcome.createdLines.length <= 20}>
          <summary className="cursor-pointer">Created articles</summary>
          <ul
            className="mt-1 max-h-64 list-inside list-disc overflow-auto"
            data-testid="created-articles"
          >
            {outcome.createdLines.slice(0, CREATED_LINKS_SHOWN).map((c) => (
              <li key={c.id}>
                line {c.line}:{" "}
                <Link href={`/articles/${c.id}`} className="text-blue-700 underline">
                  {c.slug}
                </Link>
              </li>
            ))}
          </ul>
          {outcome.createdLines.length > CREATED_LINKS_SHOWN ? (
            <p className="text-slate-600">
              and {outcome.createdLines.length - CREATED_LINKS_SHOWN} more in the queue.
            </p>
          ) : null}
        </details>
      ) : null}
      {outcome.errors.length > 0 ? (
        <table className="w-full max-w-4xl rounded border border-slate-200 bg-white text-left">
          <caption className="sr-only">Lines that were not imported</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Line
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Problem
              </th>
            </tr>
          </thead>
          <tbody>
            {outcome.errors.map((e) => (
              <tr key={`${e.line}-${e.message}`} className="border-t border-slate-100">
                <td className="px-3 py-1.5 tabular-nums">{e.line}</td>
                <td className="px-3 py-1.5">
                  line {e.line}: {e.message}
                  {e.path ? (
                    <code className="ml-2 text-xs text-slate-500" title="Field path">
                      {e.path}
                    </code>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
