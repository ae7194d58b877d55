// Turns a reader's suggestion into an edited segment text for the reviewer to
// check. The reader may have seen an older revision, so the quote's offsets are
// trusted only when they still point at the quoted words.
export interface SuggestionInput {
  text: string;
  suggestion: string;
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
}

export type AppliedSuggestion =
  | { applied: true; text: string; how: "offsets" | "quote-search" }
  | { applied: false; text: string; reason: string };

export function applySuggestion(input: SuggestionInput): AppliedSuggestion {
  const { text, suggestion, quote, quoteStart, quoteEnd } = input;
  if (!quote) {
    // Without a quote the suggestion is a whole-segment replacement.
    return { applied: true, text: suggestion, how: "offsets" };
  }
  if (quoteStart !== null && quoteEnd !== null && text.slice(quoteStart, quoteEnd) === quote) {
    return {
      applied: true,
      text: text.slice(0, quoteStart) + suggestion + text.slice(quoteEnd),
      how: "offsets",
    };
  }
  const at = text.indexOf(quote);
  if (at >= 0 && text.indexOf(quote, at + 1) < 0) {
    return {
      applied: true,
      text: text.slice(0, at) + suggestion + text.slice(at + quote.length),
      how: "quote-search",
    };
  }
  return {
    applied: false,
    text,
    reason:
      at < 0
        ? "The quoted words are no longer in the text"
        : "The quoted words appear more than once",
  };
}
