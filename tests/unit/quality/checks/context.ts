// Builds a CheckContext for tests: Korean → English, segments indexed from 0.
import type { CheckContext, CheckSegment } from "@/lib/quality/checks";

type SegmentInput = [source: string | null, text: string] | string;

export function context(segments: SegmentInput[], extra: Partial<CheckContext> = {}): CheckContext {
  return {
    sourceLang: "ko",
    targetLang: "en",
    glossary: [],
    ...extra,
    segments: segments.map((s, index): CheckSegment =>
      typeof s === "string"
        ? { index, source: null, text: s }
        : { index, source: s[0], text: s[1] },
    ),
  };
}
