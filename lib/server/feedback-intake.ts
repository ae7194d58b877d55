// Reader feedback from anonymous readers: limits first, then the public text only.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import { Prisma, db, rawPipeline, rawQuery } from "@/lib/db";
import { FEEDBACK_LIMITS, type FeedbackCategory } from "@/lib/domain/feedback";
import { env } from "@/lib/env";
import { AppError, badRequest, notFound, tooLarge } from "@/lib/errors";
import { auditInsertSql } from "./audit";
import { eventOutboxCtes } from "./events";
import { feedbackNotificationsSql } from "./notifications";
import { publicRevisionOf, publicRevisionSql } from "./public-articles";
import { rateLimitHitSql, releaseRateLimit } from "./rate-limit";
import { textsAtRevision } from "./revision-texts";

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
 * or an earlier published one). Then the item, its notifications, its audit
 * event and its outbox event are written by one statement. Refused requests store nothing.
 *
 * This is the public, hottest write path, and the server's CPU was its limit: each statement
 * through the ORM costs CPU, and each round trip a socket write (the profile showed the
 * writes alone at a fifth of the server's CPU). So it runs straight on PostgreSQL (rawQuery)
 * where it ran ten statements through the ORM: one statement that checks, each step only when
 * the one before allows it (a refused request still reads nothing), and one that writes, which
 * PostgreSQL commits atomically, audit event included. Usually both go in one round trip
 * (rawPipeline, ADR 017): the write is sent with the checks and runs only if their verdict,
 * left on the session, names this request. That needs what the write records to be known
 * before the checks ran: the quote's anchor as the reader's script sends it, and the revision
 * and title the article showed on this instance's last request (`shownBefore`), which the
 * checks confirm. Otherwise (the first request for an article on an instance, a publication
 * since, a quote without offsets, text PostgreSQL counts differently from JavaScript) the
 * write is sent after the checks, as its own round trip.
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
  const articleKey = `feedback:article:${input.articleId}`;
  const segmentIndex = input.segmentIndex ?? null;
  const shownSql = publicRevisionSql("article");
  const id = newFeedbackId();
  // The write sent with the checks, when what it records is known now (see above).
  const anchorNow = anchorFromRequest(input);
  const before = anchorNow ? shownBefore.get(input.articleId) : undefined;
  const revisionNow = input.revisionSeen ?? before?.revision;
  const writeNow =
    anchorNow && before && revisionNow !== undefined
      ? { anchor: anchorNow, revision: revisionNow, title: before.title }
      : null;
  // The checks, in the order the answers below give them, each step running only when the one
  // before allows it: count the reader's hit; read the article only if that count allows;
  // count the article's hit only if readers are shown it and the revision the reader saw is
  // one they were shown; read the quoted segment's text only if that count allows. With
  // writeNow, `decision` holds a row only if every check passed and what the write records is
  // so (the revision and title expected, the quote at its offsets in that revision's text),
  // and the statement leaves its verdict on the session (GATE_SETTING) for the write queued
  // behind it. This statement only counts (it stores nothing of the reader's), so its commit
  // need not wait for the WAL flush (set_config … local: this statement's own transaction). A
  // PostgreSQL crash may forget the last moment's counts, harmless for a limit; and every
  // reader updates the article's one counter row, whose lock would otherwise be held through
  // a flush per request. The write commits on its own, durably: a 201 is a stored row.
  const gateSql = Prisma.sql`
    WITH reader AS (${rateLimitHitSql([readerKey], window)}
    ), article AS (
      SELECT a."id", a."title", a."currentRevision", a."publishedRevision", a."approvedRevision",
        (SELECT array_agg(DISTINCT p."revisionNumber") FROM "Publication" p
          WHERE p."articleId" = a."id") AS "publishedRevisions"
      FROM reader JOIN "Article" a
        ON a."id" = ${input.articleId} AND reader."count" <= ${GALLEY_FEEDBACK_LIMIT_PER_READER}
    ), seen AS (
      SELECT COALESCE(${input.revisionSeen ?? null}::int, ${shownSql}) AS "revision"
      FROM article
      WHERE ${shownSql} IS NOT NULL AND (${input.revisionSeen ?? null}::int IS NULL
        OR ${input.revisionSeen ?? null}::int = ${shownSql}
        OR ${input.revisionSeen ?? null}::int = ANY(article."publishedRevisions"))
    ), counted AS (${rateLimitHitSql([articleKey], window, Prisma.sql`EXISTS (SELECT 1 FROM seen)`)}
    ), segment AS (
      SELECT ${
        segmentIndex === null
          ? Prisma.sql`NULL::text`
          : Prisma.sql`(SELECT st."text" FROM "SegmentText" st
              WHERE st."articleId" = article."id" AND st."segmentIndex" = ${segmentIndex}
                AND st."revisionNumber" <= seen."revision"
              ORDER BY st."revisionNumber" DESC LIMIT 1)`
      } AS "text"
      FROM article, seen, counted WHERE counted."count" <= ${GALLEY_FEEDBACK_LIMIT_PER_ARTICLE}
    )${
      writeNow
        ? Prisma.sql`, decision AS (
      SELECT FROM article, seen, segment
      WHERE seen."revision" = ${writeNow.revision} AND article."title" = ${writeNow.title}
        AND ${anchorHoldsSql(writeNow.anchor)}
    )`
        : Prisma.empty
    }
    SELECT reader."count" AS "readerCount", reader."retryAfter" AS "readerRetryAfter",
      article.*, counted."count" AS "articleCount", counted."retryAfter" AS "articleRetryAfter",
      segment."text" AS "segmentText"
    FROM reader LEFT JOIN article ON true LEFT JOIN seen ON true LEFT JOIN counted ON true
      LEFT JOIN segment ON true,
      (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed${
        writeNow
          ? Prisma.sql`,
      (SELECT set_config(${GATE_SETTING},
        CASE WHEN EXISTS (SELECT 1 FROM decision) THEN ${id} ELSE '' END, false)) AS verdict`
          : Prisma.empty
      }`;
  let gate: Gate;
  if (writeNow) {
    // One round trip: the write runs right after the checks on the same session, and only if
    // their verdict names this request's item (a failed check statement leaves an older
    // verdict, or none).
    const write = Prisma.sql`
      WITH ${writeCtes(
        { id, articleId: input.articleId, title: writeNow.title, revisionSeen: writeNow.revision },
        writeNow.anchor,
        input,
        opts,
        Prisma.sql`current_setting(${GATE_SETTING}, true) = ${id}`,
      )}
      SELECT EXISTS (SELECT 1 FROM feedback) AS "written", (SELECT count(*) FROM outbox_jobs) AS "jobs"`;
    const [checked, wrote] = await rawPipeline([gateSql, write]);
    if (checked!.status === "rejected") throw checked!.reason;
    if (wrote!.status === "rejected") throw wrote!.reason;
    if (wrote!.value[0]?.written === true) return { id, stored: true };
    gate = checked!.value[0] as unknown as Gate;
  } else {
    [gate] = (await rawQuery<Gate>(gateSql)) as [Gate];
  }
  if (gate.readerCount > GALLEY_FEEDBACK_LIMIT_PER_READER) {
    throw rateLimited(gate.readerRetryAfter, "reader");
  }
  const article = gate.id === null ? null : { ...gate!, id: gate.id };
  const shown = article ? publicRevisionOf(article) : null;
  // Unknown and never-shown articles get the same answer: readers cannot see either.
  if (!article || !shown) throw notFound("Article");
  rememberShown(article.id, { revision: shown.revision, title: article.title });
  const revisionSeen = input.revisionSeen ?? shown.revision;
  if (revisionSeen !== shown.revision && !article.publishedRevisions?.includes(revisionSeen)) {
    throw badRequest(ANCHOR_REFUSED);
  }
  // The statement made the same decisions as the lines above (publicRevisionSql mirrors
  // publicRevisionOf), so it counted the article's hit; a disagreement is a bug, not input.
  if (gate.articleCount === null) throw new Error("feedback gate: the article was not counted");
  if (gate.articleCount > GALLEY_FEEDBACK_LIMIT_PER_ARTICLE) {
    // The reader did nothing wrong; only the article is saturated.
    await releaseRateLimit(readerKey);
    throw rateLimited(gate.articleRetryAfter!, "article");
  }
  const anchor = await anchorQuote(input, article.id, revisionSeen, gate.segmentText);
  // The write on its own: one atomic statement.
  await rawQuery(Prisma.sql`
    WITH ${writeCtes({ id, articleId: article.id, title: article.title, revisionSeen }, anchor, input, opts)}
    SELECT (SELECT count(*) FROM outbox_jobs) AS "jobs"`);
  return { id, stored: true };
}

/** Where the checks leave their verdict for the write behind them: the item's id, or ''. */
const GATE_SETTING = "galley.feedback_gate";

/**
 * The revision and title each article showed readers on this instance's last request, for the
 * next request's write sent with its checks (which confirm both, so a stale entry only costs
 * that request a second round trip). Bounded: the least recently stored entry goes first.
 */
const shownBefore = new Map<string, { revision: number; title: string }>();
const SHOWN_BEFORE_MAX = 1000;

function rememberShown(articleId: string, shown: { revision: number; title: string }): void {
  shownBefore.delete(articleId);
  shownBefore.set(articleId, shown);
  if (shownBefore.size > SHOWN_BEFORE_MAX) shownBefore.delete(shownBefore.keys().next().value!);
}

/** Astral characters: one in JavaScript's string length (UTF-16) counts two, in PostgreSQL's one. */
const ASTRAL = /[\uD800-\uDFFF]/;

/**
 * The anchor the write records, when the request alone determines it: no anchor, a segment,
 * or a quote with its offsets (what the reading page and the embed send), which the statement
 * then checks against the segment's text (anchorHoldsSql). Null: only anchorQuote can tell.
 */
function anchorFromRequest(input: SubmitFeedbackInput): Anchor | null {
  const quote = input.quote || null;
  const segmentIndex = input.segmentIndex ?? null;
  const start = input.quoteStart ?? null;
  const end = input.quoteEnd ?? null;
  if (start === null && end === null && quote === null) {
    return { segmentIndex, quote: null, quoteStart: null, quoteEnd: null };
  }
  if (segmentIndex === null || quote === null || start === null || end === null) return null;
  if (start < 0 || end - start !== quote.length || ASTRAL.test(quote)) return null;
  return { segmentIndex, quote, quoteStart: start, quoteEnd: end };
}

/**
 * anchorQuote's checks of an anchorFromRequest in SQL, on the text `segment` read: the segment
 * exists at that revision, and the quote is the text between its offsets. PostgreSQL counts
 * characters where JavaScript counts UTF-16 units, so text with astral characters is left to
 * anchorQuote.
 */
function anchorHoldsSql(anchor: Anchor): Prisma.Sql {
  if (anchor.segmentIndex === null) return Prisma.sql`true`;
  if (anchor.quote === null) return Prisma.sql`segment."text" IS NOT NULL`;
  return Prisma.sql`segment."text" IS NOT NULL
    AND segment."text" !~ '[\\U00010000-\\U0010FFFF]'
    AND char_length(segment."text") >= ${anchor.quoteEnd}
    AND substr(segment."text", ${anchor.quoteStart! + 1}, ${anchor.quote.length}) = ${anchor.quote}`;
}

/**
 * The write, as CTEs of one data-modifying statement: the item, its notifications, its audit
 * event and its outbox event (webhooks, chat). With `when`, all of it only if that holds.
 */
function writeCtes(
  item: { id: string; articleId: string; title: string; revisionSeen: number },
  anchor: Anchor,
  input: SubmitFeedbackInput,
  opts: SubmitFeedbackOptions,
  when: Prisma.Sql = Prisma.sql`true`,
): Prisma.Sql {
  const { id, articleId, revisionSeen } = item;
  const hasSuggestion = Boolean(input.suggestion?.trim());
  return Prisma.sql`feedback AS (
      INSERT INTO "Feedback" ("id", "articleId", "revisionSeen", "segmentIndex", "quote", "quoteStart",
        "quoteEnd", "category", "suggestion", "comment", "contact", "status", "ipHash", "createdAt")
      SELECT ${id}::text, ${articleId}::text, ${revisionSeen}::int, ${anchor.segmentIndex}::int,
        ${anchor.quote}::text, ${anchor.quoteStart}::int, ${anchor.quoteEnd}::int,
        ${input.category}::"FeedbackCategory", ${input.suggestion?.trim() || null}::text,
        ${input.comment?.trim() ?? ""}::text, ${input.contact || null}::text,
        'NEW'::"FeedbackStatus", ${opts.ipHash}::text, ${new Date()}::timestamp
      WHERE ${when}
      RETURNING "id"
    ), notified AS (${feedbackNotificationsSql({
      articleId,
      articleTitle: item.title,
      category: input.category,
      when,
    })}), audited AS (${auditInsertSql(
      [
        {
          actor: opts.actor,
          action: "feedback.submit",
          entityType: "feedback",
          entityId: id,
          // The text itself stays out of the log: it may hold personal data.
          data: {
            articleId,
            category: input.category,
            segmentIndex: anchor.segmentIndex,
            revisionSeen,
            hasSuggestion,
          },
          requestId: opts.requestId,
        },
      ],
      when,
    )}),
    ${eventOutboxCtes(
      "feedback.received",
      [
        {
          articleId,
          // Readers' free text and address stay out of the payload (personal data); the quote
          // is public text.
          data: {
            feedbackId: id,
            articleId,
            category: input.category,
            segmentIndex: anchor.segmentIndex,
            quote: anchor.quote,
            revisionSeen,
            hasSuggestion,
          },
          chat: { event: "feedback.received", facts: { category: input.category } },
        },
      ],
      when,
    )}`;
}

/** The first statement's row: the reader's counter; the rest only as far as the checks went. */
interface Gate {
  readerCount: number;
  readerRetryAfter: number;
  articleCount: number | null;
  articleRetryAfter: number | null;
  segmentText: string | null;
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
  /** The text of segment `input.segmentIndex` at `revision`, read with the limits. */
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
