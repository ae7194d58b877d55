"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { callApi, type ApiError } from "@/lib/api/client";
import { changeStatus } from "@/lib/api/routes/articles";
import { saveRevision } from "@/lib/api/routes/history";
import type { ArticleStatus } from "@/lib/domain/types";
import { STATUS_LABEL } from "@/lib/domain/workflow";
import { mergeSegments, type ConflictingSegment } from "@/lib/text/merge3";
import type { WorkspaceData } from "@/lib/server/workspace";
import { StatusBadge } from "@/components/status-badge";
import { AssignControl } from "./assign-control";
import { ConflictDialog, type ConflictState } from "./conflict-dialog";
import { GateDialog, type Blocker, type GateState } from "./gate-dialog";
import { SegmentFeedback } from "./segment-feedback";
import { SegmentRow } from "./segment-row";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { StatusActions } from "./status-actions";
import { useDraft, type Draft } from "./use-draft";

type Message = { kind: "ok" | "error" | "info"; text: string } | null;
type StaleBase = ApiError & {
  currentRevision: number;
  savedBy?: { name: string; email: string } | null;
  savedAt?: string | null;
  segments?: { index: number; text: string | null; base: string | null }[];
};

interface Props {
  data: WorkspaceData;
  /** Server-rendered extras per segment index (QA warnings, annotations). */
  extras?: Record<number, ReactNode>;
  headerExtras?: ReactNode;
}

export function Workspace({ data, extras, headerExtras }: Props) {
  const router = useRouter();
  const { view, meta, permissions, prefill } = data;
  const initial: Draft | null = prefill
    ? {
        base: view.revision,
        edits: { [prefill.segmentIndex]: prefill.text },
        feedbackId: prefill.feedbackId,
      }
    : null;
  const { draft, setDraft, clear } = useDraft(view.id, view.revision, initial);
  const [showDiff, setShowDiff] = useState(true);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Message>(
    prefill ? { kind: "info", text: prefill.note } : null,
  );
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [help, setHelp] = useState(false);
  const focused = useRef<number>(prefill?.segmentIndex ?? 0);

  const serverText = useMemo(
    () => new Map(view.segments.map((s) => [s.index, s.text])),
    [view.segments],
  );
  const serverConfirmed = data.progress.segments as Record<number, boolean>;
  const isConfirmed = (i: number) => draft.confirm?.[i] ?? serverConfirmed[i] ?? false;
  // The keyboard handler reads the latest confirmation state through a ref.
  const isConfirmedRef = useRef(isConfirmed);
  useEffect(() => {
    isConfirmedRef.current = isConfirmed;
  });
  const pendingConfirm = Object.entries(draft.confirm ?? {}).filter(
    ([i, c]) => (serverConfirmed[Number(i)] ?? false) !== c,
  );
  const unsaved = [
    ...Object.entries(draft.edits).filter(([i, t]) => serverText.get(Number(i)) !== t),
    ...pendingConfirm.filter(([i]) => draft.edits[Number(i)] === undefined),
  ];
  const showSource = view.segments.some((s) => s.source);

  const onChange = useCallback(
    (index: number, text: string) =>
      setDraft((d) => ({ ...d, edits: { ...d.edits, [index]: text } })),
    [setDraft],
  );
  const onFocus = useCallback((index: number) => (focused.current = index), []);
  const onToggleConfirm = useCallback(
    (index: number) =>
      setDraft((d) => {
        const now = d.confirm?.[index] ?? serverConfirmed[index] ?? false;
        return { ...d, confirm: { ...d.confirm, [index]: !now } };
      }),
    [setDraft, serverConfirmed],
  );

  /** What a save sends for a draft: edited segments and confirmation changes. */
  const segmentsOf = useCallback(
    (d: Draft) =>
      [
        ...new Set([
          ...Object.keys(d.edits).map(Number),
          ...Object.keys(d.confirm ?? {}).map(Number),
        ]),
      ].map((index) => ({
        index,
        text: d.edits[index] ?? serverText.get(index) ?? "",
        confirmed: d.confirm?.[index],
      })),
    [serverText],
  );

  const save = useCallback(
    async (override?: Draft) => {
      let d = override ?? draft;
      if (segmentsOf(d).length === 0) {
        setMessage({ kind: "info", text: "Nothing to save." });
        return;
      }
      setSaving(true);
      try {
        // A stale save that merges cleanly is sent again on the new base at once; a few
        // rounds cover a busy desk, after which the reviewer sees the dialog or an error.
        for (let round = 0; round < 3; round++) {
          const segments = segmentsOf(d);
          const res = await callApi(
            saveRevision,
            { id: view.id },
            {
              baseRevision: d.base,
              segments,
              summary: d.summary || undefined,
              feedbackId: d.feedbackId,
            },
          );
          if (res.ok) {
            clear(res.data.revision);
            setMessage({
              kind: "ok",
              text:
                res.status === 201
                  ? `Saved as revision ${res.data.revision}${round ? " (merged with the work saved meanwhile)" : ""}.`
                  : "No changes to save.",
            });
            router.replace(`/articles/${view.id}`);
            router.refresh();
            return;
          }
          if (res.status !== 409 || res.error?.error !== "conflict") {
            setMessage({
              kind: "error",
              text: res.error?.message ?? `Save failed (${res.status}); your draft is kept.`,
            });
            return;
          }
          // A stale base's 409 carries the current revision, who saved it, and per segment
          // their text and the base text: a three-way merge settles what it can.
          const body = res.error as StaleBase;
          const server = new Map((body.segments ?? []).map((s) => [s.index, s]));
          const merges = mergeSegments(
            segments.map((s) => ({
              index: s.index,
              mine: s.text,
              theirs: server.get(s.index)?.text ?? "",
              // Without a base (it no longer exists) every difference is a conflict.
              base: server.get(s.index)?.base ?? server.get(s.index)?.text ?? "",
            })),
            view.targetLang,
          );
          const merged: Record<number, string> = {};
          for (const m of merges) if (m.outcome !== "conflict") merged[m.index] = m.text;
          const conflicts = merges.filter((m): m is ConflictingSegment => m.outcome === "conflict");
          d = { ...d, base: body.currentRevision, edits: { ...d.edits, ...merged } };
          setDraft(d);
          if (conflicts.length > 0) {
            setConflict({
              currentRevision: body.currentRevision,
              savedBy: body.savedBy ?? null,
              savedAt: body.savedAt ?? null,
              autoMerged: Object.keys(merged).length,
              segments: conflicts,
            });
            router.refresh();
            return;
          }
        }
        setMessage({ kind: "error", text: "Others keep saving; try again in a moment." });
      } catch {
        setMessage({ kind: "error", text: "Network error; your draft is kept locally." });
      } finally {
        setSaving(false);
      }
    },
    [draft, view.id, view.targetLang, clear, router, segmentsOf, setDraft],
  );

  const [gate, setGate] = useState<GateState | null>(null);
  const transition = useCallback(
    async (to: ArticleStatus, note?: string, override?: { reason: string }) => {
      if (unsaved.length > 0 && (to === "APPROVED" || to === "PUBLISHED" || to === "SUBMITTED")) {
        setMessage({ kind: "error", text: "Save or discard your unsaved edits first." });
        setGate(null);
        return;
      }
      setSaving(true);
      const res = await callApi(changeStatus, { id: view.id }, { to, note, override });
      setSaving(false);
      if (res.ok) {
        setGate(null);
        setMessage({ kind: "ok", text: `Status changed to ${STATUS_LABEL[to].toLowerCase()}.` });
        router.refresh();
      } else if (res.status === 409 && res.error?.error === "gate") {
        // The gate's 409 lists what is still open (lib/domain/gates.ts).
        setGate({ to, note, blockers: (res.error as { blockers?: Blocker[] }).blockers ?? [] });
      } else {
        setGate(null);
        setMessage({
          kind: "error",
          text: res.error?.message ?? `Status change failed (${res.status}).`,
        });
      }
    },
    [unsaved.length, view.id, router],
  );
  /** Gated moves confirm first; the others go straight through. */
  const requestTransition = useCallback(
    (to: ArticleStatus, note?: string) =>
      to === "APPROVED" || to === "PUBLISHED" || to === "SUBMITTED"
        ? setGate({ to, note, blockers: null })
        : void transition(to, note),
    [transition],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const inField =
        e.target instanceof HTMLElement &&
        ["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName);
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && permissions.edit) {
        // Confirm the segment being edited and move to the next unconfirmed one.
        e.preventDefault();
        const current = focused.current;
        setDraft((d) => ({ ...d, confirm: { ...d.confirm, [current]: true } }));
        const indices = view.segments.map((s) => s.index);
        const after = [
          ...indices.filter((i) => i > current),
          ...indices.filter((i) => i < current),
        ];
        const next = after.find((i) => !isConfirmedRef.current(i));
        if (next !== undefined) {
          focused.current = next;
          document.querySelector<HTMLTextAreaElement>(`[data-segment-input="${next}"]`)?.focus();
        }
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void save();
      } else if (e.altKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        const indices = view.segments.map((s) => s.index);
        const pos = indices.indexOf(focused.current);
        const next =
          indices[
            Math.min(indices.length - 1, Math.max(0, pos + (e.key === "ArrowDown" ? 1 : -1)))
          ];
        document.querySelector<HTMLTextAreaElement>(`[data-segment-input="${next}"]`)?.focus();
      } else if (e.altKey && e.code === "KeyD") {
        e.preventDefault();
        setShowDiff((v) => !v);
      } else if (e.altKey && e.code === "KeyA" && data.transitions.includes("APPROVED")) {
        // Opens the approve dialog (with any blockers), never approves blind.
        e.preventDefault();
        requestTransition("APPROVED");
      } else if (e.key === "?" && !inField) {
        e.preventDefault();
        setHelp(true);
      } else if (e.key === "Escape") {
        setHelp(false);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save, requestTransition, view.segments, data.transitions, permissions.edit, setDraft]);

  useEffect(() => {
    if (prefill)
      document
        .querySelector<HTMLTextAreaElement>(`[data-segment-input="${prefill.segmentIndex}"]`)
        ?.focus();
  }, [prefill]);

  const staleDraft = unsaved.length > 0 && draft.base !== view.revision;

  return (
    <div>
      <header className="sticky top-0 z-30 -mx-4 mb-4 border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h1
            className="min-w-0 flex-1 truncate text-lg font-semibold"
            title={view.segments[0]?.text}
          >
            {view.segments[0]?.text}
          </h1>
          <StatusBadge status={view.status} />
          <span className="text-sm text-slate-600">
            {view.engine.name}
            {view.engine.version ? ` ${view.engine.version}` : ""} · {view.sourceLang} →{" "}
            {view.targetLang}
          </span>
          <span className="text-sm text-slate-600" data-testid="revision-number">
            Revision {view.revision}
            {meta.publishedRevision ? ` · published r${meta.publishedRevision}` : ""}
          </span>
          <span className="text-sm text-slate-600" data-testid="confirmed-progress">
            {view.segments.filter((s) => isConfirmed(s.index)).length} of {data.progress.total}{" "}
            segments confirmed
          </span>
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {permissions.edit ? (
            <button
              type="button"
              onClick={() => void save()}
              disabled={saving || unsaved.length === 0}
              className="rounded bg-slate-900 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
            >
              {saving ? "Saving…" : `Save${unsaved.length ? ` (${unsaved.length})` : ""}`}
            </button>
          ) : null}
          {permissions.edit && unsaved.length > 0 ? (
            <button
              type="button"
              onClick={() => clear(view.revision)}
              className="rounded border border-slate-300 px-2.5 py-1 text-sm"
            >
              Discard edits
            </button>
          ) : null}
          <label className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={showDiff}
              onChange={(e) => setShowDiff(e.target.checked)}
            />
            Show MT → current diff
          </label>
          <StatusActions
            transitions={data.transitions}
            busy={saving}
            onTransition={requestTransition}
          />
          <Link href={`/articles/${view.id}/history`} className="text-sm text-blue-700 underline">
            History
          </Link>
          {permissions.assign ? (
            <AssignControl
              articleId={view.id}
              assignee={meta.assignee}
              reviewers={data.reviewers}
            />
          ) : meta.assignee ? (
            <span className="text-sm text-slate-600">Assigned to {meta.assignee}</span>
          ) : null}
          {headerExtras}
          <button
            type="button"
            onClick={() => setHelp(true)}
            className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-sm"
            aria-label="Keyboard shortcuts"
          >
            ?
          </button>
        </div>
        {permissions.edit ? (
          <div className="mt-2">
            <label htmlFor="summary" className="sr-only">
              Edit summary
            </label>
            <input
              id="summary"
              value={draft.summary ?? ""}
              onChange={(e) => setDraft((d) => ({ ...d, summary: e.target.value }))}
              placeholder="Edit summary (optional), e.g. “Fix kinship term”"
              maxLength={500}
              className="w-full max-w-xl rounded border border-slate-300 px-2 py-1 text-sm"
            />
          </div>
        ) : null}
        {data.changesRequested ? (
          <div
            role="note"
            data-testid="changes-requested"
            className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          >
            <strong>Changes requested</strong> by {data.changesRequested.by?.name ?? "an editor"} on{" "}
            {new Date(data.changesRequested.at).toLocaleString()}:{" "}
            <span className="whitespace-pre-wrap">{data.changesRequested.note}</span>
          </div>
        ) : null}
        <div aria-live="polite">
          {message ? (
            <p
              role={message.kind === "error" ? "alert" : "status"}
              className={`mt-2 rounded px-2 py-1 text-sm ${message.kind === "error" ? "bg-rose-50 text-rose-800" : message.kind === "ok" ? "bg-emerald-50 text-emerald-900" : "bg-sky-50 text-sky-900"}`}
            >
              {message.text}
            </p>
          ) : null}
          {staleDraft ? (
            <p role="status" className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
              Your unsaved draft was started on revision {draft.base}; the article is now at
              revision {view.revision}. Saving merges the two; changes to the same words are shown
              for you to settle.
            </p>
          ) : null}
        </div>
      </header>

      <div className="rounded border border-slate-200 bg-white">
        <div
          className={`hidden gap-3 border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-medium text-slate-600 md:grid ${showSource ? "md:grid-cols-[3rem_1fr_1fr_1.3fr]" : "md:grid-cols-[3rem_1fr_1.3fr]"}`}
          aria-hidden="true"
        >
          <span>#</span>
          {showSource ? <span>Source ({view.sourceLang})</span> : null}
          <span>Machine translation</span>
          <span>Current text ({view.targetLang})</span>
        </div>
        <ol aria-label="Segments">
          {view.segments.map((s) => (
            <SegmentRow
              key={s.index}
              segment={s}
              value={draft.edits[s.index] ?? s.text}
              lang={view.targetLang}
              showSource={showSource}
              showDiff={showDiff}
              editable={permissions.edit}
              unsaved={draft.edits[s.index] !== undefined && draft.edits[s.index] !== s.text}
              confirmed={isConfirmed(s.index)}
              onToggleConfirm={permissions.edit ? onToggleConfirm : undefined}
              onChange={onChange}
              onFocus={onFocus}
              extras={
                <>
                  <SegmentFeedback
                    articleId={view.id}
                    items={data.feedback.filter((f) => f.segmentIndex === s.index)}
                    canEdit={permissions.edit}
                  />
                  {extras?.[s.index]}
                </>
              }
            />
          ))}
        </ol>
      </div>
      {view.footer ? (
        <aside
          className="mt-4 rounded border border-dashed border-slate-300 bg-white p-3 text-sm text-slate-600"
          aria-label="AI-disclosure footer"
        >
          <span className="mr-2 text-xs font-medium uppercase tracking-wide text-slate-500">
            Footer
          </span>
          {view.footer}
        </aside>
      ) : null}
      {help ? <ShortcutsOverlay onClose={() => setHelp(false)} /> : null}
      {gate ? (
        <GateDialog
          gate={gate}
          articleId={view.id}
          busy={saving}
          onCancel={() => setGate(null)}
          onConfirm={(override) => void transition(gate.to, gate.note, override)}
        />
      ) : null}
      {conflict ? (
        <ConflictDialog
          conflict={conflict}
          lang={view.targetLang}
          onCancel={() => setConflict(null)}
          onResolve={(merged) => {
            // The draft already sits on their revision with the clean merges applied.
            const next: Draft = { ...draft, edits: { ...draft.edits, ...merged } };
            setDraft(next);
            setConflict(null);
            void save(next);
          }}
        />
      ) : null}
    </div>
  );
}
