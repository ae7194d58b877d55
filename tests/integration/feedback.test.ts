import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { listArticles } from "@/lib/server/article-queue";
import {
  feedbackCountsForArticle,
  getFeedback,
  listFeedback,
  listFeedbackForArticle,
} from "@/lib/server/feedback-queries";
import { markFeedbackSpam, triageFeedback } from "@/lib/server/feedback-triage";
import { submitFeedback, type SubmitFeedbackInput } from "@/lib/server/feedback-intake";
import { countNewFeedback } from "@/lib/server/feedback-counts";
import { saveRevision } from "@/lib/server/revisions";
import { makeArticle, makeUser, publishArticle, expectAuditLogIntact } from "./factories";

// A fresh reader per call keeps the per-reader limit out of unrelated tests.
function reader(): { actor: Actor; ipHash: string } {
  const ipHash = randomBytes(16).toString("hex");
  return { actor: { type: "ANONYMOUS", ipHash }, ipHash };
}

function submit(articleId: string, input: Partial<SubmitFeedbackInput> = {}, who = reader()) {
  return submitFeedback({ articleId, category: "MISTRANSLATION", comment: "Wrong", ...input }, who);
}

const SEGMENT_1 = "This is the first paragraph.";

/** A published article: readers can only send feedback on text they are shown. */
async function setup() {
  const reviewer = await makeUser("REVIEWER");
  const editor = await makeUser("EDITOR");
  const article = await makeArticle(reviewer);
  await publishArticle(article.id, editor);
  return { reviewer, editor, article };
}

afterEach(() => {
  delete process.env.GALLEY_FEEDBACK_LIMIT_PER_READER;
  delete process.env.GALLEY_FEEDBACK_LIMIT_PER_ARTICLE;
  resetEnvCache();
});

describe("submitting feedback", () => {
  it("stores the item with its anchor, the reader's IP hash, and an anonymous audit event", async () => {
    const { article } = await setup();
    const who = reader();
    const res = await submit(
      article.id,
      {
        segmentIndex: 1,
        quoteStart: 8,
        quoteEnd: 27,
        quote: "the first paragraph",
        suggestion: "the opening paragraph",
        contact: "reader@example.com",
      },
      who,
    );
    expect(res.stored).toBe(true);
    const row = await db().feedback.findUniqueOrThrow({ where: { id: res.id } });
    expect(row).toMatchObject({
      articleId: article.id,
      segmentIndex: 1,
      quote: "the first paragraph",
      quoteStart: 8,
      quoteEnd: 27,
      revisionSeen: 1,
      status: "NEW",
      ipHash: who.ipHash,
      contact: "reader@example.com",
    });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { entityType: "feedback", entityId: res.id },
    });
    expect(event).toMatchObject({
      action: "feedback.submit",
      actorType: "ANONYMOUS",
      actorId: null,
    });
    expect(JSON.stringify(event.data)).not.toContain("reader@example.com");
    await expectAuditLogIntact();
  });

  it("derives the quote from offsets and locates a quote sent without them", async () => {
    const { article } = await setup();
    const fromOffsets = await submit(article.id, { segmentIndex: 1, quoteStart: 0, quoteEnd: 4 });
    expect(await db().feedback.findUniqueOrThrow({ where: { id: fromOffsets.id } })).toMatchObject({
      quote: "This",
    });
    const located = await submit(article.id, { quote: "second paragraph" });
    expect(await db().feedback.findUniqueOrThrow({ where: { id: located.id } })).toMatchObject({
      segmentIndex: 2,
      quoteStart: 12,
      quoteEnd: 28,
    });
    // "This is the" occurs in three segments: kept as text, not anchored.
    const ambiguous = await submit(article.id, { quote: "This is the" });
    expect(await db().feedback.findUniqueOrThrow({ where: { id: ambiguous.id } })).toMatchObject({
      segmentIndex: null,
      quoteStart: null,
    });
  });

  it("rejects bad anchors, unknown articles and over-long text, storing nothing", async () => {
    const { article } = await setup();
    const before = await db().feedback.count({ where: { articleId: article.id } });
    await expect(submit(article.id, { segmentIndex: 99 })).rejects.toMatchObject({ status: 400 });
    await expect(
      submit(article.id, { segmentIndex: 1, quoteStart: 3, quoteEnd: SEGMENT_1.length + 1 }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      submit(article.id, { segmentIndex: 1, quoteStart: 5, quoteEnd: 5 }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      submit(article.id, { segmentIndex: 1, quoteStart: 0, quoteEnd: 4, quote: "That" }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(submit(article.id, { quoteStart: 0, quoteEnd: 4 })).rejects.toMatchObject({
      status: 400,
    });
    await expect(submit(article.id, { revisionSeen: 2 })).rejects.toMatchObject({ status: 400 });
    await expect(submit("no-such-article")).rejects.toMatchObject({ status: 404 });
    await expect(submit(article.id, { comment: "x".repeat(5001) })).rejects.toMatchObject({
      status: 413,
    });
    await expect(submit(article.id, { suggestion: "x".repeat(5001) })).rejects.toMatchObject({
      status: 413,
    });
    await expect(submit(article.id, { quote: "x".repeat(2001) })).rejects.toMatchObject({
      status: 413,
    });
    expect(await db().feedback.count({ where: { articleId: article.id } })).toBe(before);
  });

  it("answers a filled honeypot as a success and stores nothing", async () => {
    const { article } = await setup();
    const res = await submit(article.id, { honeypot: "http://spam.example" });
    expect(res.stored).toBe(false);
    expect(res.id).toMatch(/^c[0-9a-z]+$/);
    expect(await db().feedback.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("records the published revision as seen by default, not a newer draft", async () => {
    const { reviewer, article } = await setup();
    await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "A draft nobody has published." }],
      actor: reviewer,
    });
    const res = await submit(article.id, { segmentIndex: 1, quoteStart: 0, quoteEnd: 4 });
    expect(await db().feedback.findUniqueOrThrow({ where: { id: res.id } })).toMatchObject({
      revisionSeen: 1,
      quote: "This",
    });
  });
});

describe("rate limits", () => {
  it("answers 429 with retryAfter past the per-reader limit and stores nothing", async () => {
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "2";
    resetEnvCache();
    const { article } = await setup();
    const who = reader();
    await submit(article.id, {}, who);
    await submit(article.id, {}, who);
    const err = await submit(article.id, {}, who).catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 429,
      code: "rate_limited",
      details: { retryAfter: expect.any(Number) },
      headers: { "Retry-After": expect.stringMatching(/^\d+$/) },
    });
    expect(await db().feedback.count({ where: { articleId: article.id } })).toBe(2);
    // Another reader is not affected.
    await expect(submit(article.id)).resolves.toMatchObject({ stored: true });
  });

  it("limits one article across readers without charging the reader", async () => {
    process.env.GALLEY_FEEDBACK_LIMIT_PER_ARTICLE = "2";
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "2";
    resetEnvCache();
    const { reviewer, editor, article } = await setup();
    const other = await makeArticle(reviewer);
    await publishArticle(other.id, editor);
    await submit(article.id);
    await submit(article.id);
    const who = reader();
    await expect(submit(article.id, {}, who)).rejects.toMatchObject({ status: 429 });
    expect(await db().feedback.count({ where: { articleId: article.id } })).toBe(2);
    // The refused attempt was given back: this reader still has two posts left.
    await submit(other.id, {}, who);
    await submit(other.id, {}, who);
    await expect(submit(other.id, {}, who)).rejects.toMatchObject({ status: 429 });
  });
});

describe("triage", () => {
  async function item(articleId: string, input: Partial<SubmitFeedbackInput> = {}) {
    return (await submit(articleId, input)).id;
  }

  async function triageEvents(id: string) {
    return db().auditEvent.findMany({
      where: { entityType: "feedback", entityId: id, action: "feedback.triage" },
      orderBy: { id: "asc" },
    });
  }

  it("rejects only with a reason, and audits every transition with from/to", async () => {
    const { reviewer, article } = await setup();
    const id = await item(article.id);
    await expect(
      triageFeedback({ id, status: "REJECTED", reason: "  ", actor: reviewer }),
    ).rejects.toMatchObject({ status: 400 });
    const rejected = await triageFeedback({
      id,
      status: "REJECTED",
      reason: "The translation is right",
      actor: reviewer,
    });
    expect(rejected).toMatchObject({
      status: "REJECTED",
      triageNote: "The translation is right",
      triagedBy: reviewer.email,
    });
    await triageFeedback({ id, status: "ACCEPTED", actor: reviewer });
    await triageFeedback({ id, status: "ACCEPTED", actor: reviewer }); // no-op
    const events = await triageEvents(id);
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ from: "NEW", to: "REJECTED", reason: "The translation is right" }),
      expect.objectContaining({ from: "REJECTED", to: "ACCEPTED" }),
    ]);
    expect(events[0]).toMatchObject({ actorType: "USER", actorId: reviewer.userId });
    await expect(
      triageFeedback({ id: "missing", status: "SPAM", actor: reviewer }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("marks duplicates only of existing items on the same article, pointing at the original", async () => {
    const { reviewer, editor, article } = await setup();
    const other = await makeArticle(reviewer);
    await publishArticle(other.id, editor);
    const original = await item(article.id);
    const second = await item(article.id);
    const third = await item(article.id);
    const elsewhere = await item(other.id);
    const dup = (id: string, duplicateOf?: string) =>
      triageFeedback({ id, status: "DUPLICATE", duplicateOf, actor: reviewer });
    await expect(dup(second)).rejects.toMatchObject({ status: 400 });
    await expect(dup(second, "no-such-item")).rejects.toMatchObject({ status: 400 });
    await expect(dup(second, elsewhere)).rejects.toMatchObject({ status: 400 });
    await expect(dup(second, second)).rejects.toMatchObject({ status: 400 });
    expect(await dup(second, original)).toMatchObject({
      status: "DUPLICATE",
      duplicateOfId: original,
    });
    // A duplicate of a duplicate points at the original; a cycle is refused.
    expect(await dup(third, second)).toMatchObject({ duplicateOfId: original });
    await expect(dup(original, third)).rejects.toMatchObject({ status: 400 });
    expect((await triageEvents(second))[0]?.data).toMatchObject({
      from: "NEW",
      to: "DUPLICATE",
      duplicateOf: original,
    });
  });

  it("settles an item through a saved revision; it can no longer be re-triaged", async () => {
    const { reviewer, article } = await setup();
    const id = await item(article.id, {
      segmentIndex: 1,
      quoteStart: 12,
      quoteEnd: 17,
      suggestion: "opening",
    });
    const saved = await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "This is the opening paragraph." }],
      feedbackId: id,
      actor: reviewer,
    });
    const settled = await getFeedback(id);
    expect(settled).toMatchObject({ status: "ACCEPTED", resolvingRevision: saved.revision });
    expect(settled.segment).toEqual({
      textSeen: SEGMENT_1,
      textCurrent: "This is the opening paragraph.",
      changedSince: true,
    });
    await expect(triageFeedback({ id, status: "SPAM", actor: reviewer })).rejects.toMatchObject({
      status: 409,
    });
    expect((await markFeedbackSpam({ ids: [id], actor: reviewer })).skipped).toEqual([id]);
  });

  it("marks many items as spam in one go, skipping those already settled or unknown", async () => {
    const { reviewer, article } = await setup();
    const a = await item(article.id);
    const b = await item(article.id);
    const c = await item(article.id);
    await triageFeedback({ id: c, status: "SPAM", actor: reviewer });
    const res = await markFeedbackSpam({ ids: [a, b, c, "unknown", a], actor: reviewer });
    expect(res.updated.sort()).toEqual([a, b].sort());
    expect(res.skipped.sort()).toEqual([c, "unknown"].sort());
    const rows = await db().feedback.findMany({ where: { id: { in: [a, b] } } });
    expect(rows.every((r) => r.status === "SPAM" && r.triagedById === reviewer.userId)).toBe(true);
    for (const id of [a, b]) {
      expect((await triageEvents(id)).map((e) => e.data)).toEqual([
        expect.objectContaining({ from: "NEW", to: "SPAM", bulk: true }),
      ]);
    }
    await expect(markFeedbackSpam({ ids: [], actor: reviewer })).rejects.toMatchObject({
      status: 400,
    });
    await expectAuditLogIntact();
  });
});

describe("reading feedback", () => {
  it("lists newest first with filters and keyset pages", async () => {
    const { reviewer, article } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await submit(article.id, { comment: `c${i}` })).id);
    await submit(article.id, { category: "GRAMMAR_OR_TYPO" });
    await triageFeedback({ id: ids[0]!, status: "SPAM", actor: reviewer });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listFeedback({
        articleId: article.id,
        category: "MISTRANSLATION",
        status: "NEW",
        limit: 2,
        cursor,
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids.slice(1).reverse());

    const byEngine = await listFeedback({ articleId: article.id, engine: "Test MT@1", limit: 50 });
    expect(byEngine.items).toHaveLength(6);
    const otherEngine = await listFeedback({ articleId: article.id, engine: "Nope", limit: 50 });
    expect(otherEngine.items).toHaveLength(0);
  });

  it("gives the workspace its items (no spam) and counts per status", async () => {
    const { reviewer, article } = await setup();
    const kept = await submit(article.id, {
      segmentIndex: 1,
      quoteStart: 0,
      quoteEnd: 4,
      suggestion: "That",
    });
    const spam = await submit(article.id);
    await triageFeedback({ id: spam.id, status: "SPAM", actor: reviewer });
    const items = await listFeedbackForArticle(article.id);
    expect(items).toEqual([
      {
        id: kept.id,
        segmentIndex: 1,
        quote: "This",
        quoteStart: 0,
        quoteEnd: 4,
        category: "MISTRANSLATION",
        suggestion: "That",
        comment: "Wrong",
        status: "NEW",
        revisionSeen: 1,
        createdAt: expect.any(String),
      },
    ]);
    expect(await feedbackCountsForArticle(article.id)).toMatchObject({
      NEW: 1,
      SPAM: 1,
      ACCEPTED: 0,
      total: 2,
    });
  });

  it("feeds the navigation badge and the queue's per-article NEW counts", async () => {
    const { reviewer, article } = await setup();
    const before = await countNewFeedback();
    const a = await submit(article.id);
    await submit(article.id);
    expect(await countNewFeedback()).toBe(before + 2);
    await triageFeedback({ id: a.id, status: "SPAM", actor: reviewer });
    expect(await countNewFeedback()).toBe(before + 1);
    const queue = await listArticles({ limit: 200 });
    expect(queue.items.find((i) => i.id === article.id)?.newFeedback).toBe(1);
  });
});
