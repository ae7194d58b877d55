import type { IngestSegment } from "@/lib/domain/types";
import { isCaption } from "@/lib/ingest/captions";
import { DEFAULT_FOOTER_PATTERNS, extractFooter, isAiFooter } from "@/lib/ingest/footer";
import { splitParagraphs } from "@/lib/ingest/paragraphs";

export interface IngestBodySegment {
  kind?: "PARAGRAPH" | "CAPTION";
  source?: string;
  mt: string;
}

export interface IngestInput {
  title: { source?: string; mt: string };
  /**
   * Plain-text body, paragraphs separated by blank lines. Paragraphs that read as photo
   * captions or credits (lib/ingest/captions.ts) become CAPTION segments.
   */
  mt?: string;
  source?: string;
  /** Pre-segmented body; use instead of `mt`/`source`. */
  segments?: IngestBodySegment[];
}

export interface BuiltSegments {
  segments: IngestSegment[];
  footer: string | null;
}

export class ParagraphCountMismatch extends Error {
  readonly sourceCount: number;
  readonly mtCount: number;

  constructor(sourceCount: number, mtCount: number) {
    super(`Source has ${sourceCount} paragraphs but MT has ${mtCount}; they must align 1:1`);
    this.name = "ParagraphCountMismatch";
    this.sourceCount = sourceCount;
    this.mtCount = mtCount;
  }
}

/** Segment 0 is the title; body segments follow. The AI footer is returned apart from the body. */
export function buildSegments(
  input: IngestInput,
  patterns: RegExp[] = DEFAULT_FOOTER_PATTERNS,
): BuiltSegments {
  const title: IngestSegment = {
    kind: "TITLE",
    source: sourceOrNull(input.title.source),
    mt: input.title.mt.trim(),
  };
  if (input.segments && (hasText(input.mt) || hasText(input.source))) {
    throw new Error("Give the body either as mt/source text or as segments, not both");
  }
  const { body, footer } = input.segments
    ? bodyFromSegments(input.segments, patterns)
    : bodyFromText(input.mt ?? "", input.source, patterns);
  return { segments: [title, ...body], footer };
}

function bodyFromText(
  mt: string,
  source: string | undefined,
  patterns: RegExp[],
): { body: IngestSegment[]; footer: string | null } {
  const { body: mtParagraphs, footer } = extractFooter(splitParagraphs(mt), patterns);
  let sourceParagraphs: string[] | null = null;
  if (hasText(source)) {
    // The source may carry its own (often Korean) notice even when configured patterns only
    // describe the English one, so the defaults always apply here too.
    const sourcePatterns = [...patterns, ...DEFAULT_FOOTER_PATTERNS];
    sourceParagraphs = extractFooter(splitParagraphs(source), sourcePatterns).body;
    if (sourceParagraphs.length !== mtParagraphs.length) {
      throw new ParagraphCountMismatch(sourceParagraphs.length, mtParagraphs.length);
    }
  }
  const body = mtParagraphs.map((paragraph, i): IngestSegment => {
    const sourceParagraph = sourceParagraphs?.[i] ?? null;
    // Either side's credit is enough: the MT may have dropped or mangled it ("/AP=연합뉴스").
    const caption =
      isCaption(paragraph) || (sourceParagraph !== null && isCaption(sourceParagraph));
    return { kind: caption ? "CAPTION" : "PARAGRAPH", source: sourceParagraph, mt: paragraph };
  });
  return { body, footer };
}

function bodyFromSegments(
  segments: IngestBodySegment[],
  patterns: RegExp[],
): { body: IngestSegment[]; footer: string | null } {
  const body = segments.map((segment): IngestSegment => ({
    kind: segment.kind ?? "PARAGRAPH",
    source: sourceOrNull(segment.source),
    mt: segment.mt.trim(),
  }));
  const last = body.at(-1);
  if (last && isAiFooter(last.mt, patterns)) {
    return { body: body.slice(0, -1), footer: last.mt };
  }
  return { body, footer: null };
}

function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function sourceOrNull(source: string | undefined): string | null {
  return hasText(source) ? source.trim() : null;
}
