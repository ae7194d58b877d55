import type { Browser, BrowserContext, Page } from "@playwright/test";
import { startAppServer, type AppServer } from "../support/app-server";
import { readE2eServerInfo } from "../support/e2e-server-info";
import { BASE_URL } from "../../playwright.config";
import { expect, freshArticle, signInApi, test, type DemoRole } from "./fixtures";

// Issue 14, item 7: two people on one article see each other (and which segment
// each edits) within 2 s, and a save by one reaches the other as a live event they
// can bring into their draft, on one app instance and across two.

const PRESENCE_MS = 2_000;
const SECOND_PORT = 3102;

async function open(
  browser: Browser,
  role: DemoRole,
  baseURL: string,
  articleId: string,
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ baseURL });
  await signInApi(ctx.request, role);
  const page = await ctx.newPage();
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId("presence")).toHaveAttribute("data-connected", "true");
  return { ctx, page };
}

const avatar = (page: Page, role: DemoRole) =>
  page.getByTestId("presence").locator(`[data-email="${role}@galley.local"]`);
const row = (page: Page, index: number) =>
  page.locator(`[data-testid="segment-row"][data-segment-index="${index}"]`);

async function presenceAndLiveSave(reviewerBase: string, editorBase: string, browser: Browser) {
  const article = await freshArticle(browser);
  const reviewer = await open(browser, "reviewer", reviewerBase, article.id);
  const editor = await open(browser, "editor", editorBase, article.id);
  try {
    // Both streams are open: each sees the other within 2 s.
    await expect(avatar(reviewer.page, "editor")).toBeVisible({ timeout: PRESENCE_MS });
    await expect(avatar(editor.page, "reviewer")).toBeVisible({ timeout: PRESENCE_MS });
    await expect(avatar(reviewer.page, "reviewer")).toHaveCount(0);

    // The editor works in segment 2: the reviewer's row 2 says so.
    await editor.page.locator('[data-segment-input="2"]').click();
    await expect(row(reviewer.page, 2).getByTestId("editing-marker")).toHaveText(
      "Eun-ji Editor is editing",
      { timeout: PRESENCE_MS },
    );
    await expect(row(reviewer.page, 1).getByTestId("editing-marker")).toHaveCount(0);

    // The reviewer has an unsaved edit in segment 1 while the editor saves segment 2.
    await reviewer.page.locator('[data-segment-input="1"]').fill("He met his paternal uncle.");
    await editor.page.locator('[data-segment-input="2"]').fill("The two met after 70 years.");
    await editor.page.keyboard.press("Control+s");
    await expect(editor.page.getByTestId("revision-number")).toContainText("Revision 2");

    // The save reaches the reviewer as a live event, and is brought into the draft.
    const notice = reviewer.page.getByTestId("incoming-save");
    await expect(notice).toContainText("Eun-ji Editor saved revision 2", {
      timeout: PRESENCE_MS,
    });
    await notice.getByRole("button", { name: "Bring their changes in" }).click();
    await expect(reviewer.page.getByTestId("revision-number")).toContainText("Revision 2");
    await expect(reviewer.page.locator('[data-segment-input="2"]')).toHaveValue(
      "The two met after 70 years.",
    );
    await expect(reviewer.page.locator('[data-segment-input="1"]')).toHaveValue(
      "He met his paternal uncle.",
    );
    await expect(notice).toHaveCount(0);
    await expect(reviewer.page.getByText("Your unsaved draft was started on")).toHaveCount(0);
    // The draft now sits on revision 2: the save goes straight through, no 409 to merge.
    await reviewer.page.keyboard.press("Control+s");
    await expect(reviewer.page.getByTestId("revision-number")).toContainText("Revision 3");
    await expect(reviewer.page.getByText(/^Saved as revision 3/)).toHaveText(
      "Saved as revision 3.",
    );
    await expect(reviewer.page.getByRole("dialog")).toHaveCount(0);

    // Leaving: the other's avatar goes.
    await editor.page.close();
    await expect(avatar(reviewer.page, "editor")).toHaveCount(0, { timeout: 5_000 });
  } finally {
    await reviewer.ctx.close();
    await editor.ctx.close();
  }
}

test("two people on one article see each other and each other's saves, live", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  await presenceAndLiveSave(BASE_URL, BASE_URL, browser);
});

test("the same holds across two app instances on one database", async ({ browser }) => {
  test.setTimeout(150_000);
  const port = new URL(BASE_URL).port;
  const { databaseUrl, nextauthSecret } = readE2eServerInfo(port);
  let second: AppServer | null = null;
  try {
    second = await startAppServer(
      {
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: nextauthSecret,
        GALLEY_TRUSTED_PROXIES: "loopback",
      },
      SECOND_PORT,
    );
    await presenceAndLiveSave(BASE_URL, `http://localhost:${SECOND_PORT}`, browser);
  } finally {
    await second?.stop();
  }
});

test("comment threads beside a segment: mention, live count, reply, resolve, text only", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const article = await freshArticle(browser);
  const reviewer = await open(browser, "reviewer", BASE_URL, article.id);
  const editor = await open(browser, "editor", BASE_URL, article.id);
  try {
    const hostile = "<img src=x onerror=alert(1)> @editor is 70 right?";
    const chip = (page: Page) =>
      row(page, 2).getByTestId("segment-comments").getByRole("button").first();
    await chip(reviewer.page).click();
    await row(reviewer.page, 2).getByLabel("New comment on segment 2").fill(hostile);
    await row(reviewer.page, 2).getByRole("button", { name: "Comment", exact: true }).click();
    await expect(row(reviewer.page, 2).getByTestId("comment-body")).toHaveText(hostile);

    // The editor's count chip updates live; the body is text, not markup.
    await expect(chip(editor.page)).toContainText("1 open", { timeout: 5_000 });
    await chip(editor.page).click();
    await expect(row(editor.page, 2).getByTestId("comment-body")).toHaveText(hostile);
    await expect(row(editor.page, 2).locator("img")).toHaveCount(0);
    await row(editor.page, 2).getByRole("button", { name: "Reply" }).first().click();
    await row(editor.page, 2).getByLabel("Reply").fill("Yes, 70 years.");
    await row(editor.page, 2).getByRole("button", { name: "Reply" }).last().click();
    await expect(row(editor.page, 2).getByTestId("comment-body")).toHaveText([
      hostile,
      "Yes, 70 years.",
    ]);
    await row(editor.page, 2).getByRole("button", { name: "Resolve" }).click();
    await expect(row(editor.page, 2).getByText("Resolved by Eun-ji Editor")).toBeVisible();

    // The reviewer sees the reply and the resolution without reloading.
    await expect(row(reviewer.page, 2).getByTestId("comment-body")).toHaveText(
      [hostile, "Yes, 70 years."],
      { timeout: 5_000 },
    );
    await expect(row(reviewer.page, 2).getByText("Resolved by Eun-ji Editor")).toBeVisible();
    // The mention reached the editor's notifications.
    const inbox = await (await editor.ctx.request.get("/api/v1/notifications")).json();
    expect(inbox.items[0]).toMatchObject({ kind: "MENTION", articleId: article.id });
  } finally {
    await reviewer.ctx.close();
    await editor.ctx.close();
  }
});
