import type { IngestSegment } from "@/lib/domain/types";
import { DEFAULT_FOOTER_PATTERNS } from "./footer";
import { ParagraphCountMismatch, buildSegments } from "./segments";

// What ingest will make of pasted text, shown before anything is created: the same
// buildSegments the API runs, so the preview cannot disagree with the result.

export type IngestPreview =
  | { ok: true; segments: IngestSegment[]; footer: string | null; captions: number }
  | { ok: false; message: string; sourceParagraphs?: number; mtParagraphs?: number };

export function previewIngest(
  input: { titleMt: string; titleSource?: string; mt: string; source?: string },
  patterns: RegExp[] = DEFAULT_FOOTER_PATTERNS,
): IngestPreview {
  if (!input.titleMt.trim()) return { ok: false, message: "The MT headline is empty" };
  if (!input.mt.trim()) return { ok: false, message: "The MT body is empty" };
  try {
    const built = buildSegments(
      {
        title: { mt: input.titleMt, source: input.titleSource },
        mt: input.mt,
        source: input.source,
      },
      patterns,
    );
    return {
      ok: true,
      segments: built.segments,
      footer: built.footer,
      captions: built.segments.filter((s) => s.kind === "CAPTION").length,
    };
  } catch (err) {
    if (err instanceof ParagraphCountMismatch) {
      return {
        ok: false,
        message:
          `The source has ${err.sourceCount} paragraphs and the MT ${err.mtCount}: ` +
          "they must pair one to one (separate paragraphs with a blank line)",
        sourceParagraphs: err.sourceCount,
        mtParagraphs: err.mtCount,
      };
    }
    throw err;
  }
}

/** One article per line, as POST /api/v1/articles/bulk takes it: a file to start from. */
export const NDJSON_TEMPLATE =
  [
    {
      sourceLang: "ko",
      targetLang: "en",
      engine: { name: "Your MT engine", version: "2026-11" },
      outlet: "Your outlet",
      externalId: "story-0001",
      url: "https://example.com/news/0001",
      byline: "Reporter name",
      publishedAt: "2026-11-30T09:00:00+09:00",
      title: { source: "원문 제목", mt: "The machine-translated headline" },
      source: "첫 문단.\n\n둘째 문단.",
      mt: "The first paragraph.\n\nThe second paragraph.",
    },
    {
      sourceLang: "ko",
      targetLang: "en",
      engine: { name: "Your MT engine" },
      externalId: "story-0002",
      title: { mt: "MT only: the source may be left out" },
      mt: "A paragraph.\n\nAnother paragraph.",
    },
  ]
    .map((line) => JSON.stringify(line))
    .join("\n") + "\n";
