import type { APIRequestContext } from "@playwright/test";
import { expect, signInPage, test } from "./fixtures";
import { apiAs, ownPublishedArticle, uniqueIp, type DemoArticle } from "./feedback-support";

// Issue 15 item 9: the inbox is a compact list triaged from the keyboard.

let reviewer: APIRequestContext;
let article: DemoArticle;

test.beforeAll(async ({ baseURL }) => {
  reviewer = await apiAs(baseURL!, "reviewer");
  article = await ownPublishedArticle(baseURL!);
});

test.afterAll(async () => {
  await reviewer.dispose();
});

async function report(request: APIRequestContext, comment: string): Promise<string> {
  const res = await request.post(`/api/v1/articles/${article.id}/feedback`, {
    data: { category: "OTHER", comment },
    headers: { "x-forwarded-for": uniqueIp() },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

const statusOf = async (id: string) =>
  ((await (await reviewer.get(`/api/v1/feedback/${id}`)).json()) as { status: string }).status;

test("three reports triaged with j/k, x, a, s and r", async ({ page, request }) => {
  test.setTimeout(90_000);
  // Newest first: the list reads third, second, first.
  const first = await report(request, "First report: the figure looks wrong.");
  const second = await report(request, "Second report: buy cheap watches.");
  const third = await report(request, "Third report: the name is misspelt.");

  await signInPage(page, "reviewer");
  await page.goto(`/feedback?articleId=${article.id}`);
  const rows = page.getByTestId("feedback-item");
  await expect(rows).toHaveCount(3);
  // One line each until opened.
  for (const row of await rows.all()) {
    expect((await row.boundingBox())!.height).toBeLessThan(48);
  }
  const row = (id: string) => page.locator(`[data-feedback-id="${id}"]`);
  await expect(row(third)).toHaveAttribute("data-current", "");

  await page.keyboard.press("j");
  await expect(row(second)).toHaveAttribute("data-current", "");
  await expect(row(third)).not.toHaveAttribute("data-current", "");
  await page.keyboard.press("x");
  await expect(row(second).getByRole("checkbox")).toBeChecked();
  await page.keyboard.press("x");
  await expect(row(second).getByRole("checkbox")).not.toBeChecked();
  await page.keyboard.press("k");
  await expect(row(third)).toHaveAttribute("data-current", "");

  await page.keyboard.press("a");
  await expect(row(third)).toHaveCount(0);
  await expect.poll(() => statusOf(third)).toBe("ACCEPTED");

  // The second report is now the current row.
  await expect(row(second)).toHaveAttribute("data-current", "");
  await page.keyboard.press("s");
  await expect(row(second)).toHaveCount(0);
  await expect.poll(() => statusOf(second)).toBe("SPAM");

  await expect(row(first)).toHaveAttribute("data-current", "");
  await page.keyboard.press("r");
  const reason = row(first).getByLabel("Reject because");
  await expect(reason).toBeFocused();
  await page.keyboard.type("The figure matches the source");
  await page.keyboard.press("Enter");
  await expect(row(first)).toHaveCount(0);
  await expect.poll(() => statusOf(first)).toBe("REJECTED");
});
