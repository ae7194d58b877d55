// The public intake decides in one statement (lib/server/feedback-intake.ts): these pin down
// that the order of its checks and "refused requests store nothing" survive that.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { submitFeedback, type SubmitFeedbackInput } from "@/lib/server/feedback-intake";
import { publicRevisionOf, publicRevisionSql } from "@/lib/server/public-articles";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { createWebhook, deleteWebhook } from "@/lib/server/webhooks";
import { makeArticle, makeUser, publishArticle } from "./factories";

function reader(ipHash = randomBytes(16).toString("hex")) {
  return { actor: { type: "ANONYMOUS" as const, ipHash }, ipHash };
}

function submit(articleId: string, input: Partial<SubmitFeedbackInput>, who = reader()) {
  return submitFeedback({ articleId, category: "OTHER", comment: "probe", ...input }, who);
}

const status = (p: Promise<unknown>) =>
  p.then(
    () => 201,
    (e: { status?: number }) => e.status ?? 500,
  );

/** A published article (revision 1) whose reviewer saved a draft (revision 2), so feedback notifies. */
async function publishedWithDraft() {
  const reviewer = await makeUser("REVIEWER");
  const editor = await makeUser("EDITOR");
  const article = await makeArticle(reviewer);
  await publishArticle(article.id, editor);
  await saveRevision({
    articleId: article.id,
    baseRevision: 1,
    segments: [{ index: 1, text: "A draft readers are not shown." }],
    actor: reviewer,
  });
  return article;
}

/** Everything a feedback request may write, for "stores nothing" checks. */
async function footprint(articleId: string) {
  const [feedback, notifications, audit, articleHits] = await Promise.all([
    db().feedback.count({ where: { articleId } }),
    db().notification.count({ where: { articleId } }),
    db().auditEvent.count({
      where: { action: "feedback.submit", data: { path: ["articleId"], equals: articleId } },
    }),
    db().rateLimit.findUnique({ where: { key: `feedback:article:${articleId}` } }),
  ]);
  return { feedback, notifications, audit, articleCount: articleHits?.count ?? 0 };
}

afterEach(() => {
  delete process.env.GALLEY_FEEDBACK_LIMIT_PER_READER;
  delete process.env.GALLEY_FEEDBACK_LIMIT_PER_ARTICLE;
  resetEnvCache();
});

describe("feedback intake: order of the checks", () => {
  it("counts the reader's limit before the article is looked up: unknown articles use it up too", async () => {
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "2";
    resetEnvCache();
    const article = await publishedWithDraft();
    const me = reader();
    const statuses = [
      await status(submit("no-such-article-1", {}, me)),
      await status(submit("no-such-article-2", {}, me)),
      // Past the limit, a known and an unknown article get the same answer.
      await status(submit(article.id, {}, me)),
      await status(submit("no-such-article-3", {}, me)),
    ];
    expect(statuses).toEqual([404, 404, 429, 429]);
    // The refused request to the real article did not count against the article either.
    expect((await footprint(article.id)).articleCount).toBe(0);
  });

  it("counts the article's limit only for an article readers are shown, with a revision they saw", async () => {
    const hidden = await makeArticle(await makeUser("REVIEWER"));
    const shown = await publishedWithDraft();
    expect(await status(submit(hidden.id, {}))).toBe(404);
    expect(await status(submit(shown.id, { revisionSeen: 2 }))).toBe(400);
    expect((await footprint(hidden.id)).articleCount).toBe(0);
    expect((await footprint(shown.id)).articleCount).toBe(0);
    expect(await status(submit(shown.id, { segmentIndex: 99 }))).toBe(400); // after the limit
    expect((await footprint(shown.id)).articleCount).toBe(1);
  });

  it("stores nothing for any refused request: no item, notification or audit event", async () => {
    const article = await publishedWithDraft();
    const before = await footprint(article.id);
    const refusals: [Partial<SubmitFeedbackInput>, number][] = [
      [{ segmentIndex: 99 }, 400],
      [{ segmentIndex: 1, quoteStart: 0, quoteEnd: 4, quote: "Nope" }, 400],
      [{ segmentIndex: 1, quoteStart: 0, quoteEnd: 10_000 }, 400],
      [{ revisionSeen: 2 }, 400],
      [{ comment: "x".repeat(5001) }, 413],
    ];
    for (const [input, expected] of refusals) {
      expect(await status(submit(article.id, input))).toBe(expected);
    }
    // Past the reader's limit (its first request spent it), then past the article's (the
    // anchor refusals above were counted against it).
    const me = reader();
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "1";
    resetEnvCache();
    expect(await status(submit(article.id, { segmentIndex: 99 }, me))).toBe(400);
    expect(await status(submit(article.id, {}, me))).toBe(429);
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "100";
    process.env.GALLEY_FEEDBACK_LIMIT_PER_ARTICLE = "1";
    resetEnvCache();
    expect(await status(submit(article.id, {}))).toBe(429);
    const after = await footprint(article.id);
    expect(after).toMatchObject({
      feedback: before.feedback,
      notifications: before.notifications,
      audit: before.audit,
    });

    // And an accepted one writes all three at once.
    delete process.env.GALLEY_FEEDBACK_LIMIT_PER_ARTICLE;
    resetEnvCache();
    await db().rateLimit.deleteMany({ where: { key: `feedback:article:${article.id}` } });
    expect(await status(submit(article.id, { segmentIndex: 1, quoteStart: 0, quoteEnd: 4 }))).toBe(
      201,
    );
    expect(await footprint(article.id)).toMatchObject({
      feedback: before.feedback + 1,
      notifications: before.notifications + 1,
      audit: before.audit + 1,
    });
  });

  it("writes the feedback.received outbox event with the item, and none for a refused request", async () => {
    process.env.GALLEY_WEBHOOK_ALLOW_PRIVATE = "1";
    resetEnvCache();
    const admin = await makeUser("ADMIN");
    // No job runner in this file: the delivery stays queued, nothing is sent.
    const hook = await createWebhook(
      { url: "http://127.0.0.1:9/feedback", events: ["feedback.received"], description: "t" },
      admin,
    );
    try {
      const article = await publishedWithDraft();
      expect(await status(submit(article.id, { segmentIndex: 99 }))).toBe(400);
      const res = await submit(article.id, { segmentIndex: 1, quoteStart: 0, quoteEnd: 4 });
      // A refused request after an accepted one: no event either.
      const wrongQuote = { segmentIndex: 1, quote: "Nope", quoteStart: 0, quoteEnd: 4 };
      expect(await status(submit(article.id, wrongQuote))).toBe(400);
      const deliveries = await db().webhookDelivery.findMany({ where: { webhookId: hook.id } });
      expect(deliveries.map((d) => JSON.parse(d.body).data.feedbackId)).toEqual([res.id]);
      const jobs = await db().$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM graphile_worker._private_jobs
        WHERE payload->>'deliveryId' = ${deliveries[0]!.id}`;
      expect(Number(jobs[0]!.n)).toBe(1);
    } finally {
      await deleteWebhook(hook.id, admin);
      delete process.env.GALLEY_WEBHOOK_ALLOW_PRIVATE;
      resetEnvCache();
    }
  });

  it("records the revision and title readers were shown when the reader wrote", async () => {
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(reviewer);
    await publishArticle(article.id, editor);
    const quoted = { segmentIndex: 1, quote: "This", quoteStart: 0, quoteEnd: 4 };
    const first = await submit(article.id, quoted);
    const second = await submit(article.id, quoted);
    // A draft renames the article (the title notifications name) but readers still see 1.
    await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 0, text: "A corrected title" }],
      actor: reviewer,
    });
    const third = await submit(article.id, quoted);
    // Approved and published, revision 2 is what readers see.
    for (const to of ["APPROVED", "PUBLISHED"] as const) {
      await changeStatus({
        articleId: article.id,
        to,
        actor: editor,
        override: { reason: "test" },
      });
    }
    const fourth = await submit(article.id, quoted);
    const items = await db().feedback.findMany({
      where: { id: { in: [first.id, second.id, third.id, fourth.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(items.map((i) => [i.revisionSeen, i.quote, i.quoteStart, i.quoteEnd])).toEqual([
      [1, "This", 0, 4],
      [1, "This", 0, 4],
      [1, "This", 0, 4],
      [2, "This", 0, 4],
    ]);
    const notes = await db().notification.findMany({
      where: { articleId: article.id, kind: "FEEDBACK", userId: reviewer.userId },
      orderBy: { createdAt: "asc" },
    });
    expect(notes.map((n) => n.text.includes("A corrected title"))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it("checks offsets as JavaScript counts them, also in text with astral characters", async () => {
    const reviewer = await makeUser("REVIEWER");
    const article = await makeArticle(reviewer, { mt: "😀ab, then more.\n\nTwo.\n\nThree." });
    await publishArticle(article.id, await makeUser("EDITOR"));
    // In UTF-16 "😀" is two units: "ab" is at 2–4. At 1–3 PostgreSQL, counting characters,
    // would find "ab"; JavaScript finds half an emoji and an "a".
    expect(await status(submit(article.id, { segmentIndex: 1 }))).toBe(201);
    const wrong = { segmentIndex: 1, quote: "ab", quoteStart: 1, quoteEnd: 3 };
    expect(await status(submit(article.id, wrong))).toBe(400);
    const right = await submit(article.id, {
      segmentIndex: 1,
      quote: "ab",
      quoteStart: 2,
      quoteEnd: 4,
    });
    const item = await db().feedback.findUniqueOrThrow({ where: { id: right.id } });
    expect([item.quote, item.quoteStart, item.quoteEnd]).toEqual(["ab", 2, 4]);
    expect(await db().feedback.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("decides what readers are shown in SQL exactly as publicRevisionOf does", async () => {
    for (const showUnreviewed of [false, true]) {
      for (const publishedRevision of [null, 3]) {
        for (const approvedRevision of [null, 2]) {
          const pointers = { currentRevision: 4, publishedRevision, approvedRevision };
          const rows = await db().$queryRaw<{ shown: number | null }[]>`
            SELECT ${publicRevisionSql("a", showUnreviewed)} AS shown
            FROM (SELECT ${pointers.currentRevision}::int AS "currentRevision",
              ${publishedRevision}::int AS "publishedRevision",
              ${approvedRevision}::int AS "approvedRevision") a`;
          expect(rows[0]!.shown).toBe(publicRevisionOf(pointers, showUnreviewed)?.revision ?? null);
        }
      }
    }
  });
});
