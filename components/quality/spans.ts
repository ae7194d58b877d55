// Pure helpers for showing annotations on a segment's text (no DOM, no React).
import type { AnnotationDto } from "@/lib/quality/dto";

/** True while `text` still holds the annotation's quote at its offsets. */
export function isAnchored(
  a: Pick<AnnotationDto, "start" | "end" | "quote">,
  text: string,
): boolean {
  return a.end <= text.length && text.slice(a.start, a.end) === a.quote;
}

export interface TextPiece {
  start: number;
  end: number;
  text: string;
  /** Annotations covering this whole piece (empty: plain text). */
  marks: AnnotationDto[];
}

/**
 * Cuts `text` at every annotation boundary so overlapping spans can be drawn as
 * consecutive pieces, each knowing which annotations cover it.
 */
export function splitIntoPieces(text: string, annotations: readonly AnnotationDto[]): TextPiece[] {
  const cuts = new Set([0, text.length]);
  for (const a of annotations) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((x, y) => x - y);
  const pieces: TextPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    pieces.push({
      start,
      end,
      text: text.slice(start, end),
      marks: annotations.filter((a) => a.start <= start && a.end >= end),
    });
  }
  return pieces;
}

const SEVERITY_RANK: Record<string, number> = { neutral: 0, minor: 1, major: 2, critical: 3 };

/** The most severe of several overlapping annotations decides the colour. */
export function worstSeverity(marks: readonly Pick<AnnotationDto, "severity">[]): string {
  return marks.reduce(
    (worst, m) =>
      (SEVERITY_RANK[m.severity] ?? 0) > (SEVERITY_RANK[worst] ?? 0) ? m.severity : worst,
    marks[0]?.severity ?? "neutral",
  );
}

/**
 * Offsets of `quote` in `text`: the selection's own offsets when they still match,
 * else the first occurrence (for a typed or pasted quote); null when absent.
 */
export function locateQuote(
  text: string,
  quote: string,
  hint?: { start: number; end: number } | null,
): { start: number; end: number } | null {
  if (!quote) return null;
  if (hint && text.slice(hint.start, hint.end) === quote) return hint;
  const at = text.indexOf(quote);
  return at < 0 ? null : { start: at, end: at + quote.length };
}
