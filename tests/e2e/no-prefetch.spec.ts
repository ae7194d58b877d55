import { expect, ingestFresh, signInPage, test } from "./fixtures";

// ADR 018: every workbench page is a per-user server render, so a link that prefetches costs
// the server and the database a render nobody asked for. The queue lists one link per article.
test("the queue and the inbox fetch no page the reader did not open", async ({ page }) => {
  await signInPage(page, "editor");
  await ingestFresh(page.request);
  const rendered: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).searchParams.has("_rsc")) rendered.push(r.url());
  });
  const feedbackLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", {
    name: /^Feedback/,
  });
  for (const path of ["/articles", "/feedback", "/dashboard"]) {
    await page.goto(path);
    await expect(feedbackLink).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(rendered).toEqual([]);
  // A click still navigates, fetching just the page it opens.
  await feedbackLink.click();
  await expect(page).toHaveURL(/\/feedback$/);
  expect(rendered).toHaveLength(1);
});
