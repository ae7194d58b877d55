import { describe, expect, it } from "vitest";
import { feedbackFormToBody, submitFeedbackSchema } from "@/lib/api/schemas/feedback";
import { splitAroundQuote } from "@/lib/domain/feedback";

describe("splitAroundQuote", () => {
  const text = "The fund will be executed over three years.";

  it("uses the offsets when they still match the quote", () => {
    expect(splitAroundQuote(text, "executed", 17, 25)).toEqual({
      before: "The fund will be ",
      quote: "executed",
      after: " over three years.",
    });
  });

  it("falls back to the first occurrence when the offsets are stale or absent", () => {
    expect(splitAroundQuote(text, "three", 0, 3)?.before).toBe("The fund will be executed over ");
    expect(splitAroundQuote(text, "three", null, null)?.quote).toBe("three");
    expect(splitAroundQuote(text, "four", null, null)).toBeNull();
    expect(splitAroundQuote(text, null, null, null)).toBeNull();
  });
});

describe("the feedback schema", () => {
  it("reads the public form's strings into the API shape", () => {
    const form = new URLSearchParams({
      category: "GRAMMAR_OR_TYPO",
      comment: "Typo",
      quote: " spaced ",
      suggestion: "",
      contact: "",
      segmentIndex: "2",
      quoteStart: "",
      quoteEnd: "",
      revisionSeen: "4",
      website: "",
    });
    const parsed = submitFeedbackSchema.parse(feedbackFormToBody(form));
    expect(parsed).toMatchObject({
      category: "GRAMMAR_OR_TYPO",
      comment: "Typo",
      quote: " spaced ",
      segmentIndex: 2,
      revisionSeen: 4,
    });
    expect(parsed.suggestion).toBeUndefined();
    expect(parsed.contact).toBeUndefined();
    expect(parsed.quoteStart).toBeUndefined();
  });

  it("needs a category and a comment or suggestion; offsets come in pairs", () => {
    expect(submitFeedbackSchema.safeParse({ comment: "x" }).success).toBe(false);
    expect(submitFeedbackSchema.safeParse({ category: "OTHER", comment: "  " }).success).toBe(
      false,
    );
    expect(submitFeedbackSchema.safeParse({ category: "OTHER", suggestion: "y" }).success).toBe(
      true,
    );
    expect(
      submitFeedbackSchema.safeParse({ category: "OTHER", comment: "x", quoteStart: 1 }).success,
    ).toBe(false);
    expect(
      submitFeedbackSchema.safeParse({ category: "OTHER", comment: "x", contact: "nope" }).success,
    ).toBe(false);
    expect(
      submitFeedbackSchema.safeParse({ category: "OTHER", comment: "x", segmentIndex: "1" })
        .success,
    ).toBe(false);
  });
});
