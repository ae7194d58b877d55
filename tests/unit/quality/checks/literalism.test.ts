import { describe, expect, it } from "vitest";
import { checkLiteralism } from "@/lib/quality/checks/literalism";
import { context } from "./context";

const spans = (text: string, extra = {}) =>
  checkLiteralism(context([text], extra)).map((w) => text.slice(w.start, w.end));

describe("literalism", () => {
  it("flags a day of the month without a month", () => {
    const text = "The ministry said on the 13th that exports rose.";
    const [warning] = checkLiteralism(context([text]));
    expect(warning).toMatchObject({
      segmentIndex: 0,
      check: "literalism",
      start: 18,
      end: 29,
    });
    expect(warning?.message).toMatch(/without naming the month/);
  });

  it("includes a following (local time) in the span and message", () => {
    const text = "Trump said on the 5th (local time) that tariffs would rise.";
    const [warning] = checkLiteralism(context([text]));
    expect(text.slice(warning?.start, warning?.end)).toBe("on the 5th (local time)");
    expect(warning?.message).toContain("(local time)");
  });

  it("accepts the day when a month is named in the same sentence", () => {
    expect(spans("The talks, held in March, ended on the 13th.")).toEqual([]);
    expect(spans("It opened on March 3. It closed on the 13th.")).toEqual(["on the 13th"]);
  });

  it("ignores ordinals that are not dates", () => {
    expect(spans("Celebrations on the 20th anniversary drew crowds.")).toEqual([]);
    expect(spans("He lives on the 5th floor.")).toEqual([]);
    expect(spans("The 13th round of talks ended.")).toEqual([]);
  });

  it("runs configurable patterns and leaves the caller's RegExp untouched", () => {
    const pattern = /\bthe same day\b/i;
    const literalismPatterns = [{ pattern, message: 'Prefer a weekday to "the same day".' }];
    const warnings = checkLiteralism(
      context(["The ministry said the same day that The Same Day rule applies."], {
        literalismPatterns,
      }),
    );
    expect(warnings.map((w) => [w.start, w.message])).toEqual([
      [18, 'Prefer a weekday to "the same day".'],
      [36, 'Prefer a weekday to "the same day".'],
    ]);
    expect(pattern.lastIndex).toBe(0);
    expect(pattern.flags).toBe("i");
  });

  it("applies the built-in English rules only to English targets", () => {
    expect(spans("Il est arrivé on the 13th.", { targetLang: "fr" })).toEqual([]);
  });
});

describe("literalism: part of a day", () => {
  it("flags the morning or evening of a bare day of the month", () => {
    expect(spans("Temperatures will drop on the morning of the 20th.")).toEqual([
      "on the morning of the 20th",
    ]);
    expect(spans("Rain is expected from the evening of the 5th.")).toEqual([
      "from the evening of the 5th",
    ]);
    expect(spans("Rain is expected on the evening of Nov. 5th.")).toEqual([]);
  });
});
