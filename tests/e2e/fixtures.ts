import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type Page,
} from "@playwright/test";

export const DEMO_PASSWORD = "galley-demo";
export type DemoRole = "admin" | "editor" | "reviewer" | "viewer";

/** Signs in through next-auth's API (csrf, then the credentials callback), as a browser would. */
export async function signInApi(request: APIRequestContext, role: DemoRole): Promise<void> {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: {
      csrfToken: csrf.csrfToken,
      email: `${role}@galley.local`,
      password: DEMO_PASSWORD,
      json: "true",
    },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const cookies = await request.storageState();
  expect(cookies.cookies.some((c) => c.name.includes("session-token"))).toBe(true);
}

export async function signInPage(page: Page, role: DemoRole): Promise<void> {
  await signInApi(page.request, role);
}

/** Fails the test if any dialog (alert/confirm/prompt) opens: a sign of executed injected script. */
export const test = base.extend<{ noDialogs: void }>({
  noDialogs: [
    async ({ page }, use) => {
      const dialogs: string[] = [];
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      await use();
      expect(dialogs, "no dialog may open").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3210}`;

/** Ingests a fresh article through the API (caller must be signed in with ingest:article). */
export async function ingestFresh(
  request: APIRequestContext,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; slug: string }> {
  const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await request.post("/api/v1/articles", {
    headers: { origin: ORIGIN },
    data: {
      sourceLang: "ko",
      targetLang: "en",
      engine: { name: "E2E MT", version: "1" },
      externalId: `e2e-${unique}`,
      outlet: "E2E",
      title: { source: "외삼촌과 조카", mt: "Uncle on father's side and nephew" },
      source: "외삼촌을 만났다.\n\n두 사람은 70년 만에 만났다.\n\n그들은 울었다.",
      mt: "He met his uncle on his father's side.\n\nThe two met after years.\n\nThey cried.\n\n※ This article has been translated by AI. Share your feedback here.",
      ...overrides,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

/** Takes an article through review to PUBLISHED (caller must be an editor): readers can then see it and send feedback. */
export async function publishArticle(request: APIRequestContext, id: string): Promise<void> {
  for (const to of ["IN_REVIEW", "APPROVED", "PUBLISHED"]) {
    const res = await request.post(`/api/v1/articles/${id}/status`, {
      headers: { origin: ORIGIN },
      // The fresh article's MT keeps its QA warnings: the editor passes the gate on purpose.
      data: { to, override: { reason: "e2e fixture: publish as ingested" } },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
}

/** A fresh article ingested (and with `published`, published) by the demo editor in a separate browser context. */
export async function freshArticle(
  browser: Browser,
  overrides: Record<string, unknown> = {},
  opts: { published?: boolean } = {},
): Promise<{ id: string; slug: string }> {
  const editor = await browser.newContext();
  try {
    await signInApi(editor.request, "editor");
    const article = await ingestFresh(editor.request, overrides);
    if (opts.published) await publishArticle(editor.request, article.id);
    return article;
  } finally {
    await editor.close();
  }
}
