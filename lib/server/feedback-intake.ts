// Reader feedback from anonymous readers: limits first, then the public text only.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import { db, transaction } from "@/lib/db";
import { FEEDBACK_LIMITS, type FeedbackCategory } from "@/lib/domain/feedback";
import { env } from "@/lib/env";
import { AppError, badRequest, notFound, tooLarge } from "@/lib/errors";
import { appendAudit } from "./audit";
import { emitEvent } from "./events";
import { notifyFeedback } from "./notifications";
import { publicRevisionOf } from "./public-articles";
import { hitRateLimits, releaseRateLimit } from "./rate-limit";
import { segmentTextAtRevision, textsAtRevision } from "./revision-texts";

export interface SubmitFeedbackInput {
  articleId: string;
  category: FeedbackCategory;
  comment?: string;
  suggestion?: string;
  quote?: string;
  contact?: string;
  segmentIndex?: number | null;
  quoteStart?: number | null;
  quoteEnd?: number | null;
  /** The revision the reader was shown; defaults to the public revision. */
  revisionSeen?: number | null;
  /** Honeypot value: anything here means a bot, which is told "thanks" and ignored. */
  honeypot?: string | null;
}

export interface SubmitFeedbackOptions {
  actor: Actor;
  /** Salted hash of the reader's IP: the rate-limit key and the stored fingerprint. */
  ipHash: string;
  requestId?: string;
}

/** Over-long free text is a 413 (too much), not a 400 (wrong shape). */
export function assertFeedbackLengths(input: {
  comment?: string;
  suggestion?: string;
  quote?: string;
}): void {
  for (const field of ["comment", "suggestion", "quote"] as const) {
    const value = input[field];
    if (value !== undefined && value.length > FEEDBACK_LIMITS[field]) {
      throw tooLarge(`The ${field} exceeds ${FEEDBACK_LIMITS[field]} characters`);
    }
  }
}

function rateLimited(retryAfter: number, scope: "reader" | "article"): AppError {
  const message =
    scope === "reader"
      ? "You have sent a lot of feedback recently; please try again later"
      : "This article has received a lot of feedback recently; please try again later";
  return new AppError(
    "rate_limited",
    message,
    { retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

/** Looks like a cuid, so a bot cannot tell a honeypot answer from a real one. */
/** A cuid-shaped random id: used for stored items (raw insert) and honeypot decoys alike. */
function newFeedbackId(): string {
  return (
    "c" +
    BigInt("0x" + randomBytes(16).toString("hex"))
      .toString(36)
      .slice(0, 24)
  );
}

/**
 * The one answer to every anchor or revision a reader's feedback cannot use. It
 * names no segment, length, revision or text, so right and wrong guesses about
 * text a reader cannot see get byte-identical answers (docs/security.md).
 */
const ANCHOR_REFUSED = "The quote or its position does not match the article as published";

/**
 * Stores one reader's feedback. In order: the per-reader rate limit (so a probe
 * costs allowance before anything is looked up), the article must show text to
 * the public, the per-article limit, then the quote is checked against the
 * revision the reader saw, which must be one readers are shown (the public one
 * or an earlier published one). Then the item and its audit event are written
 * in one transaction. Refused requests store nothing.
 */
export async function submitFeedback(
  input: SubmitFeedbackInput,
  opts: SubmitFeedbackOptions,
): Promise<{ id: string; stored: boolean }> {
  if (input.honeypot?.trim()) return { id: newFeedbackId(), stored: false };
  assertFeedbackLengths(input);

  const { GALLEY_FEEDBACK_LIMIT_PER_READER, GALLEY_FEEDBACK_LIMIT_PER_ARTICLE } = env();
  const window = env().GALLEY_FEEDBACK_WINDOW_SECONDS;
  const readerKey = `feedback:reader:${opts.ipHash}`;
  const [reader] = await hitRateLimits(
    [{ key: readerKey, limit: GALLEY_FEEDBACK_LIMIT_PER_READER }],
    window,
  );
  if (!reader!.allowed) throw rateLimited(reader!.retryAfterSeconds, "reader");

  // The public intake is the hottest write path: raw SQL avoids the ORM's per-query cost.
  const found = await db().$queryRaw<
    {
      id: string;
      currentRevision: number;
      publishedRevision: number | null;
      approvedRevision: number | null;
      publishedRevisions: number[] | null;
    }[]
  >`SELECT a."id", a."currentRevision", a."publishedRevision", a."approvedRevision",
      (SELECT array_agg(DISTINCT p."revisionNumber") FROM "Publication" p
        WHERE p."articleId" = a."id") AS "publishedRevisions"
    FROM "Article" a WHERE a."id" = ${input.articleId}`;
  const article = found[0];
  const shown = article ? publicRevisionOf(article) : null;
  // Unknown and never-shown articles get the same answer: readers cannot see either.
  if (!article || !shown) throw notFound("Article");
  const revisionSeen = input.revisionSeen ?? shown.revision;
  if (revisionSeen !== shown.revision && !article.publishedRevisions?.includes(revisionSeen)) {
    throw badRequest(ANCHOR_REFUSED);
  }

  const articleKey = `feedback:article:${article.id}`;
  const [perArticle] = await hitRateLimits(
    [{ key: articleKey, limit: GALLEY_FEEDBACK_LIMIT_PER_ARTICLE }],
    window,
  );
  if (!perArticle!.allowed) {
    // The reader did nothing wrong; only the article is saturated.
    await releaseRateLimit(readerKey);
    throw rateLimited(perArticle!.retryAfterSeconds, "article");
  }
  const anchor = await anchorQuote(input, article.id, revisionSeen);

  const id = await transaction(async (tx) => {
    const row = { id: newFeedbackId() };
    await tx.$executeRaw`
      INSERT INTO "Feedback" ("id", "articleId", "revisionSeen", "segmentIndex", "quote", "quoteStart",
        "quoteEnd", "category", "suggestion", "comment", "contact", "status", "ipHash", "createdAt")
      VALUES (${row.id}, ${article.id}, ${revisionSeen}, ${anchor.segmentIndex}, ${anchor.quote},
        ${anchor.quoteStart}, ${anchor.quoteEnd}, ${input.category}::"FeedbackCategory",
        ${input.suggestion?.trim() || null}, ${input.comment?.trim() ?? ""}, ${input.contact || null},
        'NEW'::"FeedbackStatus", ${opts.ipHash}, ${new Date()})`;
    await notifyFeedback(tx, { articleId: article.id, category: input.category });
    // Readers' free text and address stay out of the payload (personal data); the quote is
    // public text.
    await emitEvent(tx, "feedback.received", {
      articleId: article.id,
      data: {
        feedbackId: row.id,
        articleId: article.id,
        category: input.category,
        segmentIndex: anchor.segmentIndex,
        quote: anchor.quote,
        revisionSeen,
        hasSuggestion: Boolean(input.suggestion?.trim()),
      },
      chat: { event: "feedback.received", facts: { category: input.category } },
    });
    await appendAudit(tx, {
      actor: opts.actor,
      action: "feedback.submit",
      entityType: "feedback",
      entityId: row.id,
      // The text itself stays out of the log: it may hold personal data.
      data: {
        articleId: article.id,
        category: input.category,
        segmentIndex: anchor.segmentIndex,
        revisionSeen,
        hasSuggestion: Boolean(input.suggestion?.trim()),
      },
      requestId: opts.requestId,
    });
    return row.id;
  });
  return { id, stored: true };
}

interface Anchor {
  segmentIndex: number | null;
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
}

/**
 * Checks segment index and offsets against the text at the revision the reader
 * saw (always a publicly shown one). A quote without offsets (the no-JavaScript
 * form) is located in the text when it occurs exactly once, so triage can still
 * highlight it. Every mismatch is the same ANCHOR_REFUSED answer.
 */
async function anchorQuote(
  input: SubmitFeedbackInput,
  articleId: string,
  revision: number,
): Promise<Anchor> {
  const quote = input.quote || null;
  const segmentIndex = input.segmentIndex ?? null;
  const hasOffsets = input.quoteStart != null && input.quoteEnd != null;
  if (segmentIndex === null && !quote) {
    if (hasOffsets) throw badRequest(ANCHOR_REFUSED);
    return { segmentIndex: null, quote: null, quoteStart: null, quoteEnd: null };
  }
  // With a segment index only that segment's text is read (one index probe);
  // a bare quote has to be searched for in every segment.
  let texts: Map<number, string>;
  if (segmentIndex !== null) {
    const text = await segmentTextAtRevision(db(), articleId, segmentIndex, revision);
    if (text === null) throw badRequest(ANCHOR_REFUSED);
    texts = new Map([[segmentIndex, text]]);
  } else {
    texts = await textsAtRevision(db(), articleId, revision);
  }
  if (hasOffsets) {
    if (segmentIndex === null) throw badRequest(ANCHOR_REFUSED);
    const text = texts.get(segmentIndex)!;
    const start = input.quoteStart!;
    const end = input.quoteEnd!;
    if (start >= end || end > text.length) throw badRequest(ANCHOR_REFUSED);
    const span = text.slice(start, end);
    if (quote !== null && quote !== span) throw badRequest(ANCHOR_REFUSED);
    return { segmentIndex, quote: span, quoteStart: start, quoteEnd: end };
  }
  if (!quote) return { segmentIndex, quote: null, quoteStart: null, quoteEnd: null };
  const candidates =
    segmentIndex !== null
      ? [segmentIndex]
      : [...texts.keys()].filter((i) => texts.get(i)!.includes(quote));
  if (candidates.length === 1) {
    const index = candidates[0]!;
    const text = texts.get(index)!;
    const at = text.indexOf(quote);
    if (at >= 0 && text.indexOf(quote, at + 1) < 0) {
      return { segmentIndex: index, quote, quoteStart: at, quoteEnd: at + quote.length };
    }
  }
  return { segmentIndex, quote, quoteStart: null, quoteEnd: null };
}
