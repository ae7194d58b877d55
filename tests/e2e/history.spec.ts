import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signInApi, signInPage, test } from "./fixtures";

// History, compare, revert and the audit page. The demo article is only read
// here; the revert runs on an article this spec ingests, so other specs still
// see the seeded state. Other specs may add revisions to the demo article (the
// reader-feedback loop publishes a correction), so assertions target the four
// seeded revisions rather than the total count.

async function demoArticleId(request: APIRequestContext): Promise<string> {
  const res = await request.get("/api/v1/articles?externalId=demo-2026-1101");
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { id: string; externalId: string | null }[] };
  const demo = items.find((a) => a.externalId === "demo-2026-1101");
  expect(demo, "demo article demo-2026-1101 is seeded").toBeTruthy();
  return demo!.id;
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include("main").analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
}

type Change = { value: string; added?: true; removed?: true };

test("the history page lists the demo article's revisions and compares 1 with 4", async ({
  page,
}) => {
  await signInPage(page, "reviewer");
  const id = await demoArticleId(page.request);
  await page.goto(`/articles/${id}/history`);
  await expect(page.getByRole("heading", { name: "Revision history" })).toBeVisible();
  const rows = page.getByTestId("revision-row");
  await expect(rows.last()).toContainText("ingest");
  expect(await rows.count()).toBeGreaterThanOrEqual(4);
  const r4 = rows.filter({ hasText: "Tighten the quote" });
  await expect(r4).toContainText("r4");
  await expect(r4.getByTestId("published-marker")).toBeVisible();
  await expect(rows.filter({ hasText: "Fix fund size" })).toHaveCount(1);
  await expectAccessible(page);

  await page.getByLabel("Compare from revision 1").check();
  await page.getByLabel("Compare to revision 4").check();
  await page.getByRole("button", { name: "Compare selected revisions" }).click();
  await expect(page).toHaveURL(/\/compare\?(?=.*from=1)(?=.*to=4)/);
  await expect(page.getByRole("heading", { name: "Compare r1 → r4" })).toBeVisible();
  await expect(page.getByTestId("compare-stats")).toContainText("segments changed");
  await expect(page.locator("ins.diff-add").first()).toBeVisible();
  await expect(page.locator("del.diff-del").first()).toBeVisible();
  await expect(page.locator("ins.diff-add", { hasText: "trillion" }).first()).toBeVisible();
  await expect(page.getByText(/\d+ unchanged segments?/).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Inline" }).click();
  await expect(page).toHaveURL(/view=inline/);
  await expect(page.locator("[data-view=inline] ins.diff-add").first()).toBeVisible();

  await page.goto(`/articles/${id}/history/blame`);
  await expect(page.getByTestId("blame-line").first()).toContainText("r2");
  await page.getByTestId("blame-line").first().getByText("All changes").click();
  await expect(page.getByTestId("segment-changes").first().locator("li")).toHaveCount(2);
});

test("the history API and diff agree with the revision texts", async ({ request }) => {
  await signInApi(request, "viewer");
  const id = await demoArticleId(request);
  const list = await (await request.get(`/api/v1/articles/${id}/revisions`)).json();
  const numbers = list.items.map((i: { number: number }) => i.number) as number[];
  expect(numbers.slice(-4)).toEqual([4, 3, 2, 1]);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  expect(list.nextCursor).toBeNull();
  const text = async (n: number) =>
    (await (await request.get(`/api/v1/articles/${id}/revisions/${n}`)).json()).segments as {
      index: number;
      text: string;
    }[];
  const [r1, r4] = [await text(1), await text(4)];
  const diff = await (await request.get(`/api/v1/articles/${id}/diff?from=1&to=4`)).json();
  expect(diff.segments).toHaveLength(r1.length);
  for (const s of diff.segments as { index: number; changes: Change[] }[]) {
    const join = (drop: "added" | "removed") =>
      s.changes
        .filter((c) => !c[drop])
        .map((c) => c.value)
        .join("");
    expect(join("removed")).toBe(r4[s.index]!.text);
    expect(join("added")).toBe(r1[s.index]!.text);
  }
  expect((await request.get(`/api/v1/articles/${id}/revisions/abc`)).status()).toBe(400);
  expect((await request.get(`/api/v1/articles/${id}/revisions/99`)).status()).toBe(404);
});

test("reverting through the history page with a reason creates a new revision", async ({
  page,
  baseURL,
}) => {
  await signInPage(page, "editor");
  const headers = { origin: baseURL! };
  const created = await page.request.post("/api/v1/articles", {
    headers,
    data: {
      sourceLang: "ko",
      targetLang: "en",
      engine: { name: "E2E MT", version: "1" },
      externalId: `e2e-history-${Date.now()}`,
      outlet: "E2E",
      title: { source: "제목", mt: "A title" },
      source: "첫 문단입니다.\n\n둘째 문단입니다.",
      mt: "The first paragraph.\n\nThe second paragraph.",
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const saved = await page.request.post(`/api/v1/articles/${id}/revisions`, {
    headers,
    data: { baseRevision: 1, segments: [{ index: 1, text: "A vandalised paragraph." }] },
  });
  expect(saved.status()).toBe(201);
  const noReason = await page.request.post(`/api/v1/articles/${id}/revert`, {
    headers,
    data: { to: 1, baseRevision: 2 },
  });
  expect(noReason.status()).toBe(400);

  await page.goto(`/articles/${id}/history`);
  const rows = page.getByTestId("revision-row");
  await expect(rows).toHaveCount(2);
  const r1 = rows.filter({ hasText: "Machine translation as ingested" });
  await r1.getByText("Revert to r1").click();
  // What the revert will change shows before it is confirmed (and the form grows with it,
  // so the confirm button moves: read first, then click, as a reviewer would).
  await expect(r1.getByText("Reverting changes 1 segment (+2 −2 words):")).toBeVisible();
  await r1.getByLabel(/Reason/).fill("Undo the vandalism");
  await r1.getByRole("button", { name: "Restore the text of r1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Created revision 3" })).toBeVisible();
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("revert");
  await expect(rows.first()).toContainText("Reverted to revision 1: Undo the vandalism");

  const r3 = await (await page.request.get(`/api/v1/articles/${id}/revisions/3`)).json();
  expect(r3.segments.map((s: { text: string }) => s.text)).toEqual([
    "A title",
    "The first paragraph.",
    "The second paragraph.",
  ]);
});

test("the audit page is for admins: reviewers are sent to /forbidden", async ({ page }) => {
  await signInPage(page, "reviewer");
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/forbidden/);
});

test("an admin sees the audit log, filters it and verifies the chain", async ({ page }) => {
  await signInPage(page, "admin");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "CSV" })).toHaveAttribute(
    "href",
    "/api/v1/audit?format=csv",
  );

  await page.getByLabel("Action", { exact: true }).fill("article.ingest");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=article.ingest/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("article.ingest");
  expect(await rows.filter({ hasNotText: "article.ingest" }).count()).toBe(0);
  await expect(page.getByRole("link", { name: "JSON" })).toHaveAttribute("href", /format=json/);

  await page.getByRole("button", { name: "Verify log" }).click();
  await expect(page.getByTestId("verify-result")).toContainText("Log intact");
  await expectAccessible(page);

  const csv = await page.request.get("/api/v1/audit?format=csv&action=article.ingest");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.text()).split("\r\n")[0]).toContain("id,at,actorType");
});
