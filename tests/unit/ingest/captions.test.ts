import { describe, expect, it } from "vitest";
import { isCaption } from "@/lib/ingest/captions";
import { buildSegments } from "@/lib/ingest/segments";

describe("isCaption", () => {
  it.each([
    "Zelenskyy Volodymyr, President of Ukraine /Courtesy of AFP=Yonhap",
    "Son Heung-min celebrates after scoring on Saturday. /AP=Yonhap",
    "Fans cheer at the stadium in Seoul on Nov. 13. (Yonhap)",
    "President Lee Jae-myung visits a fire station. (Photo: Presidential Office)",
    "[Photo: Yonhap] Visitors look at paintings in Jongno, Seoul.",
    "Photo: AP. A protester holds a sign.",
    "젤렌스키 볼로디미르 우크라이나 대통령 /AFP=연합뉴스",
    "이재명 대통령이 소방관들을 격려하고 있다. (사진=대통령실 제공)",
    "사진=연합뉴스 관람객들이 작품을 보고 있다.",
    "관람객들이 작품을 보고 있다. 사진=연합뉴스",
    "Rescue workers search the site (Reuters=Yonhap)",
  ])("recognises %s", (text) => {
    expect(isCaption(text)).toBe(true);
  });

  it.each([
    "Police said the photo was taken on Monday.",
    'The agency said, "Photos will be released later."',
    "The KOSPI rose 1.2 percent (to 2,665.93).",
    "Exports rose 5.2%, according to Yonhap data.",
    "SEOUL, Nov. 30 (Yonhap) -- North Korea fired a missile on Sunday, officials said.",
    "The speed limit is 50 km/h and the ratio 3 / 4.",
    "Officials met in Seoul and/or Busan.",
    `A long paragraph that ends with a credit-like bracket but is body text. ${"It goes on. ".repeat(40)}(Yonhap)`,
  ])("leaves body text alone: %s", (text) => {
    expect(isCaption(text)).toBe(false);
  });
});

describe("buildSegments with captions in plain text", () => {
  it("makes caption paragraphs CAPTION segments on either side's credit", () => {
    const { segments, footer } = buildSegments({
      title: { source: "젤렌스키 기자회견", mt: "Zelensky holds press conference" },
      source:
        "젤렌스키 볼로디미르 우크라이나 대통령 /AFP=연합뉴스\n\n볼로디미르 젤렌스키 우크라이나 대통령은 회견을 열었다.\n\n회견장 모습 (사진=연합뉴스)",
      mt: "Zelenskyy Volodymyr, President of Ukraine /Courtesy of AFP=Yonhap\n\nUkraine President Volodymyr Zelensky held a press conference.\n\nThe press conference room\n\n※ This article has been translated by AI. Share your feedback here.",
    });
    expect(segments.map((s) => s.kind)).toEqual(["TITLE", "CAPTION", "PARAGRAPH", "CAPTION"]);
    expect(segments[3]?.mt).toBe("The press conference room");
    expect(footer).toMatch(/^※ This article/);
  });

  it("keeps explicit segment kinds as given", () => {
    const { segments } = buildSegments({
      title: { mt: "T" },
      segments: [{ mt: "Fans cheer. (Yonhap)" }, { kind: "CAPTION", mt: "A caption" }],
    });
    expect(segments.map((s) => s.kind)).toEqual(["TITLE", "PARAGRAPH", "CAPTION"]);
  });
});
