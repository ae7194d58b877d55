"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { GlossaryEntry } from "@/lib/quality/checks/types";
import { groupBySourceTerm } from "@/lib/quality/checks/glossary";

interface GlossaryContextValue {
  entries: readonly GlossaryEntry[];
  /** Source terms as the QA check spells them; a term's position is its id in the page. */
  terms: readonly string[];
}

const GlossaryContext = createContext<GlossaryContextValue>({ entries: [], terms: [] });

/** The article's glossary, for the source column's marks and the QA warnings that link to them. */
export function GlossaryProvider({
  entries,
  children,
}: {
  entries: readonly GlossaryEntry[];
  children: ReactNode;
}) {
  const value = useMemo(
    () => ({ entries, terms: [...groupBySourceTerm(entries).keys()] }),
    [entries],
  );
  return <GlossaryContext.Provider value={value}>{children}</GlossaryContext.Provider>;
}

export function useGlossary(): GlossaryContextValue {
  return useContext(GlossaryContext);
}

/** The id of a segment's first mark for a term: QA warnings link to it. */
export function glossaryMarkId(segmentIndex: number, termPosition: number): string {
  return `glossary-${segmentIndex}-${termPosition}`;
}
