"use client";
import { createContext, useContext } from "react";
import type { AnnotationTarget } from "@/lib/quality/dto";

/** Words selected in a row's MT or current text, waiting for the MQM popover. */
export interface SegmentSelection {
  target: AnnotationTarget;
  /** Offsets into the saved text (TEXT) or the MT; absent when the draft differs from it. */
  start?: number;
  end?: number;
  quote: string;
  /** Bumped on every new selection, so the popover restarts with the new quote. */
  serial: number;
}

interface SelectionContextValue {
  selection: SegmentSelection | null;
  clear: () => void;
  /** Where chips render what they expand into: under the row's current text. */
  panelSlot: HTMLElement | null;
}

// Provided by each SegmentRow; the row's chips (rendered into its `extras` slot) read it.
export const SegmentSelectionContext = createContext<SelectionContextValue>({
  selection: null,
  clear: () => {},
  panelSlot: null,
});

export function useSegmentSelection(): SelectionContextValue {
  return useContext(SegmentSelectionContext);
}
