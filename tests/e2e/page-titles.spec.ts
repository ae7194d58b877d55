import { expect, freshArticle, signInPage, test } from "./fixtures";

// Issue 15: every page's title names the page (and the article), and there is a favicon.

test("tabs name the page and the article; the favicon is served", async ({ page, browser }) => {
  const article = await freshArticle(browser, {
    title: { source: "제목", mt: "Seoul to open a hydrogen tram line" },
  });
  const icon = await page.request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");

  await signInPage(page, "reviewer");
  await page.goto(`/articles/${article.id}`);
  await expect(page).toHaveTitle("Review · Seoul to open a hydrogen tram line · Galley");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
  await page.goto(`/articles/${article.id}/history`);
  await expect(page).toHaveTitle("History · Seoul to open a hydrogen tram line · Galley");
  await page.goto("/feedback");
  await expect(page).toHaveTitle("Feedback · Galley");
});

test("an anonymous visitor learns no article title from the tab", async ({ page, browser }) => {
  const article = await freshArticle(browser, {
    title: { source: "제목", mt: "A title only reviewers may see" },
  });
  const res = await page.request.get(`/articles/${article.id}/history`, { maxRedirects: 0 });
  expect(await res.text()).not.toContain("A title only reviewers may see");
});
