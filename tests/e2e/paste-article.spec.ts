import { expect, signInPage, test } from "./fixtures";

// Issue 15 item 11: paste source and MT, check the pairing, create.

test("the paste form previews the pairing and creates the article", async ({ page }) => {
  test.setTimeout(60_000);
  const unique = `paste-${Date.now()}`;
  await signInPage(page, "editor");
  await page.goto("/articles");
  await page.getByRole("link", { name: "Paste an article" }).click();
  await expect(page).toHaveURL(/\/articles\/new$/);

  await page.getByLabel("MT engine").fill("Paste MT");
  await page.getByLabel("External id").fill(unique);
  await page.getByLabel("MT headline").fill("Seoul opens a hydrogen tram line");
  await page.getByLabel("Source text (optional)").fill("첫 문단.\n\n둘째 문단.");
  await page.getByLabel("MT text").fill("The first paragraph.");
  await expect(page.getByTestId("paste-preview-problem")).toContainText(
    "The source has 2 paragraphs and the MT 1",
  );
  await expect(page.getByRole("button", { name: "Create article" })).toBeDisabled();

  await page
    .getByLabel("MT text")
    .fill(
      "The first paragraph.\n\nThe second paragraph.\n\n※ This article has been translated by AI. Share your feedback here.",
    );
  await expect(page.getByTestId("paste-preview-summary")).toHaveText(
    "2 paragraphs, 0 read as captions; AI notice found (kept apart, shown under the article)",
  );
  const rows = page.getByTestId("paste-preview").getByRole("row");
  await expect(rows.nth(2)).toContainText("첫 문단.");
  await expect(rows.nth(2)).toContainText("The first paragraph.");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download an NDJSON template" }).click();
  expect((await download).suggestedFilename()).toBe("galley-articles-template.ndjson");

  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new)[^/?]+$/);
  const id = page.url().split("/").pop()!;
  const detail = await (await page.request.get(`/api/v1/articles/${id}`)).json();
  expect(detail).toMatchObject({ externalId: unique, footer: expect.stringContaining("by AI") });
  expect(detail.segments.map((s: { mt: string }) => s.mt)).toEqual([
    "Seoul opens a hydrogen tram line",
    "The first paragraph.",
    "The second paragraph.",
  ]);
});
