import type { APIRequestContext, Page } from "@playwright/test";
import { HOSTILE_PAYLOADS, HUGE_TEXT } from "../fixtures/hostile-text";
import { expect, ORIGIN, signInApi, signInPage, test } from "./fixtures";

// Every text input × a corpus of injection payloads: stored byte-identical,
// read back identical through the API, rendered as inert text on every page that
// shows it (the fixture fails the test on any dialog; payloads also set __pwned).
test.describe.configure({ timeout: 240_000 });

const P = HOSTILE_PAYLOADS;
const pick = (i: number) => P[i % P.length]!;

async function visit(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), `${path} status`).toBeLessThan(500);
  await page.waitForLoadState("networkidle");
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0),
    `${path} ran a payload`,
  ).toBe(0);
  // No payload may have become a live element.
  expect(
    await page.locator("script:not([nonce]):not([src])").count(),
    `${path} has a foreign inline script`,
  ).toBe(0);
  expect(
    await page
      .locator("[onerror], [onload], [onfocus], [ontoggle], [onclick], [onbegin], [onstart]")
      .count(),
    `${path} has event-handler attributes`,
  ).toBe(0);
  expect(
    await page.locator('a[href^="javascript:"], iframe, object, embed').count(),
    `${path} has a live javascript: link or frame`,
  ).toBe(0);
}

test("hostile text is stored exactly and rendered inert everywhere", async ({ page, browser }) => {
  expect(P.length).toBeGreaterThanOrEqual(50);
  const editorCtx = await browser.newContext();
  const editor: APIRequestContext = editorCtx.request;
  await signInApi(editor, "editor");

  // 1. Ingest: every payload as a segment, plus title, byline and engine name.
  const ingest = await editor.post("/api/v1/articles", {
    headers: { origin: ORIGIN },
    data: {
      sourceLang: "ko",
      targetLang: "en",
      engine: { name: pick(2).slice(0, 100), version: "x" },
      externalId: `hostile-${Date.now()}`,
      byline: pick(1),
      title: { mt: pick(0), source: pick(5) },
      segments: P.map((p, i) => ({
        mt: p,
        source: pick(i + 7),
        kind: i % 9 === 0 ? "CAPTION" : "PARAGRAPH",
      })),
    },
  });
  expect(ingest.status(), await ingest.text()).toBe(201);
  const { id, slug } = await ingest.json();
  const read = await (await editor.get(`/api/v1/articles/${id}`)).json();
  expect(read.byline).toBe(pick(1));
  expect(read.engine.name).toBe(pick(2).slice(0, 100));
  expect(read.segments[0].mt).toBe(pick(0));
  expect(read.segments.slice(1).map((s: { mt: string }) => s.mt)).toEqual(P);

  // 2. Edit: each segment's text becomes another payload; read back exactly.
  const edits = P.map((_, i) => ({ index: i + 1, text: `${pick(i + 3)} · edited` }));
  const save = await editor.post(`/api/v1/articles/${id}/revisions`, {
    headers: { origin: ORIGIN },
    data: { baseRevision: 1, segments: edits, summary: pick(4) },
  });
  expect(save.status(), await save.text()).toBe(201);
  const after = await (await editor.get(`/api/v1/articles/${id}`)).json();
  expect(after.segments.slice(1).map((s: { text: string }) => s.text)).toEqual(
    edits.map((e) => e.text),
  );

  // 3. Annotation notes.
  for (let i = 0; i < 6; i++) {
    const res = await editor.post(`/api/v1/articles/${id}/annotations`, {
      headers: { origin: ORIGIN },
      data: {
        segmentIndex: i + 1,
        start: 0,
        end: 1,
        category: "Style",
        severity: "minor",
        note: pick(i * 9),
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  const notes = (
    (await (await editor.get(`/api/v1/articles/${id}/annotations`)).json()).items as {
      note: string;
    }[]
  ).map((a) => a.note);
  for (let i = 0; i < 6; i++) expect(notes).toContain(pick(i * 9));

  // 4. Glossary terms.
  const term = {
    sourceLang: "ko",
    targetLang: "en",
    sourceTerm: `용어 ${pick(10)}`,
    targetTerm: pick(11),
    note: pick(12),
  };
  const g = await editor.post("/api/v1/glossary", { headers: { origin: ORIGIN }, data: term });
  expect(g.status(), await g.text()).toBe(201);
  const glossary = (await (await editor.get("/api/v1/glossary?sourceLang=ko&targetLang=en")).json())
    .items as (typeof term)[];
  expect(glossary).toContainEqual(
    expect.objectContaining({
      sourceTerm: term.sourceTerm,
      targetTerm: term.targetTerm,
      note: term.note,
    }),
  );

  // 5. Import file (NDJSON) carrying payloads.
  const ndjson = [0, 1, 2]
    .map((k) =>
      JSON.stringify({
        sourceLang: "ko",
        targetLang: "en",
        engine: { name: "Hostile import" },
        externalId: `hostile-nd-${Date.now()}-${k}`,
        title: { mt: pick(20 + k) },
        segments: [{ mt: pick(30 + k) }],
      }),
    )
    .join("\n");
  const bulk = await editor.post("/api/v1/articles/bulk", {
    headers: { origin: ORIGIN, "content-type": "application/x-ndjson" },
    data: ndjson,
  });
  expect(bulk.status(), await bulk.text()).toBe(200);
  const bulkBody = await bulk.json();
  expect(bulkBody.created).toBe(3);
  const imported = await (await editor.get(`/api/v1/articles/${bulkBody.results[0].id}`)).json();
  expect(imported.segments.map((s: { mt: string }) => s.mt)).toEqual([pick(20), pick(30)]);

  // 6. Approve and publish so the public page shows the edited text.
  for (const to of ["IN_REVIEW", "APPROVED", "PUBLISHED"]) {
    const r = await editor.post(`/api/v1/articles/${id}/status`, {
      headers: { origin: ORIGIN },
      data: {
        to,
        note: to === "PUBLISHED" ? pick(13) : undefined,
        override: { reason: "e2e: hostile text reviewed" },
      },
    });
    expect([200, 409]).toContain(r.status());
  }
  await editorCtx.close();

  // 7. Reader feedback with payloads (comment, suggestion, quote-free).
  const feedbackIds: string[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await page.request.post(`/api/v1/articles/${id}/feedback`, {
      headers: { "x-forwarded-for": `10.66.0.${i}` },
      data: {
        category: "OTHER",
        comment: pick(40 + i),
        suggestion: pick(i),
        segmentIndex: i + 1,
        contact: undefined,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    feedbackIds.push((await res.json()).id);
  }

  // 8. Render every page that shows these values, as an admin and as a reader.
  await visit(page, `/read/${slug}`);
  await expect(page.getByText(`${pick(3)} · edited`, { exact: true }).first()).toBeVisible();
  await signInPage(page, "admin");
  for (const path of [
    `/articles/${id}`,
    `/articles?q=${encodeURIComponent("edited")}`,
    "/articles",
    `/articles/${id}/history`,
    `/articles/${id}/history/blame`,
    `/articles/${id}/compare?from=1&to=2`,
    `/articles/${id}/compare?from=1&to=2&view=inline`,
    "/feedback",
    "/glossary",
    "/dashboard",
    "/audit",
  ]) {
    await visit(page, path);
  }
  const fb = await (await page.request.get(`/api/v1/feedback/${feedbackIds[0]}`)).json();
  expect(fb.comment).toBe(pick(40));
  expect(fb.suggestion).toBe(pick(0));
});

test("hostile raw requests get clear 4xx errors, never a 500", async ({ request }) => {
  await signInApi(request, "editor");
  const base = {
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "Raw" },
    title: { mt: "Raw" },
  };
  const post = (body: string | Buffer, type = "application/json") =>
    request.post("/api/v1/articles", {
      headers: { origin: ORIGIN, "content-type": type },
      // A Buffer is sent as-is; a string would be JSON-encoded by Playwright.
      data: typeof body === "string" ? Buffer.from(body) : body,
    });

  const invalidUtf8 = Buffer.concat([
    Buffer.from('{"sourceLang":"ko","targetLang":"en","engine":{"name":"x"},"title":{"mt":"'),
    Buffer.from([0xff, 0xfe, 0xc3]),
    Buffer.from('"},"mt":"x"}'),
  ]);
  const bad = await post(invalidUtf8);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toContain("UTF-8");

  const nul = await post(JSON.stringify({ ...base, mt: "before\u0000after" }));
  expect(nul.status()).toBe(400);
  expect((await nul.json()).message).toContain("NUL");

  const huge = await post(JSON.stringify({ ...base, segments: [{ mt: HUGE_TEXT }] }));
  expect(huge.status()).toBe(413);

  const broken = await post('{"sourceLang": "ko", ');
  expect(broken.status()).toBe(400);
  expect((await broken.json()).message).toContain("Malformed JSON");

  const wrongType = await post("<xml/>", "text/xml");
  expect(wrongType.status()).toBe(415);

  const feedbackHuge = await request.post(`/api/v1/articles/nonexistent/feedback`, {
    data: { category: "OTHER", comment: HUGE_TEXT },
  });
  expect([404, 413]).toContain(feedbackHuge.status());
});
