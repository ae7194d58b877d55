import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  apiAs,
  feedbackTotal,
  ownPublishedArticle,
  uniqueIp,
  type DemoArticle,
} from "./feedback-support";

// POST /api/v1/articles/{id}/feedback is public; every bad input gets its own
// status and stores nothing. Each test posts from its own X-Forwarded-For.

let reviewer: APIRequestContext;
let article: DemoArticle;

test.beforeAll(async ({ baseURL }) => {
  reviewer = await apiAs(baseURL!, "reviewer");
  article = await ownPublishedArticle(baseURL!);
});

test.afterAll(async () => {
  await reviewer.dispose();
});

const valid = { category: "MISTRANSLATION", comment: "This sentence reads oddly." };

function post(request: APIRequestContext, data: unknown, ip: string, articleId = article.id) {
  return request.post(`/api/v1/articles/${articleId}/feedback`, {
    data,
    headers: { "x-forwarded-for": ip },
  });
}

test("a reader's feedback is stored and shows up for triage (201 { id })", async ({ request }) => {
  const res = await post(
    request,
    { ...valid, segmentIndex: 2, quoteStart: 0, quoteEnd: 9, suggestion: "The president" },
    uniqueIp(),
  );
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  expect(id).toEqual(expect.any(String));
  const item = await (await reviewer.get(`/api/v1/feedback/${id}`)).json();
  expect(item).toMatchObject({
    id,
    status: "NEW",
    segmentIndex: 2,
    quote: "President",
    revisionSeen: article.currentRevision,
    segment: { changedSince: false },
  });
  const list = await (await reviewer.get(`/api/v1/feedback?articleId=${article.id}`)).json();
  expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
  expect(list).toHaveProperty("nextCursor");
});

test("every bad input gets its own status and stores nothing", async ({ request }) => {
  const before = await feedbackTotal(reviewer, article.id);
  const ip = uniqueIp();
  const cases: [string, Promise<{ status(): number; json(): Promise<unknown> }>, number][] = [
    ["missing category", post(request, { comment: "x" }, ip), 400],
    ["unknown category", post(request, { ...valid, category: "TYPO" }, ip), 400],
    ["no comment and no suggestion", post(request, { category: "OTHER" }, ip), 400],
    ["1 MB comment", post(request, { ...valid, comment: "x".repeat(1_048_576) }, ip), 413],
    [
      "comment over 5,000 characters",
      post(request, { ...valid, comment: "x".repeat(5001) }, ip),
      413,
    ],
    ["suggestion over 5,000", post(request, { ...valid, suggestion: "y".repeat(5001) }, ip), 413],
    ["quote over 2,000", post(request, { ...valid, quote: "z".repeat(2001) }, ip), 413],
    ["invalid segment index", post(request, { ...valid, segmentIndex: 999 }, ip), 400],
    ["negative segment index", post(request, { ...valid, segmentIndex: -1 }, ip), 400],
    [
      "offsets outside the segment",
      post(request, { ...valid, segmentIndex: 1, quoteStart: 5, quoteEnd: 100_000 }, ip),
      400,
    ],
    ["offsets without a segment", post(request, { ...valid, quoteStart: 0, quoteEnd: 3 }, ip), 400],
    ["revision not yet written", post(request, { ...valid, revisionSeen: 9999 }, ip), 400],
    ["invalid email", post(request, { ...valid, contact: "not-an-email" }, ip), 400],
    ["unknown article", post(request, valid, ip, "no-such-article"), 404],
    [
      "wrong content type",
      request.post(`/api/v1/articles/${article.id}/feedback`, {
        headers: { "content-type": "text/plain", "x-forwarded-for": ip },
        data: JSON.stringify(valid),
      }),
      415,
    ],
    [
      "malformed JSON",
      request.post(`/api/v1/articles/${article.id}/feedback`, {
        headers: { "content-type": "application/json", "x-forwarded-for": ip },
        data: "{not json",
      }),
      400,
    ],
  ];
  for (const [name, response, status] of cases) {
    const res = await response;
    expect(res.status(), name).toBe(status);
    expect(await res.json(), name).toHaveProperty("error");
  }
  expect(await feedbackTotal(reviewer, article.id)).toBe(before);
});

test("a filled honeypot looks like success but stores nothing", async ({ request }) => {
  const before = await feedbackTotal(reviewer, article.id);
  const res = await post(request, { ...valid, website: "https://spam.example" }, uniqueIp());
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  expect((await reviewer.get(`/api/v1/feedback/${id}`)).status()).toBe(404);
  expect(await feedbackTotal(reviewer, article.id)).toBe(before);
});

test("a burst beyond the per-reader limit gets 429 with Retry-After and stores nothing", async ({
  request,
}) => {
  const ip = uniqueIp();
  let accepted = 0;
  let limited: Awaited<ReturnType<typeof post>> | null = null;
  // The server's default is 10 an hour per reader; stop at the first refusal.
  for (let i = 0; i < 30 && !limited; i++) {
    const res = await post(request, { ...valid, comment: `burst ${i}` }, ip);
    if (res.status() === 201) accepted++;
    else limited = res;
  }
  expect(limited, "a refusal within 30 posts").not.toBeNull();
  expect(limited!.status()).toBe(429);
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await limited!.json()).toMatchObject({
    error: "rate_limited",
    retryAfter: expect.any(Number),
  });
  expect(accepted).toBeGreaterThan(0);

  const before = await feedbackTotal(reviewer, article.id);
  const again = await post(request, valid, ip);
  expect(again.status()).toBe(429);
  expect(await feedbackTotal(reviewer, article.id)).toBe(before);
  // Another reader is unaffected.
  expect((await post(request, valid, uniqueIp())).status()).toBe(201);
});

test("triage over the API: reasons, duplicates, permissions", async ({ request, baseURL }) => {
  const ip = uniqueIp();
  const first = (await (await post(request, valid, ip)).json()).id as string;
  const second = (await (await post(request, valid, ip)).json()).id as string;
  const patch = (ctx: APIRequestContext, id: string, data: unknown) =>
    ctx.patch(`/api/v1/feedback/${id}`, { data });

  expect((await request.get("/api/v1/feedback")).status()).toBe(401);
  expect((await patch(request, first, { status: "SPAM" })).status()).toBe(401);
  const viewer = await apiAs(baseURL!, "viewer");
  expect((await viewer.get("/api/v1/feedback")).status()).toBe(403);
  expect((await patch(viewer, first, { status: "SPAM" })).status()).toBe(403);
  await viewer.dispose();

  expect((await patch(reviewer, first, { status: "REJECTED" })).status()).toBe(400);
  expect((await patch(reviewer, first, { status: "NEW" })).status()).toBe(400);
  expect(
    (await patch(reviewer, second, { status: "DUPLICATE", duplicateOf: "nope" })).status(),
  ).toBe(400);
  expect((await patch(reviewer, "no-such-item", { status: "SPAM" })).status()).toBe(404);

  const rejected = await patch(reviewer, first, { status: "REJECTED", reason: "Reads fine" });
  expect(rejected.status()).toBe(200);
  expect(await rejected.json()).toMatchObject({ status: "REJECTED", triageNote: "Reads fine" });
  const dup = await patch(reviewer, second, { status: "DUPLICATE", duplicateOf: first });
  expect(await dup.json()).toMatchObject({ status: "DUPLICATE", duplicateOfId: first });

  const bulk = await reviewer.post("/api/v1/feedback/bulk", {
    data: { ids: [first, second], status: "SPAM" },
  });
  expect(await bulk.json()).toEqual({ updated: expect.any(Array), skipped: [] });
  const spam = await (
    await reviewer.get(`/api/v1/feedback?status=SPAM&articleId=${article.id}`)
  ).json();
  expect(spam.items.map((i: { id: string }) => i.id)).toEqual(
    expect.arrayContaining([first, second]),
  );
});

test("the public page: unknown slugs and never-published revisions are 404", async ({
  request,
}) => {
  expect((await request.get(`/read/${article.slug}`)).status()).toBe(200);
  expect((await request.get("/read/no-such-article-slug")).status()).toBe(404);
  // Revision 1 is the raw machine translation: it was never published.
  expect((await request.get(`/read/${article.slug}?revision=1`)).status()).toBe(404);
  expect((await request.get(`/read/${article.slug}?revision=abc`)).status()).toBe(404);
});
