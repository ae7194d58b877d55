import { expect, freshArticle, ingestFresh, ORIGIN, signInApi, signInPage, test } from "./fixtures";

test("a reviewer annotates selected words in the workspace and sees them highlighted", async ({
  page,
  browser,
}) => {
  const article = await freshArticle(browser);

  await signInPage(page, "reviewer");
  await page.goto(`/articles/${article.id}`);
  const row = page.locator('li[data-segment-index="1"]');
  // Select "uncle on his father's side" in the row's current text, as a mouse drag would:
  // selecting words is the one way to open the MQM popover.
  await row.locator('[data-segment-input="1"]').evaluate((el: HTMLTextAreaElement) => {
    const start = el.value.indexOf("uncle on his father's side");
    el.focus();
    el.setSelectionRange(start, start + "uncle on his father's side".length);
    el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  });
  const form = row.getByRole("form", { name: "New annotation on segment 1" });
  await expect(form.getByTestId("annotation-quote")).toHaveValue("uncle on his father's side");
  await form.getByLabel("Category").selectOption({ label: "Mistranslation" });
  await form.getByLabel("Severity").selectOption("major");
  await form.getByLabel("Note (optional)").fill("외삼촌 is the mother's brother");
  await form.getByRole("button", { name: "Add annotation" }).click();
  await expect(row.locator("mark").filter({ hasText: "uncle on his father's side" })).toBeVisible();
  const api = await page.request.get(`/api/v1/articles/${article.id}/annotations`);
  const items = (await api.json()).items as { category: string; severity: string; quote: string }[];
  expect(items).toEqual([
    expect.objectContaining({
      category: "Accuracy/Mistranslation",
      severity: "major",
      quote: "uncle on his father's side",
    }),
  ]);
});

test("accepting a reader's suggestion opens the workspace with it applied; saving resolves the feedback", async ({
  page,
  browser,
  request,
}) => {
  // Readers can only send feedback on what they are shown: publish it first.
  const article = await freshArticle(browser, {}, { published: true });
  const quote = "uncle on his father's side";
  const text = "He met his uncle on his father's side.";
  const fb = await request.post(`/api/v1/articles/${article.id}/feedback`, {
    headers: { "x-forwarded-for": "10.55.0.9" },
    data: {
      category: "MISTRANSLATION",
      comment: "외삼촌 is a maternal uncle",
      suggestion: "maternal uncle",
      quote,
      segmentIndex: 1,
      quoteStart: text.indexOf(quote),
      quoteEnd: text.indexOf(quote) + quote.length,
    },
  });
  expect(fb.status(), await fb.text()).toBe(201);
  const { id: feedbackId } = await fb.json();

  await signInPage(page, "reviewer");
  await page.goto(`/articles/${article.id}`);
  await expect(
    page.locator('li[data-segment-index="1"]').getByTestId("segment-feedback"),
  ).toContainText("maternal uncle");
  await page
    .locator('li[data-segment-index="1"]')
    .getByRole("link", { name: "Apply suggestion" })
    .click();
  await expect(page.locator('[data-segment-input="1"]')).toHaveValue("He met his maternal uncle.");
  await expect(
    page.getByRole("status").filter({ hasText: "Reader suggestion applied" }),
  ).toBeVisible();
  await page.getByRole("button", { name: /^Save/ }).click();
  // The suggestion leaves the URL once saved; the confirmation must outlive that.
  await expect(page).toHaveURL(/\/articles\/[^/?]+$/);
  await expect(page.getByTestId("revision-number")).toContainText("Revision 2");
  await expect(page.getByRole("status").filter({ hasText: "Saved as revision 2" })).toBeVisible();
  const item = await page.request.get(`/api/v1/feedback/${feedbackId}`);
  expect(await item.json()).toMatchObject({ status: "ACCEPTED", resolvingRevision: 2 });
});

test("an editor assigns an article and the reviewer finds it under 'assigned to me'", async ({
  page,
  browser,
}) => {
  const editor = await browser.newContext();
  await signInApi(editor.request, "editor");
  const article = await ingestFresh(editor.request, { title: { mt: "Assignment target article" } });
  const res = await editor.request.post(`/api/v1/articles/${article.id}/assign`, {
    headers: { origin: ORIGIN },
    data: { assignee: "reviewer@galley.local" },
  });
  expect(res.status(), await res.text()).toBe(200);
  await editor.close();

  await signInPage(page, "reviewer");
  await page.goto("/articles?assignee=me");
  await expect(
    page.getByTestId("article-row").filter({ hasText: "Assignment target article" }),
  ).toBeVisible();
  const list = await page.request.get("/api/v1/articles?assignee=me");
  const items = (await list.json()).items as { id: string; assignee: string }[];
  expect(items.map((i) => i.id)).toContain(article.id);
  expect(items.every((i) => i.assignee === "reviewer@galley.local")).toBe(true);
});
