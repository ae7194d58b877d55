import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";
import { ORIGIN, expect, ingestFresh, signInPage, test } from "./fixtures";

// Issue 16 in the browser: "use this spelling everywhere" then one-click replace in another
// article, a translation-memory match inserted with a click, the risk-ranked queue and the
// QA rules page.

const letters = () =>
  Array.from({ length: 3 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
    "",
  );

async function save(request: APIRequestContext, id: string, index: number, text: string) {
  const res = await request.post(`/api/v1/articles/${id}/revisions`, {
    headers: { origin: ORIGIN },
    data: { baseRevision: 1, segments: [{ index, text }] },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test("a respelled name is used everywhere and replaced in another article in one click", async ({
  page,
}) => {
  await signInPage(page, "editor");
  const tag = letters();
  const wrong = `Volodymyr Zelensky${tag}`;
  const right = `Volodymyr Zelenskyy${tag}`;
  const first = await ingestFresh(page.request, {
    source: "젤렌스키 대통령이 말했다.",
    mt: `Ukraine President ${wrong} spoke.`,
  });
  await save(page.request, first.id, 1, `Ukraine President ${right} spoke.`);
  const other = await ingestFresh(page.request, {
    source: "젤렌스키 대통령은 회담했다.",
    mt: `President ${wrong} held talks.`,
  });

  await page.goto(`/articles/${first.id}`);
  const offer = page.getByRole("list", { name: "Corrected names" });
  await expect(offer).toContainText(`You changed “${wrong}” to “${right}”.`);
  await offer.getByRole("button", { name: "Use this spelling everywhere" }).click();
  await expect(offer.getByRole("status")).toHaveText("Approved: other articles will be flagged.");

  await page.goto(`/articles/${other.id}`);
  const warning = page.locator('[data-testid="qa-warning"][data-check="approved-name"]');
  await expect(warning).toContainText(`approved spelling is "${right}"`);
  await warning.getByRole("button", { name: `Replace with “${right}”` }).click();
  await expect(warning).toHaveCount(0, { timeout: 15_000 });
  const detail = await (await page.request.get(`/api/v1/articles/${other.id}`)).json();
  expect(detail.segments[1].text).toBe(`President ${right} held talks.`);
});

test("a translation-memory match for a re-ingested approved sentence is inserted with a click", async ({
  page,
}) => {
  await signInPage(page, "editor");
  const n = 10 + Math.floor(Math.random() * 1000);
  const sentence = `부산시는 해수욕장 ${n}곳을 다음 달 1일 개장한다고 밝혔다.`;
  const approvedText = `Busan will open ${n} beaches on the 1st of next month, the city said.`;
  const approved = await ingestFresh(page.request, {
    source: sentence,
    mt: `Busan City said it opens ${n} beach on next month 1st.`,
  });
  await save(page.request, approved.id, 1, approvedText);
  const status = await page.request.post(`/api/v1/articles/${approved.id}/status`, {
    headers: { origin: ORIGIN },
    data: { to: "APPROVED", override: { reason: "e2e: approve the memory's source" } },
  });
  expect(status.status(), await status.text()).toBe(200);

  const again = await ingestFresh(page.request, {
    source: sentence,
    mt: `Busan opens ${n} beaches next month.`,
  });
  await page.goto(`/articles/${again.id}`);
  const tm = page.getByTestId("tm-matches");
  await expect(tm).toHaveCount(1);
  await tm.locator("summary").click();
  const match = tm.getByTestId("tm-match").first();
  await expect(match).toContainText("100%");
  await expect(match).toContainText(approvedText);
  await match.getByRole("button", { name: "Insert" }).click();
  await expect(tm.getByRole("status")).toHaveText("Inserted from the translation memory.");
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`/api/v1/articles/${again.id}`)).json()).segments[1].text,
    )
    .toBe(approvedText);
});

test("the queue orders riskiest first and shows why", async ({ page }) => {
  await signInPage(page, "editor");
  await ingestFresh(page.request, {
    source:
      "정부는 반도체 산업에 10조 원을 투입한다.\n\n이재명 대통령은 공장을 방문했다.\n\n이재명 대통령은 기자들과 만났다.",
    mt: "The government will invest 10 billion won in chips.\n\nPresident Lee Jae-myung visited the plant.\n\nPresident Lee Jae-myeong met reporters.",
  });
  await page.goto("/articles");
  await page.getByLabel("Order").selectOption("risk");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/sort=risk/);
  const api = await (await page.request.get("/api/v1/articles?sort=risk&limit=5")).json();
  const scores = api.items.map((i: { risk: { score: number } }) => i.risk.score);
  expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
  const firstRow = page.getByTestId("article-row").first();
  await expect(firstRow.getByTestId("risk-cell")).toContainText(String(Math.round(scores[0])));
  await expect(firstRow.getByRole("list", { name: "Why" })).toContainText(
    api.items[0].risk.reasons[0].message,
  );
});

test("an editor adds a QA rule; a catastrophic pattern is refused", async ({ page }) => {
  await signInPage(page, "editor");
  await page.goto("/qa-rules");
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => v.id),
  ).toEqual([]);
  const form = page.getByRole("form", { name: "Add a QA rule" });
  await form.getByLabel("Kind").selectOption("regex");
  await form.getByLabel("MT pattern").fill("(a+)+$");
  await form.getByLabel("Message").fill("never");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "may take exponential time" }),
  ).toBeVisible();

  const phrase = `the person concerned ${letters()}`;
  await form.getByLabel("Kind").selectOption("literal");
  await form.getByLabel("MT pattern").fill(phrase);
  await form.getByLabel("Message").fill("Say who it is <b>now</b>");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rule added." })).toBeVisible();
  const row = page.getByTestId("qa-rule-row").filter({ hasText: phrase });
  await expect(row).toContainText("Say who it is <b>now</b>");
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
});
