import { describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/v1/audit/route";
import { createApiToken } from "@/lib/server/api-tokens";
import { saveRevision } from "@/lib/server/revisions";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

// Issue 15 item 10: the audit API names the article by title and the actor by name, with a
// sentence per event, and filters by article.

describe("readable audit", () => {
  it("carries the article's title, the actor's name and a summary; filters by article", async () => {
    const admin = await makeUser("ADMIN");
    const token = (await createApiToken({ userId: admin.userId, name: "audit" }, admin)).token;
    const reviewer = await makeUser("REVIEWER");
    const article = await makeArticle(reviewer, {
      title: { source: "제목", mt: "Seoul to open a hydrogen tram line" },
    });
    const other = await makeArticle(reviewer);
    await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [
        { index: 1, text: "First paragraph, edited." },
        { index: 2, text: "Second paragraph, edited." },
      ],
      actor: reviewer,
    });

    const res = await callRoute(auditRoute, {
      url: `/api/v1/audit?articleId=${article.id}`,
      params: {},
      token,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    const actions = body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(["revision.create", "article.ingest"]);
    expect(body.items.every((e: { articleId: string }) => e.articleId === article.id)).toBe(true);
    expect(body.items[0]).toMatchObject({
      action: "revision.create",
      actorId: reviewer.userId,
      actorName: reviewer.name,
      articleId: article.id,
      articleTitle: "Seoul to open a hydrogen tram line",
      summary: `Reviewer ${reviewer.name} saved revision 2 of 'Seoul to open a hydrogen tram line' (2 segments)`,
    });
    expect(JSON.stringify(body)).not.toContain(other.id);

    const byName = await callRoute(auditRoute, {
      url: `/api/v1/audit?actor=${encodeURIComponent(reviewer.name)}&articleId=${article.id}`,
      params: {},
      token,
    });
    expect((await byName.json()).items).toHaveLength(2);
  });
});
