"use client";
import { useEffect, useRef, useState } from "react";
import type { ArticleStatus } from "@/lib/domain/types";
import { STATUS_LABEL } from "@/lib/domain/workflow";

export interface Blocker {
  kind: string;
  count: number;
  detail: string;
}

export interface GateState {
  to: ArticleStatus;
  note?: string;
  /** null until the server has answered: then this is a plain confirmation. */
  blockers: Blocker[] | null;
}

const VERB: Partial<Record<ArticleStatus, string>> = {
  APPROVED: "Approve",
  PUBLISHED: "Publish",
  SUBMITTED: "Submit for approval",
};

/**
 * Approving, publishing and submitting are deliberate: the dialog confirms first
 * and, when the server answers with open work (409 `gate`), lists it and asks for
 * the reason to pass anyway. The reason is recorded in the timeline and audit log.
 */
export function GateDialog({
  gate,
  articleId,
  busy,
  onConfirm,
  onCancel,
}: {
  gate: GateState;
  articleId: string;
  busy: boolean;
  onConfirm: (override?: { reason: string }) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [gate.blockers]);
  const verb = VERB[gate.to] ?? STATUS_LABEL[gate.to];
  const blocked = Boolean(gate.blockers?.length);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="gate-title"
        className="mt-16 w-full max-w-lg rounded-lg bg-white p-5 shadow-xl"
        onKeyDown={(e) => e.key === "Escape" && onCancel()}
      >
        <h2 id="gate-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {blocked ? `Open work blocks “${verb}”` : `${verb}?`}
        </h2>
        {blocked ? (
          <>
            <ul className="my-3 list-disc space-y-1 pl-5 text-sm" data-testid="gate-blockers">
              {gate.blockers!.map((b) => (
                <li key={b.kind}>
                  {b.kind === "feedback" ? (
                    <a
                      className="text-blue-700 underline"
                      href={`/feedback?article=${articleId}&status=NEW`}
                    >
                      {b.detail}
                    </a>
                  ) : (
                    b.detail
                  )}
                </li>
              ))}
            </ul>
            <label htmlFor="gate-reason" className="block text-sm font-medium">
              Reason to {verb.toLowerCase()} anyway (recorded in the timeline and audit log)
            </label>
            <textarea
              id="gate-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={1000}
              className="mt-1 w-full rounded border border-slate-300 p-2 text-sm"
            />
          </>
        ) : (
          <p className="my-3 text-sm text-slate-600">
            The current revision will be {STATUS_LABEL[gate.to].toLowerCase()}.
          </p>
        )}
        <div className="mt-3 flex gap-2">
          <button
            type="button"
            disabled={busy || (blocked && !reason.trim())}
            onClick={() => onConfirm(blocked ? { reason: reason.trim() } : undefined)}
            className="rounded bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
          >
            {blocked ? `${verb} with this reason` : verb}
          </button>
          <button
            type="button"
            onClick={onCancel}
            className="rounded border border-slate-300 px-3 py-1.5 text-sm"
          >
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
