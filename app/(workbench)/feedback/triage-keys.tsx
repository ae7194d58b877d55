"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { callApi } from "@/lib/api/client";
import { triageFeedback } from "@/lib/api/routes/feedback";

// Keyboard triage over the server-rendered rows (li[data-feedback-id]): j/k move, Enter opens,
// a accept, s spam, r reject (opens the reason field), d duplicate (opens the choice), x select.
// Keys typed into a field are the field's.

const ROW = "[data-testid=feedback-item]";

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

export function TriageKeys({ children }: { children: ReactNode }) {
  const router = useRouter();
  const ref = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const rows = () => Array.from(ref.current?.querySelectorAll<HTMLElement>(ROW) ?? []);

  // After every render (a refresh removes triaged rows), mark the current row.
  useEffect(() => {
    const all = rows();
    const index = Math.min(current, Math.max(all.length - 1, 0));
    all.forEach((row, i) => {
      if (i === index) row.setAttribute("data-current", "");
      else row.removeAttribute("data-current");
    });
  });

  useEffect(() => {
    async function triage(row: HTMLElement, status: "ACCEPTED" | "SPAM") {
      const id = row.dataset.feedbackId!;
      const res = await callApi(triageFeedback, { id }, { status });
      if (!res.ok) {
        setMessage({ error: true, text: res.error?.message ?? `Triage failed (${res.status})` });
        return;
      }
      setMessage({ error: false, text: `Marked as ${status.toLowerCase()}` });
      router.refresh();
    }
    function open(row: HTMLElement, focus?: string) {
      const details = row.querySelector("details");
      if (details) details.open = true;
      if (focus) row.querySelector<HTMLElement>(focus)?.focus();
    }
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      const all = rows();
      if (all.length === 0) return;
      const index = Math.min(current, all.length - 1);
      const row = all[index]!;
      const id = row.dataset.feedbackId!;
      const move = (to: number) => {
        const next = Math.max(0, Math.min(all.length - 1, to));
        setCurrent(next);
        all[next]!.querySelector("summary")?.focus();
        all[next]!.scrollIntoView({ block: "nearest" });
      };
      switch (e.key) {
        case "j":
          move(index + 1);
          break;
        case "k":
          move(index - 1);
          break;
        case "x":
          row.querySelector<HTMLInputElement>("input[type=checkbox]")?.click();
          break;
        case "a":
          void triage(row, "ACCEPTED");
          break;
        case "s":
          void triage(row, "SPAM");
          break;
        case "r":
          open(row, `#reason-${CSS.escape(id)}`);
          break;
        case "d":
          if (!row.querySelector(`#dup-${CSS.escape(id)}`)) {
            setMessage({ error: true, text: "No other report on this article to point to" });
            return;
          }
          open(row, `#dup-${CSS.escape(id)}`);
          break;
        default:
          return;
      }
      e.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [current, router]);

  return (
    <div ref={ref}>
      <p className="mb-2 text-xs text-slate-600" id="triage-keys-help">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>a</kbd> accept ·{" "}
        <kbd>r</kbd> reject · <kbd>d</kbd> duplicate · <kbd>s</kbd> spam · <kbd>x</kbd> select
      </p>
      <p
        role={message?.error ? "alert" : "status"}
        className={`mb-2 min-h-5 text-sm ${message?.error ? "text-rose-700" : "text-emerald-800"}`}
        data-testid="triage-keys-status"
      >
        {message?.text}
      </p>
      {children}
    </div>
  );
}
