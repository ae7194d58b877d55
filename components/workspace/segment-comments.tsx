"use client";
import { useState } from "react";
import { createPortal } from "react-dom";
import { callApi } from "@/lib/api/client";
import { formatDateTime } from "@/lib/format-time";
import { createComment, updateComment } from "@/lib/api/routes/desk";
import { COMMENT_MAX_CHARS } from "@/lib/domain/comments";
import { useSegmentSelection } from "./segment-selection";
import type { CommentItem } from "./use-article-comments";

// A segment's comment threads, beside its row: a count chip that expands into the
// threads (replies, resolve) and a box for a new comment. "@name" mentions are
// resolved by the server. Comment text is untrusted: rendered as text only.

export function SegmentComments({
  articleId,
  segmentIndex,
  comments,
  canComment,
  onChanged,
  timeZone,
}: {
  articleId: string;
  segmentIndex: number;
  comments: CommentItem[];
  canComment: boolean;
  onChanged: () => void;
  timeZone: string;
}) {
  const [open, setOpen] = useState(false);
  const { panelSlot } = useSegmentSelection();
  const threads = comments.filter((c) => c.parentId === null);
  const unresolved = threads.filter((t) => !t.resolved).length;
  if (!canComment && threads.length === 0) return null;
  return (
    <div className="text-sm" data-testid="segment-comments">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className={`rounded border px-1.5 py-0.5 text-xs ${unresolved ? "border-sky-400 bg-sky-50 text-sky-900" : "border-slate-300 text-slate-600"}`}
      >
        {threads.length ? `💬 ${comments.length}` : "💬"}
        {threads.length ? null : <span className="sr-only"> Comment</span>}
        <span className="sr-only"> on segment {segmentIndex}</span>
        {unresolved ? ` · ${unresolved} open` : ""}
      </button>
      {open && panelSlot
        ? createPortal(
            <div className="mt-1 space-y-2 rounded border border-slate-200 bg-slate-50 p-2 text-sm">
              {threads.map((t) => (
                <Thread
                  key={t.id}
                  thread={t}
                  replies={comments.filter((c) => c.parentId === t.id)}
                  articleId={articleId}
                  canComment={canComment}
                  onChanged={onChanged}
                  timeZone={timeZone}
                />
              ))}
              {canComment ? (
                <CommentForm
                  label={`New comment on segment ${segmentIndex}`}
                  submit={(body) =>
                    callApi(createComment, { id: articleId }, { segmentIndex, body }).then(
                      (r) => r.ok || (r.error?.message ?? "Could not post the comment"),
                    )
                  }
                  onDone={onChanged}
                />
              ) : null}
            </div>,
            // Under the row's current text: the chip sits in the narrow number column.
            panelSlot,
          )
        : null}
    </div>
  );
}

function Thread({
  thread,
  replies,
  articleId,
  canComment,
  onChanged,
  timeZone,
}: {
  thread: CommentItem;
  replies: CommentItem[];
  articleId: string;
  canComment: boolean;
  onChanged: () => void;
  timeZone: string;
}) {
  const [replying, setReplying] = useState(false);
  const resolve = async () => {
    const res = await callApi(updateComment, { id: thread.id }, { resolved: !thread.resolved });
    if (res.ok) onChanged();
  };
  return (
    <article
      data-testid="comment-thread"
      className={`rounded bg-white p-2 ${thread.resolved ? "opacity-60" : ""}`}
    >
      {[thread, ...replies].map((c) => (
        <div key={c.id} className={c.parentId ? "ml-4 mt-1 border-l border-slate-200 pl-2" : ""}>
          <p className="text-xs text-slate-500">
            {c.author.name} · {formatDateTime(c.createdAt, timeZone)}
          </p>
          <p className="whitespace-pre-wrap" data-testid="comment-body">
            {c.body}
          </p>
        </div>
      ))}
      {thread.resolved ? (
        <p className="mt-1 text-xs text-slate-500">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""}
        </p>
      ) : null}
      {canComment ? (
        <div className="mt-1 flex gap-2 text-xs">
          <button type="button" className="underline" onClick={() => setReplying((r) => !r)}>
            Reply
          </button>
          <button type="button" className="underline" onClick={() => void resolve()}>
            {thread.resolved ? "Reopen" : "Resolve"}
          </button>
        </div>
      ) : null}
      {replying ? (
        <CommentForm
          label="Reply"
          submit={(body) =>
            callApi(createComment, { id: articleId }, { body, parentId: thread.id }).then(
              (r) => r.ok || (r.error?.message ?? "Could not post the reply"),
            )
          }
          onDone={() => {
            setReplying(false);
            onChanged();
          }}
        />
      ) : null}
    </article>
  );
}

function CommentForm({
  label,
  submit,
  onDone,
}: {
  label: string;
  /** Resolves true when posted, or the error message. */
  submit: (body: string) => Promise<true | string>;
  onDone: () => void;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="mt-1"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!body.trim()) return;
        setBusy(true);
        const result = await submit(body).catch(() => "Network error");
        setBusy(false);
        if (result === true) {
          setBody("");
          setError(null);
          onDone();
        } else setError(result);
      }}
    >
      <textarea
        aria-label={label}
        value={body}
        maxLength={COMMENT_MAX_CHARS}
        onChange={(e) => setBody(e.target.value)}
        rows={2}
        placeholder="Comment; @name to mention a colleague"
        className="w-full rounded border border-slate-300 bg-white p-1.5 text-sm"
      />
      <button
        type="submit"
        disabled={busy || !body.trim()}
        className="rounded bg-slate-800 px-2 py-0.5 text-xs font-medium text-white disabled:opacity-50"
      >
        {label === "Reply" ? "Reply" : "Comment"}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-rose-700">
          {error}
        </span>
      ) : null}
    </form>
  );
}
