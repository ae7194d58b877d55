import type { Page } from "@playwright/test";
import { expect, freshArticle, ingestFresh, ORIGIN, signInApi, signInPage, test } from "./fixtures";

/**
 * Replaces a segment's text (the page's first edit) and waits until the editor holds it as an
 * unsaved edit. Typing while the page is still hydrating can land beside the text React then
 * restores ("They wept.They cried." on a loaded machine), so it types again until the editor
 * shows exactly the edit.
 */
async function editSegment(page: Page, index: number, text: string): Promise<void> {
  const input = page.locator(`[data-segment-input="${index}"]`);
  await expect(async () => {
    await input.fill(text);
    await expect(input).toHaveValue(text, { timeout: 1_000 });
    // The only edit on the page so far.
    await expect(page.getByTestId("unsaved-marker")).toHaveCount(1, { timeout: 1_000 });
  }).toPass();
}

test("a reviewer edits two segments, saves, reloads and sees the new text with the MT diff", async ({
  page,
  browser,
}) => {
  const article = await freshArticle(browser);

  await signInPage(page, "reviewer");
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByTestId("revision-number")).toContainText("Revision 1");
  await expect(page.getByLabel("AI-disclosure footer")).toContainText("translated by AI");
  const seg1 = page.locator('[data-segment-input="1"]');
  const seg2 = page.locator('[data-segment-input="2"]');
  await seg1.fill("He met his maternal uncle.");
  await seg2.fill("The two met after 70 years.");
  await expect(page.getByTestId("unsaved-marker")).toHaveCount(2);
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as revision 2" })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("revision-number")).toContainText("Revision 2");
  await expect(seg1).toHaveValue("He met his maternal uncle.");
  const diff = page.locator('[data-segment-index="1"] [data-testid="segment-diff"]');
  await expect(diff.locator("ins")).toContainText("maternal");
  await expect(diff.locator("del")).toContainText("on his father's side");
  await expect(page.locator('[data-segment-index="2"] ins')).toContainText("70");
  // The diff toggle hides it.
  await page.getByLabel("Show MT → current diff").uncheck();
  await expect(page.getByTestId("segment-diff")).toHaveCount(0);

  const revisions = await page.request.get(`/api/v1/articles/${article.id}/revisions`);
  expect(revisions.status()).toBe(200);
  const body = await revisions.json();
  expect(body.items[0].number).toBe(2);
});

test("unsaved edits survive a reload, and a conflicting save shows theirs against mine", async ({
  page,
  browser,
}) => {
  await signInPage(page, "reviewer");
  const editorCtx = await browser.newContext();
  await signInApi(editorCtx.request, "editor");
  const article = await ingestFresh(editorCtx.request);

  await page.goto(`/articles/${article.id}`);
  await editSegment(page, 3, "They wept together.");
  await page.reload();
  await expect(page.locator('[data-segment-input="3"]')).toHaveValue("They wept together.");
  await expect(page.getByTestId("unsaved-marker")).toHaveCount(1);

  // Someone else saves the same segment first.
  const theirs = await editorCtx.request.post(`/api/v1/articles/${article.id}/revisions`, {
    headers: { origin: ORIGIN },
    data: { baseRevision: 1, segments: [{ index: 3, text: "They both cried." }] },
  });
  expect(theirs.status()).toBe(201);
  await editorCtx.close();

  await page.keyboard.press("Control+s");
  const dialog = page.getByRole("dialog");
  // Three-way: who saved, and each side's change against the text both started from.
  await expect(dialog).toContainText("Eun-ji Editor saved revision 2");
  await expect(dialog.getByTestId("conflict-theirs").locator("ins")).toContainText("both");
  await expect(dialog.getByTestId("conflict-mine").locator("ins")).toContainText("wept together");
  await dialog.getByLabel("Merged text").fill("They both wept.");
  await dialog.getByRole("button", { name: "Save merged version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as revision 3" })).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-segment-input="3"]')).toHaveValue("They both wept.");
  await expect(page.getByTestId("unsaved-marker")).toHaveCount(0);
});

test("the workflow moves through review and approval; shortcuts help opens with ?", async ({
  page,
  browser,
}) => {
  const article = await freshArticle(browser);

  await signInPage(page, "editor");
  await page.goto(`/articles/${article.id}`);
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", "IN_REVIEW");
  await page.getByRole("button", { name: "Approve" }).click();
  // Approving is confirmed in a dialog, never one click.
  const approve = page.getByRole("dialog", { name: "Approve?" });
  await expect(approve).toBeVisible();
  await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", "IN_REVIEW");
  await approve.getByRole("button", { name: "Approve" }).click();
  // The fresh article's MT drops "70": a QA warning the gate lists; the editor passes it.
  const blocked = page.getByRole("dialog", { name: "Open work blocks “Approve”" });
  await expect(blocked.getByTestId("gate-blockers")).toContainText("QA warning");
  await blocked.getByLabel(/Reason to approve anyway/).fill("Number checked against the source");
  await blocked.getByRole("button", { name: "Approve with this reason" }).click();
  await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", "APPROVED");
  await page.locator("body").click();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("viewers and anonymous callers cannot save or change status", async ({ request, browser }) => {
  const article = await freshArticle(browser);

  const anon = await request.post(`/api/v1/articles/${article.id}/revisions`, {
    data: { baseRevision: 1, segments: [{ index: 1, text: "x" }] },
  });
  expect(anon.status()).toBe(401);
  const anonStatus = await request.post(`/api/v1/articles/${article.id}/status`, {
    data: { to: "IN_REVIEW" },
  });
  expect(anonStatus.status()).toBe(401);
  await signInApi(request, "viewer");
  const viewer = await request.post(`/api/v1/articles/${article.id}/revisions`, {
    headers: { origin: ORIGIN },
    data: { baseRevision: 1, segments: [{ index: 1, text: "x" }] },
  });
  expect(viewer.status()).toBe(403);
  const viewerStatus = await request.post(`/api/v1/articles/${article.id}/status`, {
    headers: { origin: ORIGIN },
    data: { to: "IN_REVIEW" },
  });
  expect(viewerStatus.status()).toBe(403);
});

test("a cross-site form post with a session cookie is refused", async ({ request, browser }) => {
  const editorCtx = await browser.newContext();
  await signInApi(editorCtx.request, "editor");
  const article = await ingestFresh(editorCtx.request);
  const res = await editorCtx.request.post(`/api/v1/articles/${article.id}/status`, {
    headers: { origin: "https://evil.example" },
    data: { to: "IN_REVIEW" },
  });
  expect(res.status()).toBe(403);
  await editorCtx.close();
  void request;
});

test("edits to different segments merge on save without a dialog", async ({ page, browser }) => {
  await signInPage(page, "reviewer");
  const editorCtx = await browser.newContext();
  await signInApi(editorCtx.request, "editor");
  const article = await ingestFresh(editorCtx.request);
  await page.goto(`/articles/${article.id}`);
  await editSegment(page, 3, "They wept.");

  const theirs = await editorCtx.request.post(`/api/v1/articles/${article.id}/revisions`, {
    headers: { origin: ORIGIN },
    data: { baseRevision: 1, segments: [{ index: 2, text: "The two met after 70 years." }] },
  });
  expect(theirs.status()).toBe(201);
  await editorCtx.close();

  await page.keyboard.press("Control+s");
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Saved as revision 3 (merged with the work saved meanwhile)" }),
  ).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.reload();
  await expect(page.locator('[data-segment-input="2"]')).toHaveValue("The two met after 70 years.");
  await expect(page.locator('[data-segment-input="3"]')).toHaveValue("They wept.");
});
