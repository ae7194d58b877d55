"use client";
import { useCallback, useEffect, useState } from "react";

// Unsaved edits live in localStorage so a reload, crash or closed tab loses
// nothing. The draft remembers the revision it was based on; saving a draft
// made on an older revision goes through the normal 409 conflict flow.
export interface Draft {
  base: number;
  edits: Record<number, string>;
  /** Pending per-segment confirmations (true) or retractions (false), sent with the next save. */
  confirm?: Record<number, boolean>;
  feedbackId?: string;
  summary?: string;
}

const key = (articleId: string) => `galley:draft:${articleId}`;

export function useDraft(articleId: string, revision: number, initial?: Draft | null) {
  const [draft, setDraft] = useState<Draft>(() => initial ?? { base: revision, edits: {} });
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    try {
      const raw = window.localStorage.getItem(key(articleId));
      if (raw) {
        const stored = JSON.parse(raw) as Draft;
        if (
          stored &&
          typeof stored.base === "number" &&
          stored.edits &&
          typeof stored.edits === "object"
        ) {
          // A reader-suggestion prefill wins for its own segment; other stored edits are kept.
          // Restoring from storage must wait for mount (the server has no localStorage),
          // so setting state in this effect is intended.
          // eslint-disable-next-line react-hooks/set-state-in-effect
          setDraft(
            initial
              ? {
                  ...stored,
                  edits: { ...stored.edits, ...initial.edits },
                  feedbackId: initial.feedbackId,
                }
              : stored,
          );
        }
      }
    } catch {
      // Corrupt or unavailable storage: start from the server text.
    }

    setLoaded(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId]);

  useEffect(() => {
    if (!loaded) return;
    try {
      if (
        Object.keys(draft.edits).length === 0 &&
        Object.keys(draft.confirm ?? {}).length === 0 &&
        !draft.summary
      )
        window.localStorage.removeItem(key(articleId));
      else window.localStorage.setItem(key(articleId), JSON.stringify(draft));
    } catch {
      // Storage full or blocked: the edit stays in memory.
    }
  }, [articleId, draft, loaded]);

  const clear = useCallback((newBase: number) => setDraft({ base: newBase, edits: {} }), []);
  return { draft, setDraft, clear, loaded };
}
