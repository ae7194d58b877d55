import { request as playwrightRequest } from "@playwright/test";
import { expect, ingestFresh, signInApi, signInPage, test } from "./fixtures";

// Issue 15 item 10: the audit log reads as sentences, names articles and people, keeps the raw
// event a click away, and 50 rows stay a page a person can scan.

test("50 readable rows, raw JSON on demand, filtered by article", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  // At least 50 events: each sign-in is one.
  const editor = await playwrightRequest.newContext({ baseURL });
  for (let i = 0; i < 50; i++) await signInApi(editor, "editor");
  const article = await ingestFresh(editor, {
    title: { source: "제목", mt: "Seoul to open a hydrogen tram line" },
  });
  await editor.dispose();

  await signInPage(page, "admin");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/audit");
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(50);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(6_600);

  const signIn = rows
    .filter({ has: page.getByTestId("audit-summary").filter({ hasText: /^Editor .+ signed in$/ }) })
    .first();
  await expect(signIn.getByTestId("audit-actor")).toHaveAttribute("title", /editor@galley\.local/);
  const raw = signIn.locator("pre");
  await expect(raw).toBeHidden();
  await signIn.getByText("JSON").click();
  await expect(raw).toBeVisible();
  await expect(raw).toContainText('"requestId"');

  await page.getByLabel("Article").selectOption(article.id);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`articleId=${article.id}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("audit-summary")).toHaveText(
    /^Editor .+ ingested 'Seoul to open a hydrogen tram line' \(\d+ segments\)$/,
  );
  await expect(rows.first().getByTestId("audit-article")).toHaveAttribute(
    "title",
    `Article id ${article.id}`,
  );
});
