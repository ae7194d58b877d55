import { describe, expect, it } from "vitest";
import { buildSegments } from "@/lib/ingest/segments";
import { runChecks } from "@/lib/quality/checks";
import { hangulAnchor } from "@/lib/quality/checks/hangul-names";
import { alignNames, checkNameInconsistency } from "@/lib/quality/checks/name-inconsistency";
import { context } from "./context";

const flagged = (ctx: ReturnType<typeof context>) =>
  checkNameInconsistency(ctx).map((w) => [
    w.segmentIndex,
    ctx.segments[w.segmentIndex]?.text.slice(w.start, w.end),
  ]);

describe("alignNames", () => {
  it("matches words across phrases of different length and order", () => {
    expect(alignNames("Zelenskyy Volodymyr", "Volodymyr Zelensky")).toMatchObject({
      reordered: true,
      respelled: [[{ text: "Zelenskyy" }, { text: "Zelensky" }]],
    });
    expect(alignNames("Zelensky", "Zelenskyy Volodymyr")).toMatchObject({
      reordered: false,
      respelled: [[{ text: "Zelensky" }, { text: "Zelenskyy" }]],
    });
    expect(alignNames("Kane Harry", "Harry Kane")).toEqual({ reordered: true, respelled: [] });
  });

  it("finds nothing to report for a short form or for different people", () => {
    expect(alignNames("Zelensky", "Volodymyr Zelensky")).toBeNull();
    expect(alignNames("Yun Byung-se", "Yoon Suk Yeol")).toBeNull();
    expect(alignNames("Kim Yo Jong", "Kim Jong Un")).toBeNull();
    expect(alignNames("Lee Jae-myung", "Lee Jae-yong")).toBeNull();
  });
});

describe("hangulAnchor", () => {
  it.each([
    ["Chung Dong-young", "정동영 통일부 장관은"],
    ["Jeong Dong-yeong", "정동영 장관은"],
    ["Dong-young Chung", "정동영 장관은"],
    ["Minister Jeong Dong-yeong", "정동영 장관은"],
  ])("ties %s to 정동영", (name, source) => {
    expect(hangulAnchor(name, source)).toBe("정동영");
  });

  it.each([
    ["Park Seo-yeon", "박서연 작가의 개인전", "박서연"],
    ["Bak Seo-yeon", "박서연 작가가", "박서연"],
    ["Rhee Chang-yong", "이창용 총재는", "이창용"],
    ["Go Jin-young", "고진영은 2위", "고진영"],
  ])("ties %s to the Hangul name", (name, source, hangul) => {
    expect(hangulAnchor(name, source)).toBe(hangul);
  });

  it("gives no anchor for a Western name, a name absent from the source, or no source match", () => {
    expect(hangulAnchor("Volodymyr Zelensky", "볼로디미르 젤렌스키 대통령은")).toBeNull();
    expect(hangulAnchor("Park Seo-yeon", "정동영 장관은")).toBeNull();
    expect(hangulAnchor("Seoul", "서울에서")).toBeNull();
  });
});

describe("name-inconsistency word by word", () => {
  it("flags a respelled word inside a longer mention and a reordered Western name", () => {
    const ctx = context([
      "Zelenskyy Volodymyr, President of Ukraine /Courtesy of AFP=Yonhap",
      "Ukraine President Volodymyr Zelensky spoke on Tuesday.",
      '"Russia is only buying time," President Zelensky said.',
    ]);
    const warnings = checkNameInconsistency(ctx);
    expect(flagged(ctx)).toEqual([[0, "Zelenskyy Volodymyr"]]);
    expect(warnings[0]?.message).toContain('Name "Zelenskyy" is spelled "Zelensky"');
    expect(warnings[0]?.message).toContain("family-name-first");
  });

  it("lets the caption's order give way even when it comes first", () => {
    const ctx = context([
      "Trump Donald, President of the United States /Reuters=Yonhap",
      "U.S. President Donald Trump said a deal was near.",
    ]);
    expect(flagged(ctx)).toEqual([[0, "Trump Donald"]]);
  });

  it("takes the segment kind from the caller over the text", () => {
    const ctx = context(["Harry Kane watched the match.", "Kane Harry leaves the stadium."]);
    expect(flagged(ctx)).toEqual([[1, "Kane Harry"]]);
    ctx.segments[0] = { ...ctx.segments[0]!, kind: "CAPTION" };
    ctx.segments[1] = { ...ctx.segments[1]!, kind: "PARAGRAPH" };
    expect(flagged(ctx)).toEqual([[0, "Harry Kane"]]);
  });

  it("keeps different people with the same romanised surname apart", () => {
    const ctx = context([
      "Former Foreign Minister Yun Byung-se, who served under former President Yoon Suk Yeol, attended.",
      "Yun Byung-se later met Yoon Suk Yeol's aides.",
    ]);
    expect(checkNameInconsistency(ctx)).toEqual([]);
  });
});

describe("name-inconsistency with the Korean source", () => {
  it("treats two renderings of one Hangul name as variants however far apart", () => {
    const ctx = context([
      ['정동영 장관 "지원 확대"', 'Minister Chung Dong-young: "Support will grow"'],
      ["정동영 장관은 하나원을 방문했다.", "Minister Chung Dong-young visited Hanawon."],
      [
        "정동영 장관은 지원금을 늘리겠다고 밝혔다.",
        "Minister Jeong Dong-yeong said grants would rise.",
      ],
    ]);
    const warnings = checkNameInconsistency(ctx);
    expect(flagged(ctx)).toEqual([[2, "Jeong Dong-yeong"]]);
    expect(warnings[0]?.message).toContain("(정동영)");
  });

  it("needs the source: the same spellings without it are left alone", () => {
    const ctx = context([
      "Minister Chung Dong-young visited Hanawon.",
      "Minister Jeong Dong-yeong said grants would rise.",
    ]);
    expect(checkNameInconsistency(ctx)).toEqual([]);
  });

  it("does not merge two people whose Hangul names differ", () => {
    const ctx = context([
      ["박서연 작가와 박수진 작가가 참석했다.", "Artists Park Seo-yeon and Bak Su-jin attended."],
      ["박수진 작가는 신작을 공개했다.", "Bak Su-jin unveiled a new work."],
    ]);
    expect(checkNameInconsistency(ctx)).toEqual([]);
  });
});

describe("acceptance: the wire story of issue 16, ingested as plain text", () => {
  const { segments } = buildSegments({
    title: { mt: "Zelensky: Russia has no will to negotiate" },
    mt: [
      "Zelenskyy Volodymyr, President of Ukraine /Courtesy of AFP=Yonhap",
      "Ukraine President Volodymyr Zelensky criticized Russia in a video address on Tuesday.",
      '"Russia is only buying time," President Zelensky said.',
      "※ This article has been translated by AI. Share your feedback here.",
    ].join("\n\n"),
  });
  const ctx = {
    sourceLang: "ko",
    targetLang: "en",
    glossary: [],
    segments: segments.map((s, index) => ({ index, source: s.source, text: s.mt, kind: s.kind })),
  };

  it("stores the caption as a CAPTION segment", () => {
    expect(segments.map((s) => s.kind)).toEqual(["TITLE", "CAPTION", "PARAGRAPH", "PARAGRAPH"]);
  });

  it("warns about Zelenskyy in the caption and nowhere else", () => {
    const warnings = runChecks(ctx).filter((w) => w.check === "name-inconsistency");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ segmentIndex: 1, start: 0 });
    expect(segments[1]?.mt.slice(warnings[0]?.start, warnings[0]?.end)).toContain("Zelenskyy");
    expect(warnings[0]?.message).toContain('"Zelenskyy"');
  });

  it("warns the same way when the caller does not pass segment kinds", () => {
    const withoutKinds = { ...ctx, segments: ctx.segments.map(({ kind: _kind, ...s }) => s) };
    expect(runChecks(withoutKinds)).toEqual(runChecks(ctx));
  });
});

describe("name-inconsistency: word order of Korean names", () => {
  it("keeps a Korean name's family-first form, even in a caption", () => {
    const ctx = context([
      [
        "이재명 대통령이 소방관들을 격려하고 있다. (사진=연합뉴스)",
        "Lee Jae-myung encourages firefighters. (Photo: Yonhap)",
      ],
      ["이재명 대통령은 소방서를 찾았다.", "President Jae-myung Lee visited the fire station."],
    ]);
    const warnings = checkNameInconsistency(ctx);
    expect(flagged(ctx)).toEqual([[1, "Jae-myung Lee"]]);
    expect(warnings[0]?.message).not.toContain("caption");
  });

  it("without the source, the caption's form gives way", () => {
    const ctx = context([
      "Lee Jae-myung encourages firefighters. (Photo: Yonhap)",
      "President Jae-myung Lee visited the fire station.",
    ]);
    expect(flagged(ctx)).toEqual([[0, "Lee Jae-myung"]]);
  });
});
