import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signInPage, test } from "./fixtures";
import { apiAs, publishedDemoArticle, uniqueIp, type DemoArticle } from "./feedback-support";

// The whole loop in a browser: an anonymous reader quotes a phrase and suggests
// a fix; a reviewer triages it, the correction is saved and published; the
// public page then shows the corrected text and a correction notice.

const PHRASE = "swift execution";
const SUGGESTION = "swift implementation";

let reviewer: APIRequestContext;
let editor: APIRequestContext;
let article: DemoArticle;

test.beforeAll(async ({ baseURL }) => {
  reviewer = await apiAs(baseURL!, "reviewer");
  editor = await apiAs(baseURL!, "editor");
  article = await publishedDemoArticle(reviewer);
});

test.afterAll(async () => {
  await reviewer.dispose();
  await editor.dispose();
});

/** Selects `phrase` inside segment `index` as a reader would with the mouse. */
async function selectInSegment(page: Page, index: number, phrase: string) {
  await page.evaluate(
    ({ index, phrase }) => {
      const el = document.querySelector(`[data-public-article] [data-segment-index="${index}"]`)!;
      const node = el.firstChild!;
      const start = (node.textContent ?? "").indexOf(phrase);
      if (start < 0) throw new Error(`"${phrase}" is not in segment ${index}`);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + phrase.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { index, phrase },
  );
}

async function newFeedbackIds(articleId: string): Promise<Set<string>> {
  const res = await reviewer.get(`/api/v1/feedback?articleId=${articleId}&limit=200`);
  return new Set(((await res.json()).items as { id: string }[]).map((i) => i.id));
}

test("reader feedback becomes a published correction", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const known = await newFeedbackIds(article.id);

  // --- The reader (anonymous, no session) -------------------------------------------
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await page.goto(`/read/${article.slug}`);
  const body = page.locator("article[data-public-article]");
  await expect(body).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("10 trillion won");
  await expect(body.locator("[data-segment-index]")).toHaveCount(6);
  await expect(page.locator("#feedback")).toBeHidden();
  const a11y = await new AxeBuilder({ page }).analyze();
  expect(a11y.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await selectInSegment(page, 2, PHRASE);
  await page.getByRole("link", { name: "Share your feedback here" }).click();
  const form = page.getByTestId("feedback-form");
  await expect(form).toBeVisible();
  await expect(page.getByLabel("Quoted text")).toHaveValue(PHRASE);
  await expect(form.locator('input[name="segmentIndex"]')).toHaveValue("2");
  const start = Number(await form.locator('input[name="quoteStart"]').inputValue());
  const end = Number(await form.locator('input[name="quoteEnd"]').inputValue());
  expect(end - start).toBe(PHRASE.length);
  await expect(page.getByLabel("What kind of problem is it?")).toBeFocused();
  expect((await new AxeBuilder({ page }).include("#feedback").analyze()).violations).toEqual([]);

  await page.getByLabel("What kind of problem is it?").selectOption("MISTRANSLATION");
  await page.getByLabel("Suggested correction").fill(SUGGESTION);
  await page.getByLabel("Comment").fill("“Execution” sounds odd for a fund.");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Thank you" })).toBeVisible();
  await expect(page.locator("#feedback")).toBeHidden();

  const created = [...(await newFeedbackIds(article.id))].filter((id) => !known.has(id));
  expect(created).toHaveLength(1);
  const feedbackId = created[0]!;
  const stored = await (await reviewer.get(`/api/v1/feedback/${feedbackId}`)).json();
  expect(stored).toMatchObject({
    segmentIndex: 2,
    quote: PHRASE,
    quoteStart: start,
    quoteEnd: end,
    suggestion: SUGGESTION,
    revisionSeen: article.currentRevision,
  });

  // --- The reviewer --------------------------------------------------------------------
  await signInPage(page, "reviewer");
  // Filtered to the article: specs in other workers ingest enough articles to push it
  // off the queue's first page.
  await page.goto("/articles?externalId=demo-2026-1101");
  await expect(page.getByTestId("feedback-badge")).toBeVisible();
  const row = page.getByTestId("article-row").filter({ hasText: "10 trillion won" });
  await expect(row).toContainText(/\d+ new/);

  await page.goto(`/feedback?articleId=${article.id}`);
  const card = page.locator(`[data-feedback-id="${feedbackId}"]`);
  // The inbox is one line per report; opening it shows the quote, the diff and the controls.
  await card.locator("summary").click();
  await expect(card.locator("mark")).toHaveText(PHRASE);
  await expect(card.getByTestId("feedback-quote")).toContainText("called for swift execution");
  await expect(card.locator("del.diff-del")).toContainText("execution");
  await expect(card.locator("ins.diff-add")).toContainText("implementation");
  expect(
    (await new AxeBuilder({ page }).include("main").analyze()).violations.map((v) => v.id),
  ).toEqual([]);
  await card.getByRole("button", { name: "Accept and correct…" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?feedback=${feedbackId}$`));

  // Saving the correction (what the workspace does with ?feedback=): via the API.
  const current = stored.segment.textCurrent as string;
  const save = await reviewer.post(`/api/v1/articles/${article.id}/revisions`, {
    data: {
      baseRevision: article.currentRevision,
      segments: [{ index: 2, text: current.replace(PHRASE, SUGGESTION) }],
      summary: "Reader feedback: swift implementation",
      feedbackId,
    },
  });
  expect(save.status()).toBe(201);
  const { revision } = await save.json();
  expect(await (await reviewer.get(`/api/v1/feedback/${feedbackId}`)).json()).toMatchObject({
    status: "ACCEPTED",
    resolvingRevision: revision,
  });

  // --- The editor approves and publishes ----------------------------------------------
  const note = "We corrected a mistranslated phrase in the second paragraph.";
  // The demo text still carries QA warnings the test does not fix: the editor passes
  // the gate with a reason, as a desk would.
  const override = { reason: "e2e: remaining warnings reviewed" };
  for (const data of [
    { to: "APPROVED", override },
    { to: "PUBLISHED", note, override },
  ]) {
    const res = await editor.post(`/api/v1/articles/${article.id}/status`, { data });
    expect(res.status(), JSON.stringify(data)).toBe(200);
  }

  // --- The reader sees the correction -------------------------------------------------
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(`/read/${article.slug}`);
  await expect(readerPage.locator('[data-segment-index="2"]')).toContainText(SUGGESTION);
  const notice = readerPage.getByTestId("correction-notice");
  await expect(notice).toContainText("Corrected on");
  await expect(notice).toContainText(note);
  await readerPage.getByRole("link", { name: /First published on/ }).click();
  await expect(readerPage).toHaveURL(new RegExp(`\\?revision=${article.currentRevision}$`));
  await expect(readerPage.getByTestId("superseded-notice")).toBeVisible();
  await expect(readerPage.locator('[data-segment-index="2"]')).toContainText(PHRASE);
  await reader.close();
});

test("the form works without JavaScript and thanks the reader", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
  });
  const page = await context.newPage();
  const known = await newFeedbackIds(article.id);
  await page.goto(`/read/${article.slug}`);
  await expect(page.locator("#feedback")).toBeHidden();
  await page.getByRole("link", { name: "Share your feedback here" }).click();
  await expect(page.locator("#feedback")).toBeVisible();
  await page.getByLabel("What kind of problem is it?").selectOption("NAME_OR_TERM");
  await page.getByLabel("Quoted text").fill("Pyeongtaek");
  await page.getByLabel("Comment").fill("Is this the right romanisation?");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page).toHaveURL(/\?feedback=sent#feedback-status$/);
  await expect(page.getByRole("status")).toContainText("Thank you");
  const created = [...(await newFeedbackIds(article.id))].filter((id) => !known.has(id));
  expect(created).toHaveLength(1);
  // The quote was found in exactly one paragraph, so it is anchored for triage.
  expect(await (await reviewer.get(`/api/v1/feedback/${created[0]}`)).json()).toMatchObject({
    quote: "Pyeongtaek",
    segmentIndex: 2,
    quoteStart: expect.any(Number),
  });
  await context.close();
});

test("reader text is shown as text in the inbox, never run", async ({ page, request }) => {
  const payloads = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>"];
  const res = await request.post(`/api/v1/articles/${article.id}/feedback`, {
    headers: { "x-forwarded-for": uniqueIp() },
    data: {
      category: "OTHER",
      comment: payloads[0],
      suggestion: payloads[1],
      quote: '"><svg onload=alert(1)>',
      contact: "reader@example.com",
    },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  await signInPage(page, "reviewer");
  await page.goto(`/feedback?articleId=${article.id}`);
  const card = page.locator(`[data-feedback-id="${id}"]`);
  await expect(card.getByTestId("feedback-comment")).toHaveText(payloads[0]!);
  await expect(card).toContainText(payloads[1]!);
  await expect(card).toContainText('"><svg onload=alert(1)>');
  await expect(card.locator("img, script, svg")).toHaveCount(0);
});

test("a Korean translation is marked up and set as Korean", async ({ page }) => {
  const ingest = await editor.post("/api/v1/articles", {
    data: {
      sourceLang: "en",
      targetLang: "ko",
      engine: { name: "Nova MT", version: "3.2" },
      externalId: `feedback-ko-${Date.now()}`,
      outlet: "Feedback E2E",
      title: { source: "Bridge opens", mt: "다리 개통" },
      source: "The bridge opens in 2028.\n\nIt is 1.1 km long.",
      mt: "다리는 2028년에 개통한다.\n\n길이는 1.1㎞이다.\n\n※ 이 기사는 AI로 번역되었습니다.",
    },
  });
  expect(ingest.status()).toBe(201);
  const { id, slug } = await ingest.json();
  await page.goto(`/read/${slug}`);
  await expect(page.getByRole("heading", { name: "This article is under review" })).toBeVisible();
  await expect(page.locator("[data-segment-index]")).toHaveCount(0);
  for (const to of ["IN_REVIEW", "APPROVED"]) {
    const data = { to, override: { reason: "e2e: approve unreviewed MT" } };
    expect((await editor.post(`/api/v1/articles/${id}/status`, { data })).status()).toBe(200);
  }
  await page.reload();
  const body = page.locator("article[data-public-article]");
  await expect(body).toHaveAttribute("lang", "ko");
  await expect(body.locator('[data-segment-index="1"]')).toHaveText("다리는 2028년에 개통한다.");
  await expect(body.locator('[data-segment-index="1"]')).toHaveCSS("word-break", "keep-all");
  // The Korean disclosure (reviewed, since approved) has no "Share your feedback here": it links
  // as a whole, plus an explicit link.
  await expect(
    page.getByRole("link", { name: /^AI로 번역되었으며 .+에 편집자가 검토했습니다\.$/ }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Share your feedback on this translation" }).click();
  await expect(page.getByTestId("feedback-form")).toBeVisible();
});
