import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The shipped script itself (lib/embed/galley-embed.cjs exports its pure parts under Node).
const embed = createRequire(import.meta.url)("../../../lib/embed/galley-embed.cjs") as {
  mapSelection: (
    segments: { index: number; text: string }[],
    selection: { text: string; before?: string; after?: string },
  ) => { segmentIndex: number; quote: string; quoteStart: number; quoteEnd: number } | null;
};

const segments = [
  { index: 0, text: "Bridge opens in 2028" },
  { index: 1, text: "The bridge will open in 2028.  It links two  islands." },
  { index: 2, text: "Officials said the bridge will open in 2028, not earlier." },
];

describe("mapSelection", () => {
  it("maps a selection to its segment and UTF-16 offsets in Galley's text", () => {
    const m = embed.mapSelection(segments, { text: "links two islands" });
    expect(m).toEqual({
      segmentIndex: 1,
      quote: "links two  islands",
      quoteStart: 34,
      quoteEnd: 52,
    });
    expect(segments[1]!.text.slice(m!.quoteStart, m!.quoteEnd)).toBe(m!.quote);
  });

  it("ignores whitespace the host page renders differently (line breaks, nbsp, padding)", () => {
    const m = embed.mapSelection(segments, { text: "  will open in\n2028.\u00a0 It " });
    expect(m).toMatchObject({ segmentIndex: 1, quote: "will open in 2028.  It" });
  });

  it("tells repeated words apart by the text around the selection", () => {
    const second = embed.mapSelection(segments, {
      text: "the bridge will open in 2028",
      before: "Officials said ",
      after: ", not earlier.",
    });
    expect(second).toMatchObject({ segmentIndex: 2, quoteStart: 15, quoteEnd: 43 });
    const first = embed.mapSelection(segments, {
      text: "bridge will open",
      before: "The ",
      after: " in 2028.  It",
    });
    expect(first).toMatchObject({ segmentIndex: 1, quoteStart: 4 });
  });

  it("anchors a selection across paragraphs to the first paragraph it starts in", () => {
    const m = embed.mapSelection(segments, {
      text: "It links two islands.\n\nOfficials said",
      before: "The bridge will open in 2028. ",
    });
    expect(m).toMatchObject({ segmentIndex: 1, quote: "It links two  islands." });
  });

  it("counts offsets in UTF-16 code units, as the feedback API does", () => {
    const korean = [{ index: 3, text: "다리는 2028년에 😀 개통한다." }];
    const m = embed.mapSelection(korean, { text: "개통한다" });
    expect(m).toEqual({ segmentIndex: 3, quote: "개통한다", quoteStart: 14, quoteEnd: 18 });
  });

  it("finds nothing for text that is not in the article, or an empty selection", () => {
    expect(embed.mapSelection(segments, { text: "Advertisement" })).toBeNull();
    expect(embed.mapSelection(segments, { text: " \n " })).toBeNull();
  });
});
