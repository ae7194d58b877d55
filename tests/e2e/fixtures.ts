import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

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
