"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { callApi } from "@/lib/api/client";
import { getArticle } from "@/lib/api/routes/articles";
import { mergeSegments } from "@/lib/text/merge3";
import type { Draft } from "./use-draft";
import type { IncomingSave } from "./use-live-article";
import type { WorkspaceMessage } from "./workspace-message";

/**
 * "Bring their changes in": moves my unsaved draft onto the revision someone else
 * just saved, three ways (base = the text I started from, theirs = the new text,
 * mine = my draft). Segments only I changed stay mine, segments only they changed
 * become theirs, edits apart in one segment merge. When edits overlap the draft is
 * left on its base, so the next save shows the conflict dialog as before.
 */
export function useBringIn(opts: {
  articleId: string;
  lang: string;
  draft: Draft;
  setDraft: (d: Draft) => void;
  serverText: ReadonlyMap<number, string>;
  viewRevision: number;
  setMessage: (m: WorkspaceMessage) => void;
}) {
  const { articleId, lang, draft, setDraft, serverText, viewRevision, setMessage } = opts;
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  const bringIn = useCallback(
    async (save: IncomingSave) => {
      const mine = Object.entries(draft.edits)
        .map(([i, text]) => ({ index: Number(i), text }))
        .filter((s) => serverText.get(s.index) !== s.text);
      if (mine.length === 0) {
        // Nothing of mine to merge: just show the new text.
        setDraft({ ...draft, base: save.revision, edits: {} });
        router.refresh();
        setMessage({ kind: "ok", text: `Showing ${save.by.name}'s revision ${save.revision}.` });
        return true;
      }
      if (draft.base !== viewRevision) {
        router.refresh();
        return false;
      }
      setBusy(true);
      try {
        const res = await callApi(getArticle, { id: articleId });
        if (!res.ok) {
          setMessage({
            kind: "error",
            text: res.error?.message ?? "Could not load their changes.",
          });
          return false;
        }
        const theirs = new Map(res.data.segments.map((s) => [s.index, s.text]));
        const merges = mergeSegments(
          mine.map((s) => ({
            index: s.index,
            base: serverText.get(s.index) ?? "",
            theirs: theirs.get(s.index) ?? "",
            mine: s.text,
          })),
          lang,
        );
        const overlaps = merges.filter((m) => m.outcome === "conflict").map((m) => m.index);
        router.refresh();
        if (overlaps.length) {
          setMessage({
            kind: "info",
            text:
              `${save.by.name}'s revision ${res.data.revision} changes the same words as your draft ` +
              `in segment ${overlaps.join(", ")}; saving will show both for you to settle.`,
          });
          return true;
        }
        const edits: Record<number, string> = { ...draft.edits };
        for (const m of merges) if (m.outcome !== "conflict") edits[m.index] = m.text;
        setDraft({ ...draft, base: res.data.revision, edits });
        setMessage({
          kind: "ok",
          text: `Brought in ${save.by.name}'s revision ${res.data.revision}; your unsaved edits are kept.`,
        });
        return true;
      } catch {
        setMessage({ kind: "error", text: "Network error; your draft is unchanged." });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [articleId, lang, draft, setDraft, serverText, viewRevision, setMessage, router],
  );

  return { bringIn, busy };
}
