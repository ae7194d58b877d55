import { z } from "zod";
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_LIMITS,
  FEEDBACK_STATUSES,
  HONEYPOT_FIELD,
  TRIAGE_STATUSES,
} from "@/lib/domain/feedback";
import { cuidParam, limitParam } from "@/lib/validation/common";
import { cursorParam } from "@/lib/validation/cursor";

// Free-text fields carry no zod max: lib/server/feedback.ts checks their length
// and answers 413 (too much text), not 400 (wrong shape). The route's body cap
// bounds what reaches zod at all.
const noNul = (s: string) => !s.includes("\u0000");
const freeText = z.string().refine(noNul, "must not contain NUL characters");
const optionalText = freeText.nullish().transform((s) => (s?.trim() ? s : undefined));
const offset = z.int32().min(0);

export const submitFeedbackSchema = z
  .object({
    category: z.enum(FEEDBACK_CATEGORIES, "must be one of " + FEEDBACK_CATEGORIES.join(", ")),
    comment: optionalText,
    suggestion: optionalText,
    // The quote is kept verbatim (no trimming): its offsets point into the segment text.
    quote: freeText.nullish().transform((s) => s || undefined),
    contact: z
      .email("must be an email address")
      .max(FEEDBACK_LIMITS.contact)
      .nullish()
      .or(z.literal("").transform(() => undefined))
      .transform((s) => s || undefined),
    segmentIndex: z.int32().min(0).nullish(),
    quoteStart: offset.nullish(),
    quoteEnd: offset.nullish(),
    revisionSeen: z.int32().positive().nullish(),
    [HONEYPOT_FIELD]: z.string().nullish(),
  })
  .refine((b) => b.comment || b.suggestion, {
    message: "write a comment or a suggested correction",
    path: ["comment"],
  })
  .refine((b) => (b.quoteStart == null) === (b.quoteEnd == null), {
    message: "quoteStart and quoteEnd go together",
    path: ["quoteEnd"],
  });

export type SubmitFeedbackBody = z.infer<typeof submitFeedbackSchema>;

/** What the intake (lib/server/feedback-intake.ts) takes from a validated body: one mapping for both entry points. */
export function feedbackInput(articleId: string, body: SubmitFeedbackBody) {
  const { [HONEYPOT_FIELD]: honeypot, ...fields } = body;
  return { articleId, ...fields, honeypot };
}

/**
 * The public form posts strings; turn them into the JSON shape (numbers, and
 * absent for empty fields) so both entry points share one schema.
 */
export function feedbackFormToBody(form: URLSearchParams): Record<string, unknown> {
  const text = (name: string) => form.get(name) ?? undefined;
  const int = (name: string) => {
    const v = form.get(name)?.trim();
    if (!v) return undefined;
    return /^\d+$/.test(v) ? Number(v) : v; // a non-number stays a string so zod rejects it
  };
  return {
    category: text("category"),
    comment: text("comment"),
    suggestion: text("suggestion"),
    quote: text("quote"),
    contact: text("contact")?.trim(),
    segmentIndex: int("segmentIndex"),
    quoteStart: int("quoteStart"),
    quoteEnd: int("quoteEnd"),
    revisionSeen: int("revisionSeen"),
    [HONEYPOT_FIELD]: text(HONEYPOT_FIELD),
  };
}

export const feedbackStatusSchema = z.enum(FEEDBACK_STATUSES);

export const listFeedbackQuerySchema = z.object({
  status: feedbackStatusSchema.optional(),
  category: z.enum(FEEDBACK_CATEGORIES).optional(),
  articleId: cuidParam.optional(),
  engine: z.string().trim().min(1).max(200).optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});

export const triageFeedbackSchema = z.object({
  status: z.enum(TRIAGE_STATUSES),
  reason: z.string().trim().max(FEEDBACK_LIMITS.reason).refine(noNul).optional(),
  duplicateOf: cuidParam.optional(),
});

export const bulkFeedbackSchema = z.object({
  ids: z.array(cuidParam).min(1, "select at least one item").max(200),
  status: z.enum(["ACCEPTED", "REJECTED", "SPAM"]),
  /** Required for REJECTED; kept as every item's triage note otherwise. */
  reason: z.string().trim().max(FEEDBACK_LIMITS.reason).refine(noNul).optional(),
});

/**
 * Body cap for a feedback post: the field limits in the worst JSON encoding
 * (\uXXXX, 6 bytes a character) fit well inside; anything bigger is a 413 early.
 */
export const FEEDBACK_MAX_BODY_BYTES = 128 * 1024;
