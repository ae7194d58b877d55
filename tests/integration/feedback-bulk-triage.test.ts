import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as bulkRoute } from "@/app/api/v1/feedback/bulk/route";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/server/api-tokens";
import { submitFeedback } from "@/lib/server/feedback-intake";
import { getFeedback } from "@/lib/server/feedback-queries";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { callRoute } from "./api-call";
import { makeArticle, makeUser, publishArticle } from "./factories";

// Issue 15 item 9: bulk accept/reject/spam with a reason, and on a settled item whether its fix
// is live yet.

async function setup() {
  const reviewer = await makeUser("REVIEWER");
  const editor = await makeUser("EDITOR");
  const article = await makeArticle(reviewer);
  await publishArticle(article.id, editor);
  const token = (await createApiToken({ userId: reviewer.userId, name: "bulk" }, reviewer)).token;
  return { reviewer, editor, article, token };
}

async function report(articleId: string, extra: Record<string, unknown> = {}) {
  const ipHash = randomBytes(16).toString("hex");
  const res = await submitFeedback(
    { articleId, category: "MISTRANSLATION", comment: "Wrong", ...extra },
    { actor: { type: "ANONYMOUS", ipHash }, ipHash },
  );
  return res.id;
}

const bulk = (token: string, body: unknown) =>
  callRoute(bulkRoute, { url: "/api/v1/feedback/bulk", params: {}, token, method: "POST", body });

describe("bulk triage", () => {
  it("rejects many with one reason, in one transaction, one audit event per item", async () => {
    const { article, token } = await setup();
    const a = await report(article.id);
    const b = await report(article.id);
    expect((await bulk(token, { ids: [a, b], status: "REJECTED" })).status).toBe(400);
    expect(await db().feedback.count({ where: { id: { in: [a, b] }, status: "NEW" } })).toBe(2);

    const res = await bulk(token, { ids: [a, b], status: "REJECTED", reason: "Reads fine" });
    expect(res.status).toBe(200);
    expect((await res.json()).updated.sort()).toEqual([a, b].sort());
    for (const id of [a, b]) {
      expect(await getFeedback(id)).toMatchObject({ status: "REJECTED", triageNote: "Reads fine" });
      const events = await db().auditEvent.findMany({
        where: { entityId: id, action: "feedback.triage" },
      });
      expect(events.map((e) => e.data)).toEqual([
        expect.objectContaining({ from: "NEW", to: "REJECTED", reason: "Reads fine", bulk: true }),
      ]);
    }
  });

  it("accepts many, skipping the ones already accepted", async () => {
    const { article, token } = await setup();
    const a = await report(article.id);
    const b = await report(article.id);
    await bulk(token, { ids: [a], status: "ACCEPTED" });
    const res = await (await bulk(token, { ids: [a, b], status: "ACCEPTED" })).json();
    expect(res).toEqual({ updated: [b], skipped: [a] });
    expect((await getFeedback(b)).status).toBe("ACCEPTED");
  });
});

describe("a settled item's fix", () => {
  it("is 'not yet published' until a publication includes the resolving revision", async () => {
    const { reviewer, editor, article } = await setup();
    const id = await report(article.id, { suggestion: "This is the opening paragraph." });
    const saved = await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "This is the opening paragraph." }],
      feedbackId: id,
      actor: reviewer,
    });
    expect(saved.created).toBe(true);
    expect(await getFeedback(id)).toMatchObject({
      resolvingRevision: saved.revision,
      fixLiveSince: null,
    });
    for (const to of ["APPROVED", "PUBLISHED"] as const) {
      await changeStatus({ articleId: article.id, to, actor: editor, override: { reason: "t" } });
    }
    const live = await getFeedback(id);
    const publication = await db().publication.findFirstOrThrow({
      where: { articleId: article.id, revisionNumber: saved.revision },
    });
    expect(live.fixLiveSince).toBe(publication.publishedAt.toISOString());
  });
});
