import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getArticleView } from "@/lib/server/articles";
import { changeStatus, revertArticle, saveRevision } from "@/lib/server/revisions";
import { makeArticle, makeUser, expectAuditLogIntact } from "./factories";

describe("saving revisions", () => {
  it("stores only changed segments and carries the rest over", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    const res = await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [
        { index: 1, text: "This is the very first paragraph." },
        { index: 2, text: "This is the second paragraph." }, // unchanged
      ],
      actor: reviewer,
    });
    expect(res).toEqual({ created: true, revision: 2 });
    const rows = await db().segmentText.findMany({ where: { articleId: a.id, revisionNumber: 2 } });
    expect(rows.map((r) => r.segmentIndex)).toEqual([1]);
    const view = await getArticleView(a.id);
    expect(view.status).toBe("IN_REVIEW");
    expect(view.segments.map((s) => s.text)).toEqual([
      "A title",
      "This is the very first paragraph.",
      "This is the second paragraph.",
      "This is the third paragraph.",
    ]);
    const rev = await db().revision.findFirstOrThrow({ where: { articleId: a.id, number: 2 } });
    expect(rev).toMatchObject({
      wordsAdded: 1,
      wordsRemoved: 0,
      segmentsChanged: 1,
      parentNumber: 1,
    });
  });

  it("writes nothing for a save without changes", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    const res = await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "This is the first paragraph." }],
      actor: reviewer,
    });
    expect(res).toEqual({ created: false, revision: 1 });
    expect(await db().revision.count({ where: { articleId: a.id } })).toBe(1);
  });

  it("lets exactly one of 20 concurrent saves on the same base win", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        saveRevision({
          articleId: a.id,
          baseRevision: 1,
          segments: [{ index: 1, text: `Edit number ${i}` }],
          actor: reviewer,
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const l of lost) {
      expect((l as PromiseRejectedResult).reason).toMatchObject({
        status: 409,
        details: { currentRevision: 2 },
      });
    }
    expect(await db().revision.count({ where: { articleId: a.id } })).toBe(2);
    await expectAuditLogIntact();
  });

  it("answers a stale base with 409 and the current text of the segments", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "Theirs." }],
      actor: reviewer,
    });
    await expect(
      saveRevision({
        articleId: a.id,
        baseRevision: 1,
        segments: [{ index: 1, text: "Mine." }],
        actor: reviewer,
      }),
    ).rejects.toMatchObject({
      status: 409,
      details: { currentRevision: 2, segments: [{ index: 1, text: "Theirs." }] },
    });
  });

  it("rejects unknown segment indices with 400", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    await expect(
      saveRevision({
        articleId: a.id,
        baseRevision: 1,
        segments: [{ index: 42, text: "x" }],
        actor: reviewer,
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("reverts to revision 1 exactly, as a new revision", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    const mt = (await getArticleView(a.id)).segments.map((s) => s.text);
    await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [
        { index: 1, text: "Changed one." },
        { index: 3, text: "Changed three." },
      ],
      actor: reviewer,
    });
    await saveRevision({
      articleId: a.id,
      baseRevision: 2,
      segments: [{ index: 2, text: "Changed two." }],
      actor: reviewer,
    });
    const res = await revertArticle({
      articleId: a.id,
      to: 1,
      baseRevision: 3,
      reason: "bad edits",
      actor: reviewer,
    });
    expect(res).toEqual({ created: true, revision: 4 });
    expect((await getArticleView(a.id)).segments.map((s) => s.text)).toEqual(mt);
    expect(await db().revision.count({ where: { articleId: a.id } })).toBe(4);
  });
});

describe("status workflow", () => {
  it("follows NEW → IN_REVIEW → APPROVED → PUBLISHED and back to review on edit", async () => {
    const editor = await makeUser("EDITOR");
    const a = await makeArticle(editor);
    await expect(
      changeStatus({ articleId: a.id, to: "APPROVED", actor: editor }),
    ).rejects.toMatchObject({
      status: 409,
      details: { allowed: ["IN_REVIEW"] },
    });
    await changeStatus({ articleId: a.id, to: "IN_REVIEW", actor: editor });
    await changeStatus({ articleId: a.id, to: "APPROVED", actor: editor });
    await changeStatus({ articleId: a.id, to: "PUBLISHED", actor: editor });
    await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "Correction." }],
      actor: editor,
    });
    const article = await db().article.findUniqueOrThrow({ where: { id: a.id } });
    expect(article).toMatchObject({
      status: "IN_REVIEW",
      publishedRevision: 1,
      currentRevision: 2,
    });
    const actions = (
      await db().auditEvent.findMany({ where: { entityId: a.id }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual([
      "article.ingest",
      "article.status",
      "article.status",
      "article.status",
      "revision.create",
    ]);
  });

  it("requires approve:article to approve", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    await changeStatus({ articleId: a.id, to: "IN_REVIEW", actor: reviewer });
    await expect(
      changeStatus({ articleId: a.id, to: "APPROVED", actor: reviewer }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
