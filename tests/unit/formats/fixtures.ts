// Shared test data for the format tests: an article whose text exercises escaping.

import type { ArticleView, SegmentView } from "@/lib/domain/types";

/** Text that breaks naive XML/HTML/Markdown writers. */
export const NASTY = `AT&T <b>bold</b> "double" 'single' &amp; &lt; 한국어 뉴스 😀👩🏽‍💻 a]]>b`;

export function segment(index: number, overrides: Partial<SegmentView> = {}): SegmentView {
  return {
    index,
    kind: index === 0 ? "TITLE" : "PARAGRAPH",
    source: `원문 ${index}`,
    mt: `MT ${index}`,
    text: `Edited ${index}`,
    ...overrides,
  };
}

export function article(overrides: Partial<ArticleView> = {}): ArticleView {
  return {
    id: "cm1article0001",
    slug: "flood-warning-seoul",
    externalId: null,
    outlet: "Example Daily",
    url: "https://example.com/news/1",
    byline: null,
    publishedAt: "2025-01-02T03:04:05.000Z",
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "test-mt", version: "1" },
    status: "IN_REVIEW",
    footer: "This article was machine-translated and reviewed by an editor.",
    revision: 2,
    segments: [
      segment(0, {
        source: "서울 홍수 경보",
        mt: "Seoul flood warnin",
        text: "Seoul flood warning",
      }),
      segment(1, { source: "폭우가 내렸다.", mt: "Heavy rain fell.", text: "Heavy rain fell." }),
      segment(2, {
        kind: "CAPTION",
        source: "사진 설명",
        mt: "Photo caption",
        text: "A flooded street",
      }),
      segment(3, { source: `원문 ${NASTY}`, mt: `MT ${NASTY}`, text: NASTY }),
    ],
    ...overrides,
  };
}
