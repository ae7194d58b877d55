import { randomInt } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEMO_ARTICLES } from "@/lib/seed/demo-articles";
import { expect, ingestFresh, ORIGIN, signInApi, type DemoRole } from "./fixtures";

// Helpers shared by the feedback specs.

/** A reader address of its own per test, so the per-reader limit never spills over. */
export function uniqueIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A separate signed-in API context (independent of the test's page and request). */
export async function apiAs(baseURL: string, role: DemoRole): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  await signInApi(ctx, role);
  return ctx;
}

export interface DemoArticle {
  id: string;
  slug: string;
  currentRevision: number;
}

/** The published demo article (seeded: demo-2026-1101 is PUBLISHED). */
export async function publishedDemoArticle(api: APIRequestContext): Promise<DemoArticle> {
  const res = await api.get("/api/v1/articles?externalId=demo-2026-1101");
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: (DemoArticle & { externalId: string })[] };
  const found = items.find((a) => a.externalId === "demo-2026-1101");
  expect(found, "the seeded demo article demo-2026-1101").toBeTruthy();
  return found!;
}

/**
 * A published article of the caller's own with the first demo article's text: revision 1
 * (the MT) is never published, revision 2 is. Specs that count an article's feedback use
 * this, so specs in other workers writing to the demo article cannot change their counts.
 */
export async function ownPublishedArticle(baseURL: string): Promise<DemoArticle> {
  const editor = await apiAs(baseURL, "editor");
  try {
    const unique = `${Date.now()}-${randomInt(1e9).toString(36)}`;
    const demo = DEMO_ARTICLES[0]!;
    const { id, slug } = await ingestFresh(editor, {
      ...demo,
      externalId: `e2e-feedback-${unique}`,
      url: `${demo.url}?copy=${unique}`,
    });
    const headers = { origin: ORIGIN };
    const saved = await editor.post(`/api/v1/articles/${id}/revisions`, {
      headers,
      data: { baseRevision: 1, segments: [{ index: 0, text: `${demo.title.mt} (${unique})` }] },
    });
    expect(saved.status(), await saved.text()).toBe(201);
    // The demo MT keeps its QA warnings: the editor passes the gate with a reason.
    const override = { reason: "e2e: publish the demo copy as it is" };
    for (const to of ["APPROVED", "PUBLISHED"]) {
      const res = await editor.post(`/api/v1/articles/${id}/status`, {
        headers,
        data: { to, override },
      });
      expect(res.status(), `${to}: ${await res.text()}`).toBe(200);
    }
    return { id, slug, currentRevision: 2 };
  } finally {
    await editor.dispose();
  }
}

/** How many feedback items the article has, in every status. */
export async function feedbackTotal(api: APIRequestContext, articleId: string): Promise<number> {
  const res = await api.get(`/api/v1/articles/${articleId}/feedback`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { counts: { total: number } }).counts.total;
}
