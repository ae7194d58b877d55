"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { callApi, type ApiError } from "@/lib/api/client";
import { saveRevision } from "@/lib/api/routes/history";
import { mergeSegments, type ConflictingSegment } from "@/lib/text/merge3";
import type { ConflictState } from "./conflict-dialog";
import type { Draft } from "./use-draft";
import type { WorkspaceMessage } from "./workspace-message";

type StaleBase = ApiError & {
  currentRevision: number;
  savedBy?: { name: string; email: string } | null;
  savedAt?: string | null;
  segments?: { index: number; text: string | null; base: string | null }[];
};

/** What a save sends for a draft: edited segments and confirmation changes. */
export function segmentsOf(d: Draft, serverText: ReadonlyMap<number, string>) {
  return [
    ...new Set([...Object.keys(d.edits).map(Number), ...Object.keys(d.confirm ?? {}).map(Number)]),
  ].map((index) => ({
    index,
    text: d.edits[index] ?? serverText.get(index) ?? "",
    confirmed: d.confirm?.[index],
  }));
}

/**
 * The save protocol: send the draft on its base revision; on a stale base (409) merge
 * three ways with what was saved meanwhile, send the clean result again at once, and
 * leave only overlapping changes to the reviewer (the conflict dialog).
 */
export function useSaveRevision(opts: {
  articleId: string;
  lang: string;
  draft: Draft;
  setDraft: (d: Draft) => void;
  clear: (base: number) => void;
  serverText: ReadonlyMap<number, string>;
  setMessage: (m: WorkspaceMessage) => void;
}) {
  const { articleId, lang, draft, setDraft, clear, serverText, setMessage } = opts;
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<ConflictState | null>(null);

  const save = useCallback(
    async (override?: Draft) => {
      let d = override ?? draft;
      if (segmentsOf(d, serverText).length === 0) {
        setMessage({ kind: "info", text: "Nothing to save." });
        return;
      }
      setSaving(true);
      try {
        // A stale save that merges cleanly is sent again on the new base at once; a few
        // rounds cover a busy desk, after which the reviewer sees the dialog or an error.
        for (let round = 0; round < 3; round++) {
          const segments = segmentsOf(d, serverText);
          const res = await callApi(
            saveRevision,
            { id: articleId },
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
            router.replace(`/articles/${articleId}`);
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
            lang,
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
    [draft, articleId, lang, clear, router, serverText, setDraft, setMessage],
  );

  /** The reviewer settled the overlapping segments: the draft already sits on their revision. */
  const resolveConflict = useCallback(
    (merged: Record<number, string>) => {
      const next: Draft = { ...draft, edits: { ...draft.edits, ...merged } };
      setDraft(next);
      setConflict(null);
      void save(next);
    },
    [draft, setDraft, save],
  );

  return { save, saving, conflict, dismissConflict: () => setConflict(null), resolveConflict };
}
