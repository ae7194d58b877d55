import { describe, expect, it } from "vitest";
import { POST as assignRoute } from "@/app/api/v1/articles/[id]/assign/route";
import { POST as xliffRoute } from "@/app/api/v1/articles/[id]/xliff/route";
import { GET as exportRoute } from "@/app/api/v1/articles/[id]/export/route";
import {
  GET as articleFeedbackRoute,
  POST as submitFeedbackRoute,
} from "@/app/api/v1/articles/[id]/feedback/route";
import { POST as saveRoute } from "@/app/api/v1/articles/[id]/revisions/route";
import { GET as articleRoute } from "@/app/api/v1/articles/[id]/route";
import { POST as statusRoute } from "@/app/api/v1/articles/[id]/status/route";
import { POST as bulkRoute } from "@/app/api/v1/articles/bulk/route";
import { POST as importRoute } from "@/app/api/v1/articles/import/route";
import { GET as listArticlesRoute, POST as ingestRoute } from "@/app/api/v1/articles/route";
import { GET as tmxRoute } from "@/app/api/v1/exports/tmx/route";
import { GET as feedbackItemRoute, PATCH as triageRoute } from "@/app/api/v1/feedback/[id]/route";
import { POST as bulkFeedbackRoute } from "@/app/api/v1/feedback/bulk/route";
import { GET as inboxRoute } from "@/app/api/v1/feedback/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import type { UserActor } from "@/lib/auth/policy";
import { createApiToken } from "@/lib/server/api-tokens";
import { callRoute } from "./api-call";
import { articleInput, makeArticle, makeUser, publishArticle } from "./factories";

// The operations no other integration test calls through their route. callRoute checks each
// answer (successes and errors) against the OpenAPI document, so these tests are what make the
// document's response schemas for them honest.

async function tokenFor(user: UserActor) {
  return (await createApiToken({ userId: user.userId, name: "api-routes" }, user)).token;
}

describe("/api/v1 answers match their documented schemas", () => {
  it("ingests, finds, shows, assigns and moves an article", async () => {
    const editor = await makeUser("EDITOR");
    const reviewer = await makeUser("REVIEWER");
    const token = await tokenFor(editor);
    const input = articleInput();
    const ingest = (body: unknown) =>
      callRoute(ingestRoute, { url: "/api/v1/articles", params: {}, token, method: "POST", body });

    const created = await ingest(input);
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const again = await ingest(input);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(id);
    const clash = await ingest({
      ...input,
      mt: "This is the first paragraph.\n\nThis is the second paragraph.\n\nThe last one.",
    });
    expect(clash.status).toBe(409);

    const list = await callRoute(listArticlesRoute, {
      url: `/api/v1/articles?externalId=${input.externalId}&outlet=${encodeURIComponent(input.outlet!)}`,
      params: {},
      token,
    });
    expect((await list.json()).items.map((a: { id: string }) => a.id)).toEqual([id]);

    const detail = await callRoute(articleRoute, {
      url: `/api/v1/articles/${id}`,
      params: { id },
      token,
    });
    expect((await detail.json()).segments).toHaveLength(4);
    const missing = await callRoute(articleRoute, {
      url: "/api/v1/articles/nope",
      params: { id: "nope" },
      token,
    });
    expect(missing.status).toBe(404);

    const assigned = await callRoute(assignRoute, {
      url: `/api/v1/articles/${id}/assign`,
      params: { id },
      token,
      method: "POST",
      body: { assignee: reviewer.email },
    });
    expect(await assigned.json()).toEqual({ assigneeId: reviewer.userId });

    const moved = await callRoute(statusRoute, {
      url: `/api/v1/articles/${id}/status`,
      params: { id },
      token,
      method: "POST",
      body: { to: "IN_REVIEW" },
    });
    expect(await moved.json()).toMatchObject({ status: "IN_REVIEW", revision: 1 });
    const illegal = await callRoute(statusRoute, {
      url: `/api/v1/articles/${id}/status`,
      params: { id },
      token,
      method: "POST",
      body: { to: "PUBLISHED" },
    });
    expect(illegal.status).toBe(409);
  });

  it("answers 401 without a token and 400 for a bad query, as documented", async () => {
    const anonymous = await callRoute(listArticlesRoute, { url: "/api/v1/articles", params: {} });
    expect(anonymous.status).toBe(401);
    const token = await tokenFor(await makeUser("VIEWER"));
    const bad = await callRoute(listArticlesRoute, {
      url: "/api/v1/articles?status=LOST",
      params: {},
      token,
    });
    expect(bad.status).toBe(400);
  });

  it("ingests NDJSON line by line", async () => {
    const token = await tokenFor(await makeUser("EDITOR"));
    const res = await callRoute(bulkRoute, {
      url: "/api/v1/articles/bulk",
      params: {},
      token,
      method: "POST",
      raw: {
        contentType: "application/x-ndjson",
        text: `${JSON.stringify(articleInput())}\n{"sourceLang":"ko"}\n`,
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 1, errors: 1 });
  });

  it("saves a revision (201), an unchanged one (200) and refuses a stale base (409)", async () => {
    const reviewer = await makeUser("REVIEWER");
    const token = await tokenFor(reviewer);
    const { id } = await makeArticle(reviewer);
    const save = (baseRevision: number, text: string) =>
      callRoute(saveRoute, {
        url: `/api/v1/articles/${id}/revisions`,
        params: { id },
        token,
        method: "POST",
        body: { baseRevision, segments: [{ index: 1, text }] },
      });
    const first = await save(1, "The first paragraph, reviewed.");
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ revision: 2 });
    const same = await save(2, "The first paragraph, reviewed.");
    expect(same.status).toBe(200);
    const stale = await save(1, "Someone else's version.");
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: "conflict", currentRevision: 2 });
  });

  it("exports JSON and imports it as a copy; exports XLIFF and applies it; exports TMX", async () => {
    const editor = await makeUser("EDITOR");
    const token = await tokenFor(editor);
    const { id } = await makeArticle(editor);
    const exported = (format: string) =>
      callRoute(exportRoute, {
        url: `/api/v1/articles/${id}/export?format=${format}`,
        params: { id },
        token,
      });

    const doc = await (await exported("json")).json();
    const importDoc = (body: unknown) =>
      callRoute(importRoute, {
        url: "/api/v1/articles/import",
        params: {},
        token,
        method: "POST",
        body,
      });
    const suffix = Date.now().toString(36);
    const copy = await importDoc({
      ...doc,
      article: { ...doc.article, id: `copy${suffix}`, externalId: `copy-${suffix}` },
    });
    expect(copy.status).toBe(201);
    expect(await copy.json()).toMatchObject({ id: `copy${suffix}`, revision: 1 });
    expect((await importDoc(doc)).status).toBe(409);

    const xliff = await (await exported("xliff")).text();
    const edited = xliff.replace(
      "<target>This is the second paragraph.</target>",
      "<target>The second paragraph, from a CAT tool.</target>",
    );
    const apply = (baseRevision: number) =>
      callRoute(xliffRoute, {
        url: `/api/v1/articles/${id}/xliff?baseRevision=${baseRevision}`,
        params: { id },
        token,
        method: "POST",
        raw: { contentType: "application/xliff+xml", text: edited },
      });
    const applied = await apply(1);
    expect(applied.status).toBe(201);
    expect(await applied.json()).toEqual({ revision: 2, created: true });
    const unchanged = await apply(2);
    expect(unchanged.status).toBe(200);
    expect(await unchanged.json()).toEqual({ revision: 2, created: false });

    const tmx = await callRoute(tmxRoute, {
      url: `/api/v1/exports/tmx?engine=${encodeURIComponent("Test MT")}`,
      params: {},
      token,
    });
    expect(tmx.status).toBe(200);
    expect(await tmx.text()).toContain("<tmx");
  });

  it("takes public feedback and triages it through the inbox", async () => {
    const reviewer = await makeUser("REVIEWER");
    const token = await tokenFor(reviewer);
    const { id } = await makeArticle(reviewer);
    // Readers can only report on what they can see.
    await publishArticle(id, await makeUser("EDITOR"));
    const submit = async (comment: string) => {
      const res = await callRoute(submitFeedbackRoute, {
        url: `/api/v1/articles/${id}/feedback`,
        params: { id },
        method: "POST",
        body: { category: "MISTRANSLATION", comment },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const first = await submit("The second paragraph reads oddly.");
    const second = await submit("Buy cheap watches");

    const onArticle = await callRoute(articleFeedbackRoute, {
      url: `/api/v1/articles/${id}/feedback`,
      params: { id },
      token,
    });
    expect((await onArticle.json()).counts).toMatchObject({ NEW: 2, total: 2 });

    const inbox = await callRoute(inboxRoute, {
      url: `/api/v1/feedback?articleId=${id}`,
      params: {},
      token,
    });
    expect((await inbox.json()).items.map((f: { id: string }) => f.id).sort()).toEqual(
      [first, second].sort(),
    );

    const one = await callRoute(feedbackItemRoute, {
      url: `/api/v1/feedback/${first}`,
      params: { id: first },
      token,
    });
    expect((await one.json()).article.id).toBe(id);

    const triaged = await callRoute(triageRoute, {
      url: `/api/v1/feedback/${first}`,
      params: { id: first },
      token,
      method: "PATCH",
      body: { status: "ACCEPTED" },
    });
    expect((await triaged.json()).status).toBe("ACCEPTED");

    const spam = await callRoute(bulkFeedbackRoute, {
      url: "/api/v1/feedback/bulk",
      params: {},
      token,
      method: "POST",
      body: { ids: [second], status: "SPAM" },
    });
    expect(await spam.json()).toEqual({ updated: [second], skipped: [] });
  });

  it("serves its own OpenAPI document without a token", async () => {
    const res = await callRoute(openApiRoute, { url: "/api/v1/openapi.json", params: {} });
    expect(res.status).toBe(200);
    expect((await res.json()).openapi).toBe("3.1.0");
  });
});
