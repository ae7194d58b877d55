import { describe, expect, it } from "vitest";
import {
  buildDisclosure,
  fillTemplate,
  outletDisclosuresSchema,
  parseOutletDisclosures,
} from "@/lib/domain/disclosure";

const day = new Date("2026-11-30T20:30:00Z"); // 1 December in Seoul, 30 November in UTC

describe("buildDisclosure", () => {
  it("says translated by AI until an editor reviews it", () => {
    const d = buildDisclosure({ targetLang: "en", reviewedAt: null, correction: null }, {}, "UTC");
    expect(d).toEqual({
      state: "translated",
      text: "This article has been translated by AI.",
      date: null,
      note: null,
      lang: "en",
      timeZone: "UTC",
    });
  });

  it("dates the review in the outlet's zone", () => {
    const facts = { targetLang: "en-US", reviewedAt: day, correction: null };
    expect(buildDisclosure(facts, {}, "UTC")).toMatchObject({
      state: "reviewed",
      text: "Translated by AI and reviewed by an editor on 30 November 2026.",
      date: "2026-11-30T20:30:00.000Z",
    });
    expect(buildDisclosure(facts, {}, "Asia/Seoul").text).toBe(
      "Translated by AI and reviewed by an editor on 1 December 2026.",
    );
  });

  it("names the correction with its date and note", () => {
    const facts = {
      targetLang: "en",
      reviewedAt: day,
      correction: { at: day, note: " We fixed a name. " },
    };
    expect(buildDisclosure(facts, {}, "UTC")).toMatchObject({
      state: "corrected",
      text: "Corrected on 30 November 2026: We fixed a name.",
      note: "We fixed a name.",
    });
    const noNote = { ...facts, correction: { at: day, note: null } };
    expect(buildDisclosure(noNote, {}, "UTC").text).toBe("Corrected on 30 November 2026.");
  });

  it("uses the outlet's texts for the language, falling back per state", () => {
    const outlet = {
      en: { reviewed: "Checked by our desk on {date}." },
      fr: { translated: "Cet article a été traduit par IA." },
    };
    const reviewed = { targetLang: "en-GB", reviewedAt: day, correction: null };
    expect(buildDisclosure(reviewed, outlet, "UTC").text).toBe(
      "Checked by our desk on 30 November 2026.",
    );
    const translated = { ...reviewed, reviewedAt: null };
    expect(buildDisclosure(translated, outlet, "UTC").text).toBe(
      "This article has been translated by AI.",
    );
    const fr = buildDisclosure({ ...translated, targetLang: "fr" }, outlet, "UTC");
    expect(fr).toMatchObject({ text: "Cet article a été traduit par IA.", lang: "fr" });
    // No outlet text and no default for German: the English default, labelled English.
    expect(buildDisclosure({ ...translated, targetLang: "de" }, {}, "UTC").lang).toBe("en");
  });

  it("has Korean defaults with Korean dates", () => {
    const d = buildDisclosure({ targetLang: "ko", reviewedAt: day, correction: null }, {}, "UTC");
    expect(d.text).toBe("AI로 번역되었으며 2026년 11월 30일에 편집자가 검토했습니다.");
    expect(d.lang).toBe("ko");
  });
});

describe("fillTemplate", () => {
  it("keeps a note's special characters literal", () => {
    expect(fillTemplate("On {date}: {note}", "today", "$& {date} <b>")).toBe(
      "On today: $& {date} <b>",
    );
  });
});

describe("outlet disclosures", () => {
  it("accepts texts per language and refuses unknown keys or tags", () => {
    expect(outletDisclosuresSchema.safeParse({ en: { translated: "AI." } }).success).toBe(true);
    expect(outletDisclosuresSchema.safeParse({ en: { footer: "x" } }).success).toBe(false);
    expect(outletDisclosuresSchema.safeParse({ "not a tag": {} }).success).toBe(false);
    expect(parseOutletDisclosures("garbage")).toEqual({});
  });
});
