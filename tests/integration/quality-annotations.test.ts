import { describe, expect, it } from "vitest";
import {
  GET as listRoute,
  POST as createRoute,
} from "@/app/api/v1/articles/[id]/annotations/route";
import { PATCH as patchRoute } from "@/app/api/v1/articles/[id]/annotations/[annotationId]/route";
import { db } from "@/lib/db";
import { MQM_CATEGORY_NAMES } from "@/lib/quality/mqm";
import { createApiToken } from "@/lib/server/api-tokens";
import { saveRevision } from "@/lib/server/revisions";
import type { UserActor } from "@/lib/auth/policy";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

async function tokenFor(user: UserActor) {
  return (await createApiToken({ userId: user.userId, name: "quality tests" }, user)).token;
}

const url = (id: string) => `/api/v1/articles/${id}/annotations`;

async function setup() {
  const editor = await makeUser("EDITOR");
  const reviewer = await makeUser("REVIEWER");
  const article = await makeArticle(editor);
  return { editor, reviewer, article, token: await tokenFor(reviewer) };
}

describe("annotations API", () => {
  it("creates an annotation (201) with quote, canonical category and revision; GET lists it", async () => {
    const { reviewer, article, token } = await setup();
    // Segment 1 is "This is the first paragraph."
    const res = await callRoute(createRoute, {
      url: url(article.id),
      params: { id: article.id },
      token,
      method: "POST",
      body: {
        segmentIndex: 1,
        start: 8,
        end: 17,
        category: "accuracy/mistranslation",
        severity: "major",
        note: "  wrong ordinal  ",
      },
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      segmentIndex: 1,
      start: 8,
      end: 17,
      quote: "the first",
      category: "Accuracy/Mistranslation",
      severity: "major",
      note: "wrong ordinal",
      status: "OPEN",
      target: "TEXT",
      revisionNumber: 1,
      author: { id: reviewer.userId },
    });
    const audit = await db().auditEvent.findFirst({
      where: { action: "annotation.create", entityId: created.id },
    });
    expect(audit?.actorId).toBe(reviewer.userId);

    const list = await callRoute(listRoute, {
      url: url(article.id),
      params: { id: article.id },
      token,
    });
    expect(list.status).toBe(200);
    expect((await list.json()).items.map((a: { id: string }) => a.id)).toEqual([created.id]);
  });

  it("refuses an unknown category with 400 naming the valid ones", async () => {
    const { article, token } = await setup();
    const res = await callRoute(createRoute, {
      url: url(article.id),
      params: { id: article.id },
      token,
      method: "POST",
      body: { segmentIndex: 1, start: 0, end: 4, category: "Accuracy/Typo", severity: "minor" },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("bad_request");
    expect(body.message).toContain("Accuracy/Mistranslation");
    expect(body.validCategories).toEqual(MQM_CATEGORY_NAMES);
  });

  it("refuses spans outside the text, empty spans and unknown segments with 400", async () => {
    const { article, token } = await setup();
    const post = (body: Record<string, unknown>) =>
      callRoute(createRoute, {
        url: url(article.id),
        params: { id: article.id },
        token,
        method: "POST",
        body: { segmentIndex: 1, category: "Style", severity: "minor", ...body },
      });
    const length = "This is the first paragraph.".length;
    expect((await post({ start: 0, end: length + 1 })).status).toBe(400);
    expect((await post({ start: 5, end: 5 })).status).toBe(400);
    expect((await post({ start: -1, end: 3 })).status).toBe(400);
    expect((await post({ start: 0, end: 3, segmentIndex: 99 })).status).toBe(400);
    expect((await post({ start: 0, end: length })).status).toBe(201);
    expect(await db().annotation.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("anchors MT annotations to the MT and refuses a stale quote with 409", async () => {
    const { reviewer, article, token } = await setup();
    await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "Here is paragraph one." }],
      actor: reviewer,
    });
    const post = (body: Record<string, unknown>) =>
      callRoute(createRoute, {
        url: url(article.id),
        params: { id: article.id },
        token,
        method: "POST",
        body: { segmentIndex: 1, category: "Style", severity: "minor", ...body },
      });
    const mt = await post({ target: "MT", start: 8, end: 17 });
    expect(mt.status).toBe(201);
    expect(await mt.json()).toMatchObject({ quote: "the first", target: "MT", revisionNumber: 2 });
    const stale = await post({ start: 8, end: 17, quote: "the first" });
    expect(stale.status).toBe(409);
  });

  it("lets only the author edit (403 otherwise); an editor may resolve; all writes audited", async () => {
    const { editor, article, token } = await setup();
    const created = await (
      await callRoute(createRoute, {
        url: url(article.id),
        params: { id: article.id },
        token,
        method: "POST",
        body: { segmentIndex: 2, start: 0, end: 4, category: "Fluency", severity: "minor" },
      })
    ).json();
    const patch = (tok: string, body: unknown) =>
      callRoute(patchRoute, {
        url: `${url(article.id)}/${created.id}`,
        params: { id: article.id, annotationId: created.id },
        token: tok,
        method: "PATCH",
        body,
      });
    const otherReviewer = await tokenFor(await makeUser("REVIEWER"));
    expect((await patch(otherReviewer, { note: "not mine" })).status).toBe(403);
    expect((await patch(otherReviewer, { status: "RESOLVED" })).status).toBe(403);
    const editorToken = await tokenFor(editor);
    expect((await patch(editorToken, { severity: "major" })).status).toBe(403);

    const edited = await patch(token, {
      severity: "MAJOR",
      category: "fluency/grammar",
      note: "x",
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      severity: "major",
      category: "Fluency/Grammar",
      note: "x",
    });
    const resolved = await patch(editorToken, { status: "REJECTED" });
    expect(resolved.status).toBe(200);
    expect((await resolved.json()).status).toBe("REJECTED");

    const viewerToken = await tokenFor(await makeUser("VIEWER"));
    expect((await patch(viewerToken, { status: "OPEN" })).status).toBe(403);
    const wrongArticle = await makeArticle(editor);
    const misplaced = await callRoute(patchRoute, {
      url: `${url(wrongArticle.id)}/${created.id}`,
      params: { id: wrongArticle.id, annotationId: created.id },
      token,
      method: "PATCH",
      body: { note: "y" },
    });
    expect(misplaced.status).toBe(404);

    const actions = (
      await db().auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["annotation.create", "annotation.update", "annotation.resolve"]);
  });
});
