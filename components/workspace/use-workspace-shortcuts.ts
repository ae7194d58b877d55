"use client";
import { useEffect, useRef, type MutableRefObject } from "react";

/** What the workspace's keyboard shortcuts act on (listed for users in ShortcutsOverlay). */
export interface ShortcutActions {
  /** Segment indices in display order. */
  indices: number[];
  /** The segment being edited. */
  focused: MutableRefObject<number>;
  canEdit: boolean;
  canApprove: boolean;
  isConfirmed: (index: number) => boolean;
  confirm: (index: number) => void;
  save: () => void;
  toggleDiff: () => void;
  approve: () => void;
  showHelp: (open: boolean) => void;
}

const focusSegment = (index: number | undefined) =>
  document.querySelector<HTMLTextAreaElement>(`[data-segment-input="${index}"]`)?.focus();

/**
 * Ctrl+Enter confirm and next unconfirmed, Ctrl+S save, Alt+↑/↓ move, Alt+D diff,
 * Alt+A the approve dialog (never approval itself), ? help, Esc close.
 * One window listener; it reads the latest actions through a ref so it is never stale.
 */
export function useWorkspaceShortcuts(actions: ShortcutActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const a = latest.current;
      const inField =
        e.target instanceof HTMLElement &&
        ["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName);
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key === "Enter" && a.canEdit) {
        e.preventDefault();
        const current = a.focused.current;
        a.confirm(current);
        const after = [
          ...a.indices.filter((i) => i > current),
          ...a.indices.filter((i) => i < current),
        ];
        const next = after.find((i) => !a.isConfirmed(i));
        if (next !== undefined) {
          a.focused.current = next;
          focusSegment(next);
        }
      } else if (mod && e.key.toLowerCase() === "s") {
        e.preventDefault();
        a.save();
      } else if (e.altKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        const pos = a.indices.indexOf(a.focused.current);
        const step = e.key === "ArrowDown" ? 1 : -1;
        focusSegment(a.indices[Math.min(a.indices.length - 1, Math.max(0, pos + step))]);
      } else if (e.altKey && e.code === "KeyD") {
        e.preventDefault();
        a.toggleDiff();
      } else if (e.altKey && e.code === "KeyA" && a.canApprove) {
        e.preventDefault();
        a.approve();
      } else if (e.key === "?" && !inField) {
        e.preventDefault();
        a.showHelp(true);
      } else if (e.key === "Escape") {
        a.showHelp(false);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
