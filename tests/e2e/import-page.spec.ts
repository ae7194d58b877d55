import AxeBuilder from "@axe-core/playwright";
import { expect, signInPage, test } from "./fixtures";

// The upload page: an NDJSON file goes up in chunks with a progress bar, then a summary lists
// bad lines by their number in the whole file.

const uid = () => Math.random().toString(36).slice(2, 10);

function article(externalId: string) {
  return {
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "E2E Upload MT" },
    externalId,
    outlet: "E2E Upload",
    title: { mt: "Uploaded <b>title</b>" },
    mt: "Body paragraph.",
  };
}

test("uploads an NDJSON file with progress and lists bad lines by number", async ({ page }) => {
  test.setTimeout(300_000);
  await signInPage(page, "editor");
  await page.goto("/articles/import");
  await expect(page.getByRole("heading", { name: "Import articles" })).toBeVisible();

  const run = uid();
  const bad = [7, 250, 401]; // in the first, second and third chunk of 200 lines
  const lines = Array.from({ length: 450 }, (_, i) => {
    const n = i + 1;
    if (n === 7) return "{ broken json";
    if (n === 250) return JSON.stringify({ ...article(`u-${run}-${n}`), engine: {} });
    if (n === 401) return '"<img src=x onerror=alert(1)>"';
    return JSON.stringify(article(`u-${run}-${n}`));
  });
  await page.getByLabel("File to import").setInputFiles({
    name: "articles.ndjson",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(lines.join("\n") + "\n"),
  });
  await expect(page.getByText("NDJSON: new articles, one per line")).toBeVisible();
  await page.getByRole("button", { name: "Upload" }).click();

  await expect(page.getByTestId("upload-percent")).toHaveText("100%", { timeout: 240_000 });
  await expect(page.getByLabel("Upload progress")).toHaveAttribute("value", "100");
  await expect(page.getByTestId("import-summary")).toHaveText(
    "447 created, 0 already present, 3 errors",
  );
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(4); // header + 3
  for (const [i, line] of bad.entries()) {
    await expect(
      rows
        .nth(i + 1)
        .getByRole("cell")
        .first(),
    ).toHaveText(String(line));
  }
  await expect(rows.nth(2)).toContainText("engine.name");
  // Nothing the file said became markup.
  await expect(page.locator("main img")).toHaveCount(0);
  // The page with its summary table has no serious accessibility problems.
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("a Galley JSON export of an existing article is refused with the API's message", async ({
  page,
}) => {
  await signInPage(page, "editor");
  const list = await (await page.request.get("/api/v1/articles?limit=1")).json();
  const id = list.items[0].id as string;
  const doc = await (await page.request.get(`/api/v1/articles/${id}/export?format=json`)).text();
  await page.goto("/articles/import");
  await page.getByLabel("File to import").setInputFiles({
    name: "article.galley.json",
    mimeType: "application/json",
    buffer: Buffer.from(doc),
  });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();
});

test("an edited XLIFF export comes back as a new revision", async ({ page, baseURL }) => {
  await signInPage(page, "editor");
  const created = await page.request.post("/api/v1/articles", {
    data: article(`x-${uid()}`),
    headers: { origin: baseURL! },
  });
  const { id } = await created.json();
  const res = await page.request.get(`/api/v1/articles/${id}/export?format=xliff`);
  const name = /filename="([^"]+)"/.exec(res.headers()["content-disposition"]!)![1]!;
  const xliff = (await res.text()).replace(
    "<target>Body paragraph.</target>",
    "<target>Edited body paragraph.</target>",
  );
  await page.goto("/articles/import");
  await page.getByLabel("File to import").setInputFiles({
    name,
    mimeType: "application/xliff+xml",
    buffer: Buffer.from(xliff),
  });
  // Article id and revision come from the file itself.
  await expect(page.getByLabel("Article id")).toHaveValue(id);
  await expect(page.getByLabel("Exported from revision")).toHaveValue("1");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Saved the translations as revision 2." }),
  ).toBeVisible();
});
