import { Webhook } from "standardwebhooks";
import { startReceiver, type Receiver } from "../support/http-receiver";
import { expect, ingestFresh, signInPage, test } from "./fixtures";

// The admin webhooks page (issue 17 item 4): create a webhook, see its secret once, watch the
// delivery log fill. The receiver is a real HTTP server on a free loopback port (the e2e
// server runs with GALLEY_WEBHOOK_ALLOW_PRIVATE=1).

let rx: Receiver;
test.beforeAll(async () => {
  rx = await startReceiver();
});
test.afterAll(async () => {
  await rx.close();
});

test("an admin creates a webhook, sees the secret once, and sees the delivery in the log", async ({
  page,
}) => {
  await signInPage(page, "admin");
  await page.goto("/webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  const url = `${rx.url}/cms-${Date.now()}`;
  await page.getByLabel("URL").fill(url);
  await page.getByLabel("Description").fill("Our CMS");
  await page.getByLabel("article.ingested").check();
  await page.getByRole("button", { name: "Create webhook" }).click();

  const secretBox = page.getByTestId("webhook-secret");
  await expect(secretBox).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const secret = (await secretBox.textContent())!;
  const section = page.getByRole("region", { name: `Webhook ${url}` });
  await expect(section).toContainText("article.ingested");

  const article = await ingestFresh(page.request);
  const got = await rx.waitFor((r) => url.endsWith(r.path) && r.body.includes(article.id));
  const verified = new Webhook(secret).verify(got.body, {
    "webhook-id": String(got.headers["webhook-id"]),
    "webhook-timestamp": String(got.headers["webhook-timestamp"]),
    "webhook-signature": String(got.headers["webhook-signature"]),
  }) as { type: string; data: { articleId: string } };
  expect(verified.type).toBe("article.ingested");
  expect(verified.data.articleId).toBe(article.id);

  // Never shown again: not after a reload, not in the list.
  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  const row = section.getByRole("row").filter({ hasText: String(got.headers["webhook-id"]) });
  await expect(row).toContainText("succeeded");
  await expect(row).toContainText(/#1 .* · 200 · \d+ ms/);
});

test("a non-admin cannot open the webhooks page", async ({ page }) => {
  await signInPage(page, "editor");
  await page.goto("/webhooks");
  await expect(page).toHaveURL(/\/forbidden/);
});
