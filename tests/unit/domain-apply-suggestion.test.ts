import { describe, expect, it } from "vitest";
import { applySuggestion } from "@/lib/domain/apply-suggestion";

describe("applySuggestion", () => {
  const text = "His uncle on his father's side met him.";
  it("replaces the quoted span at its offsets", () => {
    const r = applySuggestion({
      text,
      suggestion: "maternal uncle",
      quote: "uncle on his father's side",
      quoteStart: 4,
      quoteEnd: 30,
    });
    expect(r).toEqual({ applied: true, text: "His maternal uncle met him.", how: "offsets" });
  });
  it("finds the quote when the offsets moved", () => {
    const r = applySuggestion({
      text: "Yesterday, " + text,
      suggestion: "maternal uncle",
      quote: "uncle on his father's side",
      quoteStart: 4,
      quoteEnd: 30,
    });
    expect(r).toMatchObject({
      applied: true,
      how: "quote-search",
      text: "Yesterday, His maternal uncle met him.",
    });
  });
  it("refuses when the quote is gone or ambiguous", () => {
    expect(
      applySuggestion({ text, suggestion: "x", quote: "aunt", quoteStart: null, quoteEnd: null }),
    ).toMatchObject({ applied: false });
    expect(
      applySuggestion({
        text: "a b a",
        suggestion: "x",
        quote: "a",
        quoteStart: null,
        quoteEnd: null,
      }),
    ).toMatchObject({ applied: false, reason: expect.stringContaining("more than once") });
  });
  it("replaces the whole segment without a quote", () => {
    expect(
      applySuggestion({
        text,
        suggestion: "New text.",
        quote: null,
        quoteStart: null,
        quoteEnd: null,
      }),
    ).toMatchObject({ applied: true, text: "New text." });
  });
});
