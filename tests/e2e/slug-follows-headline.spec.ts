import { ORIGIN, expect, ingestFresh, signInPage, test } from "./fixtures";

// Issue 15 item 7: the slug was made from the MT headline; once the headline is corrected the
// editor is offered a slug that follows it, and the old URL answers 308 to the new one.

test("a corrected headline moves the slug and the old URL answers 308", async ({ page }) => {
  test.setTimeout(90_000);
  await signInPage(page, "editor");
  const api = page.request;
  const article = await ingestFresh(api, {
    title: { source: "제목", mt: "Seoul pledges 10 billion won for chips" },
  });
  expect(article.slug).toMatch(/^seoul-pledges-10-billion-won-for-chips-/);
  const saved = await api.post(`/api/v1/articles/${article.id}/revisions`, {
    headers: { origin: ORIGIN },
    data: {
      baseRevision: 1,
      segments: [{ index: 0, text: "Seoul pledges 10 trillion won for chips" }],
    },
  });
  expect(saved.status(), await saved.text()).toBe(201);
  const approved = await api.post(`/api/v1/articles/${article.id}/status`, {
    headers: { origin: ORIGIN },
    data: { to: "APPROVED", override: { reason: "e2e: fixture MT keeps its QA warnings" } },
  });
  expect(approved.status(), await approved.text()).toBe(200);

  await page.goto(`/articles/${article.id}`);
  await page.getByText("URL follows the old headline").click();
  const corrected = article.slug.replace("billion", "trillion");
  await expect(page.getByTestId("slug-offer")).toContainText(`/read/${corrected}`);
  await page.getByRole("button", { name: "Use the new URL" }).click();
  await expect(page.getByText("URL follows the old headline")).toHaveCount(0);

  const published = await api.post(`/api/v1/articles/${article.id}/status`, {
    headers: { origin: ORIGIN },
    data: { to: "PUBLISHED", override: { reason: "e2e: fixture MT keeps its QA warnings" } },
  });
  expect(published.status(), await published.text()).toBe(200);

  const old = await api.get(`/read/${article.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toBe(`/read/${corrected}`);
  const oldVersion = await api.get(`/read/${article.slug}?revision=2`, { maxRedirects: 0 });
  expect(oldVersion.status()).toBe(308);
  expect(oldVersion.headers().location).toBe(`/read/${corrected}?revision=2`);

  await page.goto(`/read/${article.slug}`);
  await expect(page).toHaveURL(new RegExp(`/read/${corrected}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Seoul pledges 10 trillion won for chips",
  );
  const unknown = await api.get(`/read/no-such-article-zzzzzz`, { maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
});
