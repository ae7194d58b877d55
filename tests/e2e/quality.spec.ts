import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signInApi, signInPage, test } from "./fixtures";

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}

const NOVA = "Nova MT 3.2";
const LUMEN = "Lumen LLM 2026-09";

test("the dashboard charts both demo engines and shows the API's numbers", async ({ page }) => {
  await signInPage(page, "viewer");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Engine dashboard" })).toBeVisible();

  const bars = page.getByTestId("engine-bar-chart");
  await expect(bars.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(
    bars.locator(".recharts-cartesian-axis-tick-value", { hasText: NOVA }),
  ).toBeVisible();
  await expect(
    bars.locator(".recharts-cartesian-axis-tick-value", { hasText: LUMEN }),
  ).toBeVisible();
  const trend = page.getByTestId("trend-chart");
  await expect(trend.locator("svg.recharts-surface").first()).toBeVisible();
  expect(await trend.locator(".recharts-line").count()).toBeGreaterThanOrEqual(2);

  const api = await (await page.request.get("/api/v1/metrics")).json();
  const nova = api.engines.find((e: { label: string }) => e.label === NOVA);
  const lumen = api.engines.find((e: { label: string }) => e.label === LUMEN);
  expect(nova.meanHter).toBeGreaterThan(0);
  expect(lumen.mqm.per1000Words).toBeGreaterThan(0);
  const cell = (engine: string, metric: string) =>
    page.locator(`tr[data-engine="${engine}"] td[data-metric="${metric}"]`);
  await expect(cell(NOVA, "meanHter")).toHaveText(nova.meanHter.toFixed(1));
  await expect(cell(LUMEN, "mqmPer1000Words")).toHaveText(lumen.mqm.per1000Words.toFixed(1));
  await expect(cell(LUMEN, "articlesReviewed")).toHaveText(String(lumen.articlesReviewed));

  await expectNoSeriousAxeViolations(page);

  const csv = await page.request.get("/api/v1/metrics?format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Lumen LLM");
});

test("an editor adds a glossary term; hostile text stays text", async ({ page }) => {
  await signInPage(page, "editor");
  await page.goto("/glossary");
  await expectNoSeriousAxeViolations(page);
  const term = `검사${Date.now().toString(36)}`;
  const form = page.getByRole("form", { name: "Add a glossary term" });
  await form.getByLabel("Source term").fill(term);
  await form.getByLabel("Approved translation").fill("<img src=x onerror=alert(1)>");
  await form.getByLabel("Note").fill("=HYPERLINK(1)");
  await form.getByRole("button", { name: "Add term" }).click();
  await expect(form.getByRole("status")).toHaveText("Term added.");
  const row = page.getByTestId("glossary-table").locator("tr", { hasText: term });
  await expect(row).toContainText("<img src=x onerror=alert(1)>");
  expect(await page.locator("img[src=x]").count()).toBe(0);

  const csv = await (await page.request.get("/api/v1/glossary?format=csv")).text();
  expect(csv).toContain(`ko,en,${term},<img src=x onerror=alert(1)>,'=HYPERLINK(1)`);
});

test("an annotation made through the API is listed and scored", async ({ request, baseURL }) => {
  await signInApi(request, "reviewer");
  const articles = (await (await request.get("/api/v1/articles?externalId=demo-2026-1103")).json())
    .items as {
    id: string;
    externalId: string;
  }[];
  const article = articles.find((a) => a.externalId === "demo-2026-1103")!;
  const before = await (await request.get(`/api/v1/articles/${article.id}/quality`)).json();

  const res = await request.post(`/api/v1/articles/${article.id}/annotations`, {
    headers: { origin: baseURL! },
    data: {
      segmentIndex: 2,
      start: 0,
      end: 9,
      category: "Accuracy/Omission",
      severity: "major",
      note: "The daily number of users is missing.",
    },
  });
  expect(res.status()).toBe(201);
  const created = await res.json();
  expect(created).toMatchObject({ quote: "The bridg", category: "Accuracy/Omission" });

  const list = await (await request.get(`/api/v1/articles/${article.id}/annotations`)).json();
  expect(list.items.map((a: { id: string }) => a.id)).toContain(created.id);
  const after = await (await request.get(`/api/v1/articles/${article.id}/quality`)).json();
  expect(after.mqm.count).toBe(before.mqm.count + 1);
  expect(after.mqm.penalty).toBe(before.mqm.penalty + 5);

  const bad = await request.post(`/api/v1/articles/${article.id}/annotations`, {
    headers: { origin: baseURL! },
    data: { segmentIndex: 2, start: 0, end: 9, category: "Vibes", severity: "major" },
  });
  expect(bad.status()).toBe(400);
  const checks = await (await request.get(`/api/v1/articles/${article.id}/checks`)).json();
  expect(checks.items.length).toBeGreaterThan(0);
  expect(checks.items[0]).toEqual(
    expect.objectContaining({ segmentIndex: expect.any(Number), fingerprint: expect.any(String) }),
  );
});
