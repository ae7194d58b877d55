import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listArticles } from "@/lib/server/article-queue";
import { getArticleView } from "@/lib/server/articles";
import { ingestArticle } from "@/lib/server/ingest";
import { articleInput, makeUser } from "./factories";

describe("ingest", () => {
  it("stores the AI-disclosure footer apart from the segments", async () => {
    const editor = await makeUser("EDITOR");
    const res = await ingestArticle(
      articleInput({
        source: undefined,
        mt: "First paragraph.\n\nSecond paragraph.\n\n※ This article has been translated by AI. Share your feedback here.",
      }),
      editor,
    );
    expect(res).toMatchObject({
      created: true,
      article: { status: "NEW", segmentCount: 3, revision: 1 },
    });
    const view = await getArticleView(res.article.id);
    expect(view.footer).toBe("※ This article has been translated by AI. Share your feedback here.");
    expect(view.segments.map((s) => [s.index, s.kind, s.text])).toEqual([
      [0, "TITLE", "A title"],
      [1, "PARAGRAPH", "First paragraph."],
      [2, "PARAGRAPH", "Second paragraph."],
    ]);
  });

  it("is idempotent for the same externalId and content, 409 for different content", async () => {
    const editor = await makeUser("EDITOR");
    const input = articleInput();
    const first = await ingestArticle(input, editor);
    const again = await ingestArticle(input, editor);
    expect(again.created).toBe(false);
    expect(again.article.id).toBe(first.article.id);
    await expect(
      ingestArticle({ ...input, mt: input.mt + " changed" }, editor),
    ).rejects.toMatchObject({
      status: 409,
      details: { existingId: first.article.id },
    });
    expect(await db().article.count({ where: { externalId: input.externalId } })).toBe(1);
  });

  it("gives one article under concurrent identical ingests", async () => {
    const editor = await makeUser("EDITOR");
    const input = articleInput();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => ingestArticle(input, editor)),
    );
    expect(new Set(results.map((r) => r.article.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it("answers 400 naming both counts when paragraphs do not align", async () => {
    const editor = await makeUser("EDITOR");
    await expect(
      ingestArticle(articleInput({ source: "하나.\n\n둘.", mt: "One.\n\nTwo.\n\nThree." }), editor),
    ).rejects.toMatchObject({ status: 400, details: { sourceParagraphs: 2, mtParagraphs: 3 } });
  });

  it("writes nothing when the transaction fails part-way", async () => {
    const editor = await makeUser("EDITOR");
    const before = await db().segment.count();
    // A too-long byline for nothing, but an invalid engine id cannot happen through the API;
    // instead force a failure with a duplicate slug collision on a unique column.
    const input = articleInput();
    const created = await ingestArticle(input, editor);
    const article = await db().article.findUniqueOrThrow({ where: { id: created.article.id } });
    const failing = db().$transaction(async (tx) => {
      await tx.segment.create({
        data: { articleId: article.id, index: 99, kind: "PARAGRAPH", mt: "x" },
      });
      await tx.article.create({
        data: { ...article, id: undefined, searchText: undefined } as never,
      });
    });
    await expect(failing).rejects.toThrow();
    expect(await db().segment.count()).toBe(before + 4);
  });

  it("finds articles by full-text search and pages with a keyset cursor", async () => {
    const editor = await makeUser("EDITOR");
    const word = `zebra${Date.now()}`;
    for (let i = 0; i < 3; i++) {
      await ingestArticle(
        articleInput({ mt: `A story about the ${word} number ${i}.`, source: undefined }),
        editor,
      );
    }
    const found = await listArticles({ q: word, limit: 2 });
    expect(found.items).toHaveLength(2);
    expect(found.nextCursor).not.toBeNull();
    const rest = await listArticles({ q: word, limit: 2, cursor: found.nextCursor! });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const ids = new Set([...found.items, ...rest.items].map((a) => a.id));
    expect(ids.size).toBe(3);
  });
});
