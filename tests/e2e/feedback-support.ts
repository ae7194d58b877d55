import { randomInt } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, signInApi, type DemoRole } from "./fixtures";

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

/** How many feedback items the article has, in every status. */
export async function feedbackTotal(api: APIRequestContext, articleId: string): Promise<number> {
  const res = await api.get(`/api/v1/articles/${articleId}/feedback`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { counts: { total: number } }).counts.total;
}
