import type { APIRequestContext } from "@playwright/test";
import { expect, signInApi, test } from "./fixtures";

// Ingest and interchange through the real HTTP API: status codes, error bodies, content types,
// (the 10,000-line bulk file runs in tests/reliability/bulk-10k.test.ts on its own database). Cookie sessions must send a same-origin Origin on writes.

const uid = () => Math.random().toString(36).slice(2, 10);

function article(externalId: string, outlet = "E2E Ingest") {
  return {
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "E2E MT", version: "1" },
    externalId,
    outlet,
    title: { source: "제목", mt: "An e2e title" },
    source: "첫 문단.\n\n둘째 문단.",
    mt: "First paragraph.\n\nSecond paragraph.",
  };
}

async function ingest(request: APIRequestContext, origin: string) {
  const res = await request.post("/api/v1/articles", {
    data: article(`e2e-${uid()}`),
    headers: { origin },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; slug: string };
}

test.describe("ingest and interchange API", () => {
  test.beforeEach(async ({ request }) => {
    await signInApi(request, "editor");
  });

  test("openapi.json is public and lists the interchange endpoints", async ({
    playwright,
    baseURL,
  }) => {
    const anon = await playwright.request.newContext({ baseURL });
    const res = await anon.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const p of [
      "/api/v1/articles/bulk",
      "/api/v1/articles/{id}/export",
      "/api/v1/exports/tmx",
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    await anon.dispose();
  });

  test("GET an article: metadata and segments; 404 JSON for an unknown id", async ({
    request,
    baseURL,
  }) => {
    const { id } = await ingest(request, baseURL!);
    const res = await request.get(`/api/v1/articles/${id}`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      id,
      revision: 1,
      status: "NEW",
      engine: { name: "E2E MT", version: "1" },
      publishedRevision: null,
      approvedRevision: null,
      assignee: null,
      createdAt: expect.any(String),
    });
    expect(body.segments).toEqual([
      {
        index: 0,
        kind: "TITLE",
        source: "제목",
        mt: "An e2e title",
        text: "An e2e title",
        confirmed: false,
      },
      {
        index: 1,
        kind: "PARAGRAPH",
        source: "첫 문단.",
        mt: "First paragraph.",
        text: "First paragraph.",
        confirmed: false,
      },
      {
        index: 2,
        kind: "PARAGRAPH",
        source: "둘째 문단.",
        mt: "Second paragraph.",
        text: "Second paragraph.",
        confirmed: false,
      },
    ]);
    expect(body.progress).toEqual({ confirmed: 0, total: 3 });
    const missing = await request.get("/api/v1/articles/no-such-article");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
  });

  test("bulk: wrong content type 415, over the size limit 413", async ({ request, baseURL }) => {
    const wrongType = await request.post("/api/v1/articles/bulk", {
      data: JSON.stringify(article(`x-${uid()}`)),
      headers: { origin: baseURL!, "content-type": "application/json" },
    });
    expect(wrongType.status()).toBe(415);
    expect(await wrongType.json()).toMatchObject({
      error: "unsupported_media_type",
      message: expect.stringContaining("application/x-ndjson"),
    });
    const tooBig = await request.post("/api/v1/articles/bulk", {
      data: Buffer.alloc(50 * 1024 * 1024 + 1, 0x20),
      headers: { origin: baseURL!, "content-type": "application/x-ndjson" },
    });
    expect(tooBig.status()).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: "payload_too_large" });
  });

  test("exports: formats, content types, attachment names; 400 unknown format; 404; TMX 409", async ({
    request,
    baseURL,
  }) => {
    const { id, slug } = await ingest(request, baseURL!);
    const expected: Record<string, [string, RegExp]> = {
      json: ["application/json", /\.galley\.json"$/],
      xliff: ["application/xliff+xml", /-r1\.xlf"$/],
      xliff12: ["application/xliff+xml", /-r1\.xliff12\.xlf"$/],
      md: ["text/markdown", /-r1\.md"$/],
      html: ["text/html", /-r1\.html"$/],
    };
    for (const [format, [type, name]] of Object.entries(expected)) {
      const res = await request.get(`/api/v1/articles/${id}/export?format=${format}`);
      expect(res.status(), format).toBe(200);
      expect(res.headers()["content-type"]).toContain(type);
      expect(res.headers()["content-disposition"]).toMatch(
        new RegExp(`^attachment; filename="${slug}`),
      );
      expect(res.headers()["content-disposition"]).toMatch(name);
    }
    const unknown = await request.get(`/api/v1/articles/${id}/export?format=docx`);
    expect(unknown.status()).toBe(400);
    expect((await unknown.json()).message).toContain("json, xliff, xliff12, tmx, md, html");
    const missing = await request.get(`/api/v1/articles/nope/export?format=json`);
    expect(missing.status()).toBe(404);
    const tmx = await request.get(`/api/v1/articles/${id}/export?format=tmx`);
    expect(tmx.status()).toBe(409);
    expect((await tmx.json()).message).toContain("no approved revision");
    const all = await request.get(`/api/v1/exports/tmx?engine=Nova%20MT`);
    expect(all.status()).toBe(200);
    expect(all.headers()["content-type"]).toContain("application/x-tmx+xml");
    expect(await all.text()).toContain("</tmx>");
    const badDate = await request.get(`/api/v1/exports/tmx?from=yesterday`);
    expect(badDate.status()).toBe(400);
  });

  test("import: 400 malformed JSON, 400 with issue paths, 415 wrong type, 409 existing", async ({
    request,
    baseURL,
  }) => {
    const headers = { origin: baseURL!, "content-type": "application/json" };
    const malformed = await request.post("/api/v1/articles/import", {
      data: Buffer.from("{oops"),
      headers,
    });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: "bad_request",
      message: "Malformed JSON in the request body",
    });

    const incomplete = await request.post("/api/v1/articles/import", {
      data: { format: "galley-article", version: 1 },
      headers,
    });
    expect(incomplete.status()).toBe(400);
    const paths = (await incomplete.json()).issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["exportedAt", "article", "segments", "revisions"]),
    );

    const wrongType = await request.post("/api/v1/articles/import", {
      data: "format=galley-article",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(wrongType.status()).toBe(415);

    const { id } = await ingest(request, baseURL!);
    const doc = await (await request.get(`/api/v1/articles/${id}/export?format=json`)).text();
    const again = await request.post("/api/v1/articles/import", {
      data: Buffer.from(doc),
      headers,
    });
    expect(again.status()).toBe(409);
    expect(await again.json()).toMatchObject({ error: "conflict", existingId: id });
  });

  test("XLIFF back in: 201 new revision, 200 unchanged, 409 stale, 400 malformed, 415", async ({
    request,
    baseURL,
  }) => {
    const { id } = await ingest(request, baseURL!);
    const xliff = await (await request.get(`/api/v1/articles/${id}/export?format=xliff`)).text();
    const edited = xliff.replace(
      "<target>Second paragraph.</target>",
      "<target>The second paragraph, post-edited.</target>",
    );
    const post = (body: string, base: number | null, type = "application/xliff+xml") =>
      request.post(`/api/v1/articles/${id}/xliff${base === null ? "" : `?baseRevision=${base}`}`, {
        data: body,
        headers: { origin: baseURL!, "content-type": type },
      });
    const created = await post(edited, 1);
    expect(created.status()).toBe(201);
    expect(await created.json()).toEqual({ revision: 2, created: true });
    const same = await post(edited, 2);
    expect(same.status()).toBe(200);
    expect(await same.json()).toEqual({ revision: 2, created: false });
    const stale = await post(edited, 1);
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({ error: "conflict", currentRevision: 2 });
    const malformed = await post("<xliff version='2.0'><file>", 2);
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).message).toMatch(/XLIFF/);
    expect((await post(edited, null)).status()).toBe(400);
    expect((await post(edited, 2, "application/json")).status()).toBe(415);
    const detail = await (await request.get(`/api/v1/articles/${id}`)).json();
    expect(detail.segments[2].text).toBe("The second paragraph, post-edited.");
  });
});
