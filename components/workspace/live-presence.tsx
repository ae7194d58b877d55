"use client";
import { initials, type PresenceEntry } from "@/lib/domain/live";
import type { IncomingSave } from "./use-live-article";

/** Avatars (initials) of the others who have this article open. */
export function PresenceAvatars({
  others,
  connected,
}: {
  others: PresenceEntry[];
  connected: boolean;
}) {
  return (
    <ul
      className="flex items-center -space-x-1"
      aria-label="Also here"
      data-testid="presence"
      data-connected={connected ? "true" : "false"}
    >
      {others.map((p) => (
        <li
          key={p.email}
          title={`${p.name}${p.segmentIndex !== null ? ` · editing segment ${p.segmentIndex}` : ""}`}
          data-email={p.email}
          className="flex h-7 w-7 items-center justify-center rounded-full border-2 border-white bg-indigo-600 text-xs font-semibold text-white"
        >
          <span aria-hidden="true">{initials(p.name)}</span>
          <span className="sr-only">{p.name} is here</span>
        </li>
      ))}
    </ul>
  );
}

/** Non-modal: someone else saved; offer to bring their changes into my draft. */
export function IncomingSaveNotice({
  save,
  busy,
  onBringIn,
  onDismiss,
}: {
  save: IncomingSave;
  busy: boolean;
  onBringIn: () => void;
  onDismiss: () => void;
}) {
  return (
    <div
      role="status"
      data-testid="incoming-save"
      className="mt-2 flex flex-wrap items-center gap-2 rounded border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950"
    >
      <span>
        {save.by.name} saved revision {save.revision}
        {save.segments.length ? ` (segment ${save.segments.join(", ")})` : ""}
      </span>
      <button
        type="button"
        onClick={onBringIn}
        disabled={busy}
        className="rounded bg-indigo-700 px-2 py-0.5 font-medium text-white disabled:opacity-50"
      >
        Bring their changes in
      </button>
      <button type="button" onClick={onDismiss} className="rounded px-2 py-0.5 underline">
        Later
      </button>
    </div>
  );
}

/** On a row: who else is editing this segment now. */
export function SegmentEditingMarker({ names }: { names?: string[] }) {
  if (!names?.length) return null;
  return (
    <p
      className="mt-1 w-fit rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-900"
      data-testid="editing-marker"
    >
      {names.join(", ")} {names.length > 1 ? "are" : "is"} editing
    </p>
  );
}
