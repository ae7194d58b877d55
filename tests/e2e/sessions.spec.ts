import { request as pwRequest, type APIRequestContext, type Browser } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { expect, signInPage, test } from "./fixtures";

// Issue 12, item 6: sign-out, a password change and an admin reset end sessions
// on the server, so a copied cookie stops working.

async function signInAs(ctx: APIRequestContext, email: string, password: string) {
  const csrf = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  const state = await ctx.storageState();
  return state.cookies.some((c) => c.name.includes("session-token"));
}

/** A user of its own (made on the admin page), so ending its sessions touches no other test. */
async function newUser(browser: Browser): Promise<{ email: string; password: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInPage(page, "admin");
  await page.goto("/admin");
  const email = `session-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@test.local`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name", { exact: true }).fill("Session Test");
  await page.getByRole("button", { name: "Create user" }).click();
  const status = page.getByRole("status").filter({ hasText: `Created ${email}` });
  const password = (await status.locator("code").textContent())!.trim();
  await context.close();
  return { email, password };
}

async function apiStatus(ctx: APIRequestContext): Promise<number> {
  return (await ctx.get("/api/v1/articles?limit=1")).status();
}

test("a cookie copied before sign-out gets 401 after it", async ({ browser }) => {
  const user = await newUser(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  expect(await signInAs(page.request, user.email, user.password)).toBe(true);
  const copied = await context.storageState();
  await page.goto("/articles");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const replay = await pwRequest.newContext({ baseURL: BASE_URL, storageState: copied });
  expect(await apiStatus(replay)).toBe(401);
  await replay.dispose();
  await context.close();
});

test("changing one's password keeps this session and ends the others", async ({ browser }) => {
  const user = await newUser(browser);
  const other = await pwRequest.newContext({ baseURL: BASE_URL });
  expect(await signInAs(other, user.email, user.password)).toBe(true);
  expect(await apiStatus(other)).toBe(200);

  const context = await browser.newContext();
  const page = await context.newPage();
  expect(await signInAs(page.request, user.email, user.password)).toBe(true);
  await page.goto("/account");
  const newPassword = "a-brand-new-password-42";
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Password changed");

  expect(await apiStatus(page.request)).toBe(200);
  expect(await apiStatus(other)).toBe(401);
  const fresh = await pwRequest.newContext({ baseURL: BASE_URL });
  expect(await signInAs(fresh, user.email, user.password)).toBe(false);
  expect(await signInAs(fresh, user.email, newPassword)).toBe(true);
  await Promise.all([other.dispose(), fresh.dispose(), context.close()]);
});

test("an admin's password reset ends every session of the user", async ({ browser }) => {
  const user = await newUser(browser);
  const victim = await pwRequest.newContext({ baseURL: BASE_URL });
  expect(await signInAs(victim, user.email, user.password)).toBe(true);
  expect(await apiStatus(victim)).toBe(200);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInPage(page, "admin");
  await page.goto("/admin");
  await page.getByLabel("Reset the password of").selectOption({ label: user.email });
  await page.getByRole("button", { name: "Reset password" }).click();
  const fresh = (await page.getByTestId("reset-password").textContent())!.trim();
  expect(fresh).not.toBe(user.password);

  expect(await apiStatus(victim)).toBe(401);
  const again = await pwRequest.newContext({ baseURL: BASE_URL });
  expect(await signInAs(again, user.email, fresh)).toBe(true);
  await Promise.all([victim.dispose(), again.dispose(), context.close()]);
});
