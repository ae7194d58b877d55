"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { callApi } from "@/lib/api/client";
import { changeStatus } from "@/lib/api/routes/articles";
import type { ArticleStatus } from "@/lib/domain/types";
import { STATUS_LABEL } from "@/lib/domain/workflow";
import type { Blocker, GateState } from "./gate-dialog";
import type { WorkspaceMessage } from "./workspace-message";

/** Moves that pass the gate (lib/domain/gates.ts) are confirmed in a dialog first. */
const CONFIRMED: ReadonlySet<ArticleStatus> = new Set(["APPROVED", "PUBLISHED", "SUBMITTED"]);

/**
 * Status changes from the workspace: gated moves open the gate dialog (with the server's
 * blockers once it has answered 409), the others go straight through.
 */
export function useStatusTransition(opts: {
  articleId: string;
  unsavedCount: number;
  setMessage: (m: WorkspaceMessage) => void;
}) {
  const { articleId, unsavedCount, setMessage } = opts;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [gate, setGate] = useState<GateState | null>(null);

  const transition = useCallback(
    async (to: ArticleStatus, note?: string, override?: { reason: string }) => {
      if (unsavedCount > 0 && CONFIRMED.has(to)) {
        setMessage({ kind: "error", text: "Save or discard your unsaved edits first." });
        setGate(null);
        return;
      }
      setBusy(true);
      const res = await callApi(changeStatus, { id: articleId }, { to, note, override });
      setBusy(false);
      if (res.ok) {
        setGate(null);
        setMessage({ kind: "ok", text: `Status changed to ${STATUS_LABEL[to].toLowerCase()}.` });
        router.refresh();
      } else if (res.status === 409 && res.error?.error === "gate") {
        setGate({ to, note, blockers: (res.error as { blockers?: Blocker[] }).blockers ?? [] });
      } else {
        setGate(null);
        setMessage({
          kind: "error",
          text: res.error?.message ?? `Status change failed (${res.status}).`,
        });
      }
    },
    [unsavedCount, articleId, router, setMessage],
  );

  const requestTransition = useCallback(
    (to: ArticleStatus, note?: string) =>
      CONFIRMED.has(to) ? setGate({ to, note, blockers: null }) : void transition(to, note),
    [transition],
  );

  return { busy, gate, cancelGate: () => setGate(null), transition, requestTransition };
}
