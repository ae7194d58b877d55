"use client";
import { useEffect, useRef } from "react";

export const SHORTCUTS: [string, string][] = [
  ["Ctrl/⌘ + S", "Save all unsaved edits as a new revision"],
  ["Alt + ↓ / Alt + ↑", "Next / previous segment"],
  ["Alt + D", "Show or hide the MT → current diff"],
  ["Ctrl/⌘ + Enter", "Confirm the segment and go to the next unconfirmed one"],
  ["Alt + A", "Approve (opens the approve dialog, with anything still open)"],
  ["?", "Show this help"],
  ["Esc", "Close dialogs"],
];

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4"
      onClick={onClose}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title" className="mb-4 text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
                  {keys}
                </kbd>
              </dt>
              <dd className="text-slate-700">{what}</dd>
            </div>
          ))}
        </dl>
        <button
          ref={closeRef}
          type="button"
          onClick={onClose}
          className="mt-6 rounded bg-slate-900 px-3 py-1.5 text-sm text-white"
        >
          Close
        </button>
      </div>
    </div>
  );
}
