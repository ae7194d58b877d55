import { expect, freshArticle, ingestFresh, ORIGIN, signInApi, signInPage, test } from "./fixtures";

// Issue 15, workspace items: density, find and replace, glossary in context, read-only mode,
// links out. Everything at the viewport the issue names.
test.use({ viewport: { width: 1440, height: 900 } });

const SHOTS = process.env.E2E_SCREENSHOTS; // a folder: keep screenshots to look at

/** Realistic news paragraphs: one or two sentences, as Yonhap-style wire copy has. */
function thirtySegments() {
  const sources: string[] = [];
  const mts: string[] = [];
  for (let i = 1; i <= 29; i++) {
    sources.push(
      `서울시는 ${i}일 한강 다리 보수 공사를 마치고 차량 통행을 다시 허용한다고 밝혔다. 시 관계자는 안전 점검을 모두 통과했다고 말했다.`,
    );
    mts.push(
      `Seoul said on the ${i}th that it would reopen the Han River bridge to traffic after repairs. A city official said it passed every safety inspection.`,
    );
  }
  return {
    title: { source: "서울시, 한강 다리 통행 재개", mt: "Seoul to reopen Han River bridge" },
    source: sources.join("\n\n"),
    mt: mts.join("\n\n"),
  };
}

test("a 30-segment article shows its first 8 segments in 1440×900, header and toolbar in view", async ({
  page,
  browser,
}) => {
  const article = await freshArticle(browser, thirtySegments());
  await signInPage(page, "reviewer");
  await page.goto(`/articles/${article.id}`);
  const rows = page.getByTestId("segment-row");
  await expect(rows).toHaveCount(30);
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  const toolbar = page.getByTestId("workspace-toolbar");
  await expect(toolbar).toBeInViewport();
  // One line: the toolbar does not wrap at 1440 px.
  const bar = (await toolbar.boundingBox())!;
  expect(bar.height).toBeLessThan(40);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/workspace-30.png` });
  const eighth = (await rows.nth(7).boundingBox())!;
  expect(eighth.y + eighth.height).toBeLessThanOrEqual(900);
  // One way to annotate: no separate "Annotate" control on the rows.
  await expect(page.getByRole("button", { name: /^Annotate/ })).toHaveCount(0);

  // An editor has the most toolbar controls (assign, export, status moves): still one line.
  const editor = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signInPage(editor, "editor");
  await editor.goto(`/articles/${article.id}`);
  await expect(editor.getByRole("button", { name: "Find & replace" })).toBeVisible();
  const editorBar = (await editor.getByTestId("workspace-toolbar").boundingBox())!;
  if (SHOTS) await editor.screenshot({ path: `${SHOTS}/workspace-30-editor.png` });
  expect(editorBar.height).toBeLessThan(40);
  const editorEighth = (await editor.getByTestId("segment-row").nth(7).boundingBox())!;
  expect(editorEighth.y + editorEighth.height).toBeLessThanOrEqual(900);
  await editor.close();
});

test("find and replace previews every hit, applies per hit and all at once, and saves one revision", async ({
  page,
  browser,
}) => {
  const article = await freshArticle(browser);
  await signInPage(page, "reviewer");
  await page.goto(`/articles/${article.id}`);
  await page.getByRole("button", { name: "Find & replace" }).click();
  const panel = page.getByRole("region", { name: "Find and replace" });
  await panel.getByLabel("Find").fill("father's side");
  await panel.getByLabel("Replace with").fill("mother's side");
  const hits = panel.getByTestId("find-hit");
  await expect(hits).toHaveCount(2);
  await expect(hits.nth(0)).toContainText("#0");
  await expect(hits.nth(1).locator("del")).toHaveText("father's side");
  await expect(hits.nth(1).locator("ins")).toHaveText("mother's side");

  // An invalid regular expression is a message, not a crash; the hits come back after.
  await panel.getByLabel("Regular expression").check();
  await panel.getByLabel("Find").fill("father's (side");
  await expect(panel.getByRole("alert")).toContainText("Invalid regular expression");
  await expect(hits).toHaveCount(0);
  await panel.getByLabel("Find").fill("father's (side)");
  await panel.getByLabel("Replace with").fill("mother's $1");
  await expect(hits).toHaveCount(2);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/find-replace.png` });

  // Per hit: only the title changes; then all at once: the remaining hit.
  await hits.nth(0).getByRole("button", { name: "Replace in segment 0" }).click();
  await expect(page.locator('[data-segment-input="0"]')).toHaveValue(
    "Uncle on mother's side and nephew",
  );
  await expect(page.locator('[data-segment-input="1"]')).toHaveValue(
    "He met his uncle on his father's side.",
  );
  await expect(hits).toHaveCount(1);
  await panel.getByRole("button", { name: "Replace all (1)" }).click();
  await expect(hits).toHaveCount(0);
  await expect(page.locator('[data-segment-input="1"]')).toHaveValue(
    "He met his uncle on his mother's side.",
  );
  await expect(page.getByTestId("unsaved-marker")).toHaveCount(2);

  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as revision 2" })).toBeVisible();
  const list = await (await page.request.get(`/api/v1/articles/${article.id}/revisions`)).json();
  expect(list.items.map((r: { number: number }) => r.number)).toEqual([2, 1]);
  const r2 = await (await page.request.get(`/api/v1/articles/${article.id}/revisions/2`)).json();
  expect(r2.segments.slice(0, 2).map((s: { text: string }) => s.text)).toEqual([
    "Uncle on mother's side and nephew",
    "He met his uncle on his mother's side.",
  ]);
});

test("a viewer gets a read-only workspace: plain text, a banner, no editable field", async ({
  page,
  browser,
}) => {
  const article = await freshArticle(browser);
  await signInPage(page, "viewer");
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByTestId("read-only-banner")).toContainText("Read-only");
  await expect(page.getByTestId("segment-readonly-text").nth(1)).toContainText(
    "He met his uncle on his father's side.",
  );
  await expect(page.getByTestId("segment-row")).toHaveCount(4);
  await expect(
    page.locator("main").locator("textarea, input:not([type=checkbox]), [contenteditable=true]"),
  ).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Find & replace" })).toHaveCount(0);
});

test("glossary terms are marked in the source with their required target, linked from the QA warning", async ({
  page,
  browser,
}) => {
  // A unique Hangul term, so the shared ko→en glossary does not affect other specs.
  const syllable = () => String.fromCharCode(0xac00 + Math.floor(Math.random() * 11172));
  const term = `갤${syllable()}${syllable()}${syllable()}`;
  const editor = await browser.newContext();
  await signInApi(editor.request, "editor");
  const res = await editor.request.post("/api/v1/glossary", {
    headers: { origin: ORIGIN },
    data: { sourceLang: "ko", targetLang: "en", sourceTerm: term, targetTerm: "Galleon Bank" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const article = await ingestFresh(editor.request, {
    source: `${term}이 외삼촌을 만났다.\n\n두 사람은 70년 만에 만났다.\n\n그들은 울었다.`,
  });
  await editor.close();

  await signInPage(page, "reviewer");
  await page.goto(`/articles/${article.id}`);
  const row = page.locator('li[data-segment-index="1"]');
  const mark = row.locator(`[data-glossary-term="${term}"]`);
  await expect(mark).toHaveText(term);
  await expect(mark).toHaveAttribute("data-missing", "true");
  await expect(mark).toHaveAccessibleDescription(/Galleon Bank.*missing/);
  await mark.focus();
  await expect(row.getByRole("tooltip")).toBeVisible();

  // The QA warning links to the mark.
  await row.getByTestId("qa-chip").click();
  await row
    .getByTestId("qa-warning")
    .filter({ hasText: term })
    .getByTestId("glossary-warning-link")
    .click();
  await expect(mark).toBeFocused();

  // Typing the required target clears the "missing" state at once.
  await page.locator('[data-segment-input="1"]').fill("Galleon Bank met his maternal uncle.");
  await expect(mark).toHaveAttribute("data-missing", "false");
});

test("links out: the public page when public, and a signed-in preview of the current text", async ({
  page,
  browser,
}) => {
  const draft = await freshArticle(browser);
  const published = await freshArticle(browser, {}, { published: true });
  await signInPage(page, "viewer");
  await page.goto(`/articles/${draft.id}`);
  await expect(page.getByRole("link", { name: /Public page/ })).toHaveCount(0);
  await page.goto(`/articles/${published.id}`);
  await expect(page.getByRole("link", { name: /Public page/ })).toHaveAttribute(
    "href",
    `/read/${published.slug}`,
  );
  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${published.id}/preview$`));
  await expect(page.getByTestId("preview-banner")).toContainText("not public");
  await expect(page.locator("[data-preview-article] h1")).toHaveText(
    "Uncle on father's side and nephew",
  );
  // Never public: an anonymous visitor is sent to sign in.
  const anon = await browser.newContext();
  const res = await anon.request.get(`/articles/${draft.id}/preview`, { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(res.status());
  expect(res.headers().location).toContain("/signin");
  await anon.close();
});

test("history: per-word blame names who introduced each word; a revert shows its diff before it runs", async ({
  page,
}) => {
  await signInPage(page, "editor");
  const article = await ingestFresh(page.request);
  const saved = await page.request.post(`/api/v1/articles/${article.id}/revisions`, {
    headers: { origin: ORIGIN },
    data: { baseRevision: 1, segments: [{ index: 2, text: "The two met after 70 long years." }] },
  });
  expect(saved.status(), await saved.text()).toBe(201);

  await page.goto(`/articles/${article.id}/history/blame`);
  const words = page.getByTestId("blame-line").nth(2).getByTestId("word-blame");
  await expect(words).toHaveText("The two met after 70 long years.");
  await expect(words.locator('[data-revision="2"]')).toHaveText(/^\s*70 long\s*$/);
  await expect(words.locator('[data-revision="2"]')).toHaveAttribute(
    "title",
    /^r2 · Eun-ji Editor$/,
  );
  await expect(words.locator('[data-revision="1"]').first()).toHaveAttribute(
    "title",
    "r1 · machine translation",
  );

  await page.goto(`/articles/${article.id}/history`);
  const r1 = page
    .getByTestId("revision-row")
    .filter({ hasText: "Machine translation as ingested" });
  await r1.getByText("Revert to r1").click();
  const preview = r1.getByTestId("revert-preview");
  await expect(preview).toContainText("Reverting changes 1 segment");
  await expect(preview.locator("del")).toHaveText(/70 long/);
  // Nothing has been reverted by looking.
  await expect(page.getByTestId("revision-row")).toHaveCount(2);
});

test("selecting words in the MT column opens the MQM popover on the MT, at the right offsets", async ({
  page,
  browser,
}) => {
  const article = await freshArticle(browser);
  await signInPage(page, "reviewer");
  await page.goto(`/articles/${article.id}`);
  const row = page.locator('li[data-segment-index="2"]');
  await row.getByTestId("segment-mt").evaluate((el) => {
    const node = el.firstChild!;
    const start = (node.textContent ?? "").indexOf("after years");
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + "after years".length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  });
  const form = row.getByRole("form", { name: "New annotation on segment 2" });
  await expect(form.getByLabel("Machine translation")).toBeChecked();
  await expect(form.getByTestId("annotation-quote")).toHaveValue("after years");
  await form.getByLabel("Category").selectOption({ label: "Omission" });
  await form.getByRole("button", { name: "Add annotation" }).click();
  await expect(row.getByTestId("annotation-chip")).toContainText("MQM 1");
  const items = (
    await (await page.request.get(`/api/v1/articles/${article.id}/annotations`)).json()
  ).items;
  expect(items).toEqual([
    expect.objectContaining({ target: "MT", start: 12, end: 23, quote: "after years" }),
  ]);
});
