import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { submitFeedback } from "@/lib/server/feedback-intake";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { makeArticle, makeUser, publishArticle, expectAuditLogIntact } from "./factories";

// Concurrency invariants from the reliability issue: nothing lost, nothing
// duplicated, revision numbers contiguous, audit chain intact.
describe("concurrent writers", () => {
  it("stores each of 100 concurrent reader reports exactly once", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor);
    await publishArticle(article.id, editor);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        submitFeedback(
          { articleId: article.id, category: "OTHER", comment: `reader ${i}` },
          {
            actor: { type: "ANONYMOUS", ipHash: `reader-${i}` },
            ipHash: `reader-${i}`,
            requestId: `r-${i}`,
          },
        ),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(100);
    const rows = await db().feedback.findMany({
      where: { articleId: article.id },
      select: { comment: true },
    });
    expect(rows.map((r) => r.comment).sort()).toEqual(
      Array.from({ length: 100 }, (_, i) => `reader ${i}`).sort(),
    );
    expect(
      await db().auditEvent.count({
        where: { action: "feedback.submit", entityId: { in: results.map((r) => r.id) } },
      }),
    ).toBe(100);
    await expectAuditLogIntact();
  });

  it("keeps revisions contiguous and status consistent when status changes race saves", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor);
    await changeStatus({ articleId: article.id, to: "IN_REVIEW", actor: editor });
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 15; i++) {
      // Each save reads the current revision first, so some will be stale (409) by design.
      work.push(
        db()
          .article.findUniqueOrThrow({ where: { id: article.id } })
          .then((a) =>
            saveRevision({
              articleId: article.id,
              baseRevision: a.currentRevision,
              segments: [{ index: 1 + (i % 3), text: `race ${i}` }],
              actor: editor,
            }),
          ),
      );
      work.push(
        changeStatus({
          articleId: article.id,
          to: i % 2 ? "APPROVED" : "IN_REVIEW",
          actor: editor,
        }),
      );
    }
    const settled = await Promise.allSettled(work);
    for (const s of settled) {
      if (s.status === "rejected") expect((s.reason as { status?: number }).status).toBe(409);
    }
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT number FROM "Revision" WHERE "articleId" = $1 ORDER BY number`,
        [article.id],
      );
      const numbers = rows.map((r) => r.number as number);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      const a = await db().article.findUniqueOrThrow({ where: { id: article.id } });
      expect(a.currentRevision).toBe(numbers.at(-1));
      // Every revision's audit event exists exactly once.
      const events = await db().auditEvent.count({
        where: { entityId: article.id, action: "revision.create" },
      });
      expect(events).toBe(numbers.length - 1);
      // An approval always names the revision that was current when it happened.
      if (a.status === "APPROVED") expect(a.approvedRevision).toBe(a.currentRevision);
    } finally {
      await client.end();
    }
    await expectAuditLogIntact();
  });
});
