// Reader feedback from anonymous readers: limits first, then the public text only.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import { Prisma, db, rawQuery } from "@/lib/db";
import { FEEDBACK_LIMITS, type FeedbackCategory } from "@/lib/domain/feedback";
import { env } from "@/lib/env";
import { AppError, badRequest, notFound, tooLarge } from "@/lib/errors";
import { auditInsertSql } from "./audit";
import { feedbackNotificationsSql } from "./notifications";
import { publicRevisionOf } from "./public-articles";
import { rateLimitHitSql, releaseRateLimit } from "./rate-limit";
import { segmentTextSql, textsAtRevision } from "./revision-texts";

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
 * or an earlier published one). Then the item, its notifications and its audit
 * event are written by one statement. Refused requests store nothing.
 *
 * This is the public, hottest write path, and the server's CPU was its limit: each statement
 * through the ORM costs CPU, each round trip a socket write and a wake-up. So it runs three
 * statements straight on the pool (rawQuery) where it ran ten through the ORM: each limit is
 * counted in the same statement as the read it guards, and that read happens only when the
 * counter allows it (a refused request still reads nothing); the write is one data-modifying
 * statement, which PostgreSQL commits atomically, audit event included.
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
  // Round trip 1: count the reader's hit; the article is read only if that count allows it.
  const [gate] = await rawQuery<ReaderGate>(Prisma.sql`
    WITH hit AS (${rateLimitHitSql([readerKey], window)})
    SELECT hit."count", hit."retryAfter", a."id", a."title", a."currentRevision",
      a."publishedRevision", a."approvedRevision",
      (SELECT array_agg(DISTINCT p."revisionNumber") FROM "Publication" p
        WHERE p."articleId" = a."id") AS "publishedRevisions"
    FROM hit LEFT JOIN "Article" a
      ON a."id" = ${input.articleId} AND hit."count" <= ${GALLEY_FEEDBACK_LIMIT_PER_READER}`);
  if (gate!.count > GALLEY_FEEDBACK_LIMIT_PER_READER) {
    throw rateLimited(gate!.retryAfter, "reader");
  }
  const article = gate!.id === null ? null : { ...gate!, id: gate!.id };
  const shown = article ? publicRevisionOf(article) : null;
  // Unknown and never-shown articles get the same answer: readers cannot see either.
  if (!article || !shown) throw notFound("Article");
  const revisionSeen = input.revisionSeen ?? shown.revision;
  if (revisionSeen !== shown.revision && !article.publishedRevisions?.includes(revisionSeen)) {
    throw badRequest(ANCHOR_REFUSED);
  }

  // Round trip 2: count the article's hit; the quoted segment's text is read only if allowed.
  const articleKey = `feedback:article:${article.id}`;
  const segmentIndex = input.segmentIndex ?? null;
  const [perArticle] = await rawQuery<{
    count: number;
    retryAfter: number;
    segmentText: string | null;
  }>(Prisma.sql`
    WITH hit AS (${rateLimitHitSql([articleKey], window)})
    SELECT hit."count", hit."retryAfter",
      ${
        segmentIndex === null
          ? Prisma.sql`NULL::text`
          : Prisma.sql`CASE WHEN hit."count" <= ${GALLEY_FEEDBACK_LIMIT_PER_ARTICLE}
              THEN (${segmentTextSql(article.id, segmentIndex, revisionSeen)}) END`
      } AS "segmentText"
    FROM hit`);
  if (perArticle!.count > GALLEY_FEEDBACK_LIMIT_PER_ARTICLE) {
    // The reader did nothing wrong; only the article is saturated.
    await releaseRateLimit(readerKey);
    throw rateLimited(perArticle!.retryAfter, "article");
  }
  const anchor = await anchorQuote(input, article.id, revisionSeen, perArticle!.segmentText);

  // Round trip 3: the item, its notifications and its audit event, one atomic statement.
  const id = newFeedbackId();
  await rawQuery(Prisma.sql`
    WITH feedback AS (
      INSERT INTO "Feedback" ("id", "articleId", "revisionSeen", "segmentIndex", "quote", "quoteStart",
        "quoteEnd", "category", "suggestion", "comment", "contact", "status", "ipHash", "createdAt")
      VALUES (${id}, ${article.id}, ${revisionSeen}, ${anchor.segmentIndex}, ${anchor.quote},
        ${anchor.quoteStart}, ${anchor.quoteEnd}, ${input.category}::"FeedbackCategory",
        ${input.suggestion?.trim() || null}, ${input.comment?.trim() ?? ""}, ${input.contact || null},
        'NEW'::"FeedbackStatus", ${opts.ipHash}, ${new Date()})
      RETURNING "id"
    ), notified AS (${feedbackNotificationsSql({
      articleId: article.id,
      articleTitle: article.title,
      category: input.category,
    })}), audited AS (${auditInsertSql([
      {
        actor: opts.actor,
        action: "feedback.submit",
        entityType: "feedback",
        entityId: id,
        // The text itself stays out of the log: it may hold personal data.
        data: {
          articleId: article.id,
          category: input.category,
          segmentIndex: anchor.segmentIndex,
          revisionSeen,
          hasSuggestion: Boolean(input.suggestion?.trim()),
        },
        requestId: opts.requestId,
      },
    ])})
    SELECT "id" FROM feedback`);
  return { id, stored: true };
}

/** The first statement's row: always the reader's counter; the article only when allowed. */
interface ReaderGate {
  count: number;
  retryAfter: number;
  id: string | null;
  title: string;
  currentRevision: number;
  publishedRevision: number | null;
  approvedRevision: number | null;
  publishedRevisions: number[] | null;
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
  /** The text of segment `input.segmentIndex` at `revision`, read with the article's limit. */
  segmentText: string | null,
): Promise<Anchor> {
  const quote = input.quote || null;
  const segmentIndex = input.segmentIndex ?? null;
  const hasOffsets = input.quoteStart != null && input.quoteEnd != null;
  if (segmentIndex === null && !quote) {
    if (hasOffsets) throw badRequest(ANCHOR_REFUSED);
    return { segmentIndex: null, quote: null, quoteStart: null, quoteEnd: null };
  }
  // With a segment index only that segment's text was read (one index probe, with the
  // article's limit); a bare quote has to be searched for in every segment.
  let texts: Map<number, string>;
  if (segmentIndex !== null) {
    if (segmentText === null) throw badRequest(ANCHOR_REFUSED);
    texts = new Map([[segmentIndex, segmentText]]);
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
