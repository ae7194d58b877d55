"use client";
import Link from "@/components/link";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { formatDateTime } from "@/lib/format-time";
import type { WorkspaceData } from "@/lib/server/workspace";
import { StatusBadge } from "@/components/status-badge";
import { AssignControl } from "./assign-control";
import { ConflictDialog } from "./conflict-dialog";
import { FindReplace } from "./find-replace";
import { GateDialog } from "./gate-dialog";
import { IncomingSaveNotice, PresenceAvatars, SegmentEditingMarker } from "./live-presence";
import { SegmentComments } from "./segment-comments";
import { SegmentFeedback } from "./segment-feedback";
import { SegmentRow, segmentGridColumns } from "./segment-row";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { StatusActions } from "./status-actions";
import { useArticleComments } from "./use-article-comments";
import { useBringIn } from "./use-bring-in";
import { useDraft, type Draft } from "./use-draft";
import { useLiveArticle } from "./use-live-article";
import { useSaveRevision } from "./use-save-revision";
import { useStatusTransition } from "./use-status-transition";
import { useWorkspaceShortcuts } from "./use-workspace-shortcuts";
import type { WorkspaceMessage } from "./workspace-message";

interface Props {
  data: WorkspaceData;
  /** Server-rendered chips per segment index, beside its number (QA warnings, annotations). */
  extras?: Record<number, ReactNode>;
  headerExtras?: ReactNode;
  /** Server-rendered panels per segment index, under the current text (name offers, TM). */
  below?: Record<number, ReactNode>;
  /** Links out of the workspace (public page, reader preview), placed by History. */
  links?: ReactNode;
}

export function Workspace({ data, extras, headerExtras, below, links }: Props) {
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
  const [message, setMessage] = useState<WorkspaceMessage>(
    prefill ? { kind: "info", text: prefill.note } : null,
  );
  const [help, setHelp] = useState(false);
  const [finding, setFinding] = useState(false);
  const focused = useRef<number>(prefill?.segmentIndex ?? 0);

  const serverText = useMemo(
    () => new Map(view.segments.map((s) => [s.index, s.text])),
    [view.segments],
  );
  const serverConfirmed = data.progress.segments as Record<number, boolean>;
  const isConfirmed = (i: number) => draft.confirm?.[i] ?? serverConfirmed[i] ?? false;
  const pendingConfirm = Object.entries(draft.confirm ?? {}).filter(
    ([i, c]) => (serverConfirmed[Number(i)] ?? false) !== c,
  );
  const unsaved = [
    ...Object.entries(draft.edits).filter(([i, t]) => serverText.get(Number(i)) !== t),
    ...pendingConfirm.filter(([i]) => draft.edits[Number(i)] === undefined),
  ];
  const showSource = view.segments.some((s) => s.source);
  const currentTexts = useMemo(
    () => view.segments.map((s) => ({ index: s.index, text: draft.edits[s.index] ?? s.text })),
    [view.segments, draft.edits],
  );
  const onReplace = useCallback(
    (edits: Record<number, string>, count: number) => {
      setDraft((d) => ({ ...d, edits: { ...d.edits, ...edits } }));
      setMessage({
        kind: "info",
        text: `Replaced ${count} match${count === 1 ? "" : "es"} in ${Object.keys(edits).length} segment(s); unsaved until you save.`,
      });
    },
    [setDraft],
  );

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

  const { save, saving, conflict, dismissConflict, resolveConflict } = useSaveRevision({
    articleId: view.id,
    lang: view.targetLang,
    draft,
    setDraft,
    clear,
    serverText,
    setMessage,
  });
  const status = useStatusTransition({
    articleId: view.id,
    unsavedCount: unsaved.length,
    setMessage,
  });
  const busy = saving || status.busy;
  const live = useLiveArticle({ articleId: view.id, me: data.me.email });
  const comments = useArticleComments(view.id, live.commentsVersion);
  const bring = useBringIn({
    articleId: view.id,
    lang: view.targetLang,
    draft,
    setDraft,
    serverText,
    viewRevision: view.revision,
    setMessage,
  });

  useWorkspaceShortcuts({
    indices: view.segments.map((s) => s.index),
    focused,
    canEdit: permissions.edit,
    canApprove: data.transitions.includes("APPROVED"),
    isConfirmed,
    confirm: (i) => setDraft((d) => ({ ...d, confirm: { ...d.confirm, [i]: true } })),
    save: () => void save(),
    toggleDiff: () => setShowDiff((v) => !v),
    approve: () => status.requestTransition("APPROVED"),
    showHelp: setHelp,
  });

  useEffect(() => {
    if (prefill)
      document
        .querySelector<HTMLTextAreaElement>(`[data-segment-input="${prefill.segmentIndex}"]`)
        ?.focus();
  }, [prefill]);

  const staleDraft = unsaved.length > 0 && draft.base !== view.revision;

  return (
    // Wider than the workbench's 80rem column: three text columns need the room. Margins, not
    // a transform, so the dialogs' fixed positioning stays relative to the viewport.
    <div className="mx-[calc(50%-50vw+1.5rem)]">
      <header className="sticky top-0 z-30 -mx-4 mb-2 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
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
          <PresenceAvatars others={live.others} connected={live.connected} />
        </div>
        {permissions.edit ? null : (
          <p
            role="note"
            data-testid="read-only-banner"
            className="mt-1 rounded border border-slate-300 bg-slate-100 px-2 py-1 text-sm text-slate-800"
          >
            <strong>Read-only.</strong> You can read this article and its quality notes; editing
            needs a reviewer or editor account.
          </p>
        )}
        <div className="mt-1.5 flex flex-wrap items-center gap-2" data-testid="workspace-toolbar">
          {permissions.edit ? (
            <button
              type="button"
              onClick={() => void save()}
              disabled={busy || unsaved.length === 0}
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
          {permissions.edit ? (
            <>
              <label htmlFor="summary" className="sr-only">
                Edit summary
              </label>
              <input
                id="summary"
                value={draft.summary ?? ""}
                onChange={(e) => setDraft((d) => ({ ...d, summary: e.target.value }))}
                placeholder="Edit summary (optional)"
                maxLength={500}
                className="w-40 min-w-0 rounded border border-slate-300 px-2 py-0.5 text-sm"
              />
              <button
                type="button"
                aria-expanded={finding}
                onClick={() => setFinding((f) => !f)}
                className="rounded border border-slate-300 px-2 py-0.5 text-sm aria-expanded:bg-slate-100"
              >
                Find &amp; replace
              </button>
            </>
          ) : null}
          <label className="flex items-center gap-1 text-sm" title="Show MT → current diff (Alt+D)">
            <input
              type="checkbox"
              aria-label="Show MT → current diff"
              checked={showDiff}
              onChange={(e) => setShowDiff(e.target.checked)}
            />
            Diff
          </label>
          <StatusActions
            transitions={data.transitions}
            busy={busy}
            onTransition={status.requestTransition}
          />
          <Link href={`/articles/${view.id}/history`} className="text-sm text-blue-700 underline">
            History
          </Link>
          {links}
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
        {permissions.edit && finding ? (
          <FindReplace
            segments={currentTexts}
            lang={view.targetLang}
            onApply={onReplace}
            onClose={() => setFinding(false)}
          />
        ) : null}
        {data.changesRequested ? (
          <div
            role="note"
            data-testid="changes-requested"
            className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          >
            <strong>Changes requested</strong> by {data.changesRequested.by?.name ?? "an editor"} on{" "}
            {formatDateTime(data.changesRequested.at, data.timeZone)}:{" "}
            <span className="whitespace-pre-wrap">{data.changesRequested.note}</span>
          </div>
        ) : null}
        <div aria-live="polite">
          {live.incoming && live.incoming.revision > view.revision ? (
            <IncomingSaveNotice
              save={live.incoming}
              busy={bring.busy}
              onBringIn={() =>
                live.incoming &&
                void bring.bringIn(live.incoming).then((done) => done && live.dismissIncoming())
              }
              onDismiss={live.dismissIncoming}
            />
          ) : null}
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
          className={`hidden gap-3 border-b border-slate-200 bg-slate-50 px-3 py-1 text-xs font-medium text-slate-600 md:grid ${segmentGridColumns(showSource)}`}
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
              annotatable={permissions.annotate}
              unsaved={draft.edits[s.index] !== undefined && draft.edits[s.index] !== s.text}
              confirmed={isConfirmed(s.index)}
              onToggleConfirm={permissions.edit ? onToggleConfirm : undefined}
              onChange={onChange}
              onFocus={onFocus}
              marker={<SegmentEditingMarker names={live.editing.get(s.index)} />}
              extras={
                <>
                  {extras?.[s.index]}
                  <SegmentComments
                    articleId={view.id}
                    segmentIndex={s.index}
                    comments={comments.bySegment.get(s.index) ?? []}
                    canComment={permissions.comment}
                    onChanged={comments.reload}
                    timeZone={data.timeZone}
                  />
                </>
              }
              below={
                <>
                  <SegmentFeedback
                    articleId={view.id}
                    items={data.feedback.filter((f) => f.segmentIndex === s.index)}
                    canEdit={permissions.edit}
                  />
                  {below?.[s.index]}
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
      {status.gate ? (
        <GateDialog
          gate={status.gate}
          articleId={view.id}
          busy={busy}
          onCancel={status.cancelGate}
          onConfirm={(override) =>
            status.gate && void status.transition(status.gate.to, status.gate.note, override)
          }
        />
      ) : null}
      {conflict ? (
        <ConflictDialog
          conflict={conflict}
          lang={view.targetLang}
          timeZone={data.timeZone}
          onCancel={dismissConflict}
          onResolve={resolveConflict}
        />
      ) : null}
    </div>
  );
}
