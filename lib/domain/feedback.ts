// Reader feedback: the vocabulary and pure helpers shared by the public form, the
// API, the triage inbox and the review workspace. No server imports, so client
// components can use it too.

import { enumValues, FeedbackCategory, FeedbackStatus } from "./types";

export const FEEDBACK_CATEGORIES = enumValues(FeedbackCategory);
export type { FeedbackCategory };

export const CATEGORY_LABEL: Record<FeedbackCategory, string> = {
  MISTRANSLATION: "Mistranslation",
  NAME_OR_TERM: "Wrong name or term",
  GRAMMAR_OR_TYPO: "Grammar or typo",
  UNCLEAR: "Unclear",
  MISSING_OR_ADDED: "Missing or added content",
  OTHER: "Other",
};

export const FEEDBACK_STATUSES = enumValues(FeedbackStatus);
export type { FeedbackStatus };

/** Statuses a triager can move an item to (NEW is only ever the initial state). */
export const TRIAGE_STATUSES = ["ACCEPTED", "REJECTED", "DUPLICATE", "SPAM"] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export const STATUS_LABEL: Record<FeedbackStatus, string> = {
  NEW: "New",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  DUPLICATE: "Duplicate",
  SPAM: "Spam",
};

/**
 * Field limits in characters (JavaScript string length). Over-long fields are a
 * 413, not a 400: the reader sent too much, the shape was fine.
 */
export const FEEDBACK_LIMITS = {
  comment: 5000,
  suggestion: 5000,
  quote: 2000,
  contact: 320,
  reason: 1000,
} as const;

/** Name of the honeypot field: humans never see it, naive bots fill it. */
export const HONEYPOT_FIELD = "website";

/**
 * Splits a segment's text around the quoted span for highlighting. Offsets are
 * UTF-16 code units (JavaScript string indexes). When the offsets no longer
 * match the quote (or are absent), falls back to the first occurrence of the
 * quote; returns null when the quote cannot be found.
 */
export function splitAroundQuote(
  text: string,
  quote: string | null,
  start: number | null,
  end: number | null,
): { before: string; quote: string; after: string } | null {
  if (start !== null && end !== null && start >= 0 && start < end && end <= text.length) {
    if (quote === null || text.slice(start, end) === quote) {
      return {
        before: text.slice(0, start),
        quote: text.slice(start, end),
        after: text.slice(end),
      };
    }
  }
  if (!quote) return null;
  const at = text.indexOf(quote);
  if (at < 0) return null;
  return {
    before: text.slice(0, at),
    quote,
    after: text.slice(at + quote.length),
  };
}
