import { expect, signInPage, test } from "./fixtures";

// Issue 15 item 8: dates carry their zone; a user may choose their own on /account.

test("a user's time zone names every date in the workbench", async ({ page }) => {
  await signInPage(page, "viewer");
  await page.goto("/articles?externalId=demo-2026-1101");
  const updated = page.getByTestId("article-row").first().locator("[title$=' UTC']");
  await expect(updated).toHaveCount(1);

  await page.goto("/account");
  await page.getByLabel("Show dates in").selectOption("Asia/Seoul");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Dates now show in Asia/Seoul");
  try {
    await page.goto("/articles?externalId=demo-2026-1101");
    await expect(
      page.getByTestId("article-row").first().locator("[title$=' Asia/Seoul']"),
    ).toHaveCount(1);
  } finally {
    // Back to the newsroom's zone: the demo viewer is shared with other specs.
    await page.goto("/account");
    await page.getByLabel("Show dates in").selectOption("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toContainText("Dates now show in UTC");
  }
});
