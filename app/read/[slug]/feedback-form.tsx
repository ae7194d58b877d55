"use client";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import {
  CATEGORY_LABEL,
  FEEDBACK_CATEGORIES,
  FEEDBACK_LIMITS,
  HONEYPOT_FIELD,
} from "@/lib/domain/feedback";
import { selectionInSegment, type SegmentSelection } from "./selection";

type Notice = { kind: "sent" } | { kind: "error"; message: string } | null;

interface Props {
  action: string;
  revisionSeen: number;
  targetLang: string;
  /** What the no-JavaScript round trip reported (from the redirect's query). */
  initialNotice: Notice;
}

const field =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-blue-600 focus:ring-2 focus:ring-blue-600/30 focus:outline-none";
const labelText = "mb-1 block text-sm font-medium text-slate-800";
const hint = "mt-1 text-sm text-slate-600";

/**
 * The reader's feedback form. It is a plain <form method="post"> that works
 * without JavaScript (CSS :target opens it, the server redirects back). With
 * JavaScript it also carries the phrase the reader selected in one paragraph
 * (quote, segment index, offsets) and submits in place.
 */
export function FeedbackForm({ action, revisionSeen, targetLang, initialNotice }: Props) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<Notice>(initialNotice);
  const [pending, setPending] = useState(false);
  const [anchor, setAnchor] = useState<SegmentSelection | null>(null);
  const [quote, setQuote] = useState("");
  const snapshot = useRef<SegmentSelection | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const openWith = useCallback((selection: SegmentSelection | null) => {
    if (selection) {
      setAnchor(selection);
      setQuote(selection.quote);
    }
    setOpen(true);
    setNotice((n) => (n?.kind === "sent" ? null : n));
    // After the browser has moved to #feedback, put the reader in the first field.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("select")?.focus());
  }, []);

  useEffect(() => {
    // Pressing the mouse on the link collapses the selection before "click"
    // fires, so remember it at pointerdown.
    const onPointerDown = (e: PointerEvent) => {
      if ((e.target as Element | null)?.closest?.("[data-feedback-open]")) {
        snapshot.current = selectionInSegment();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!(e.target as Element | null)?.closest?.("[data-feedback-open]")) return;
      openWith(selectionInSegment() ?? snapshot.current);
      snapshot.current = null;
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("click", onClick, true);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("click", onClick, true);
    };
  }, [openWith]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const comment = String(data.get("comment") ?? "").trim();
    const suggestion = String(data.get("suggestion") ?? "").trim();
    if (!comment && !suggestion) {
      setNotice({ kind: "error", message: "Write a comment or a suggested correction." });
      form.querySelector<HTMLElement>("#fb-comment")?.focus();
      return;
    }
    setPending(true);
    try {
      const res = await fetch(action, {
        method: "POST",
        headers: { accept: "application/json" },
        body: new URLSearchParams([...data].map(([k, v]) => [k, String(v)])),
      });
      if (res.ok) {
        form.reset();
        setQuote("");
        setAnchor(null);
        setOpen(false);
        setNotice({ kind: "sent" });
        // Leave #feedback so :target closes the form, and land on the thank-you.
        window.location.hash = "feedback-status";
        requestAnimationFrame(() => statusRef.current?.focus());
        return;
      }
      const body = (await res.json().catch(() => null)) as { message?: string } | null;
      setNotice({
        kind: "error",
        message: body?.message ?? "We could not save your feedback. Please try again.",
      });
    } catch {
      setNotice({
        kind: "error",
        message: "We could not send your feedback. Check your connection and try again.",
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <p
        id="feedback-status"
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={
          notice?.kind === "sent"
            ? "mt-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900"
            : "sr-only"
        }
      >
        {notice?.kind === "sent"
          ? "Thank you. Your feedback has been sent to the editors who review this translation."
          : ""}
      </p>
      <section
        id="feedback"
        aria-labelledby="feedback-heading"
        className={`${open || notice?.kind === "error" ? "block" : "hidden target:block"} mt-6 scroll-mt-6 rounded-lg border border-slate-200 bg-slate-50 p-5 sm:p-6`}
      >
        <h2 id="feedback-heading" className="text-lg font-semibold text-slate-900">
          Share your feedback on this translation
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Tip: select a phrase in the article before opening this form to quote it.
        </p>
        {notice?.kind === "error" ? (
          <p
            role="alert"
            className="mt-3 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900"
          >
            {notice.message}
          </p>
        ) : null}
        <form
          ref={formRef}
          method="post"
          action={action}
          onSubmit={onSubmit}
          className="mt-4 space-y-4"
          data-testid="feedback-form"
        >
          <input type="hidden" name="revisionSeen" value={revisionSeen} />
          <input type="hidden" name="segmentIndex" value={anchor?.segmentIndex ?? ""} />
          <input type="hidden" name="quoteStart" value={anchor?.start ?? ""} />
          <input type="hidden" name="quoteEnd" value={anchor?.end ?? ""} />
          <div>
            <label htmlFor="fb-category" className={labelText}>
              What kind of problem is it?
            </label>
            <select id="fb-category" name="category" required defaultValue="" className={field}>
              <option value="" disabled>
                Choose a category…
              </option>
              {FEEDBACK_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABEL[c]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="fb-quote" className={labelText}>
              Quoted text <span className="font-normal text-slate-600">(optional)</span>
            </label>
            <textarea
              id="fb-quote"
              name="quote"
              lang={targetLang}
              rows={2}
              maxLength={FEEDBACK_LIMITS.quote}
              value={quote}
              onChange={(e) => {
                setQuote(e.target.value);
                // An edited quote no longer matches the selected offsets.
                setAnchor((a) => (a ? { ...a, start: null, end: null } : a));
              }}
              aria-describedby="fb-quote-hint"
              className={field}
            />
            <p id="fb-quote-hint" className={hint}>
              {anchor
                ? anchor.segmentIndex === 0
                  ? "From the headline."
                  : `From paragraph ${anchor.segmentIndex}.`
                : "Copy the words you mean, or select them in the article first."}
            </p>
          </div>
          <div>
            <label htmlFor="fb-suggestion" className={labelText}>
              Suggested correction <span className="font-normal text-slate-600">(optional)</span>
            </label>
            <textarea
              id="fb-suggestion"
              name="suggestion"
              lang={targetLang}
              rows={2}
              maxLength={FEEDBACK_LIMITS.suggestion}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="fb-comment" className={labelText}>
              Comment
            </label>
            <textarea
              id="fb-comment"
              name="comment"
              rows={4}
              maxLength={FEEDBACK_LIMITS.comment}
              aria-describedby="fb-comment-hint"
              className={field}
            />
            <p id="fb-comment-hint" className={hint}>
              What is wrong, and why? A comment or a suggested correction is required.
            </p>
          </div>
          <div>
            <label htmlFor="fb-contact" className={labelText}>
              Email <span className="font-normal text-slate-600">(optional)</span>
            </label>
            <input
              id="fb-contact"
              name="contact"
              type="email"
              autoComplete="email"
              maxLength={FEEDBACK_LIMITS.contact}
              aria-describedby="fb-contact-hint"
              className={field}
            />
            <p id="fb-contact-hint" className={hint}>
              Only if you would like to hear what became of your report: we write once, then delete
              the address. We never publish it.
            </p>
          </div>
          {/* Honeypot: off-screen and hidden from assistive technology; bots fill it in. */}
          <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
            <label htmlFor="fb-website">Leave this field empty</label>
            <input
              id="fb-website"
              name={HONEYPOT_FIELD}
              type="text"
              tabIndex={-1}
              autoComplete="off"
            />
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-800 disabled:opacity-60"
            >
              {pending ? "Sending…" : "Send feedback"}
            </button>
            <a
              href="#article-footer"
              onClick={() => {
                setOpen(false);
                setNotice(null);
              }}
              className="text-sm text-slate-700 underline underline-offset-2 hover:text-slate-950"
            >
              Cancel
            </a>
          </div>
        </form>
      </section>
    </>
  );
}
