import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signInPage, test } from "./fixtures";

// axe-core on the pages people use all day: no serious or critical violations.
async function audit(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  ).toEqual([]);
}

async function demoArticle(page: Page, externalId = "demo-2026-1101") {
  const res = await page.request.get(`/api/v1/articles?externalId=${externalId}`);
  const items = (await res.json()).items as { id: string; slug: string; externalId: string }[];
  const found = items.find((a) => a.externalId === externalId);
  expect(found, `demo article ${externalId}`).toBeTruthy();
  return found!;
}

test("sign-in page", async ({ page }) => {
  await audit(page, "/signin");
});

test("public reading page", async ({ page, browser }) => {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await signInPage(p, "viewer");
  const a = await demoArticle(p);
  await ctx.close();
  await audit(page, `/read/${a.slug}`);
});

test.describe("signed-in pages", () => {
  test.beforeEach(async ({ page }) => signInPage(page, "admin"));

  test("review queue", async ({ page }) => audit(page, "/articles"));
  test("workspace", async ({ page }) => audit(page, `/articles/${(await demoArticle(page)).id}`));
  test("history", async ({ page }) =>
    audit(page, `/articles/${(await demoArticle(page)).id}/history`));
  test("feedback inbox", async ({ page }) => audit(page, "/feedback"));
  test("dashboard", async ({ page }) => audit(page, "/dashboard"));
});

test("the workspace is usable by keyboard alone", async ({ page }) => {
  await signInPage(page, "reviewer");
  const a = await demoArticle(page, "demo-2026-1103");
  await page.goto(`/articles/${a.id}`);
  await page.locator('[data-segment-input="0"]').focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.locator('[data-segment-input="1"]')).toBeFocused();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Keyboard edit.");
  await page.keyboard.press("Alt+ArrowUp");
  await expect(page.locator('[data-segment-input="0"]')).toBeFocused();
  await page.keyboard.press("Control+s");
  await expect(page.getByRole("status").filter({ hasText: /Saved as revision \d+/ })).toBeVisible();
  await expect(page.locator('[data-segment-input="1"]')).toHaveValue(/Keyboard edit\.$/);
});
