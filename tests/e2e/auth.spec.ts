import { expect, signInPage, test } from "./fixtures";

test("a reviewer signs in through the form and sees the article list", async ({ page }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill("reviewer@galley.local");
  await page.getByLabel("Password").fill("galley-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/articles/);
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await expect(page.getByTestId("article-row").first()).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("REVIEWER");
  // Korean-source demo content is listed by its English title. Filtered to the demo article:
  // specs in other workers ingest hundreds of articles that push it off the first page.
  await page.goto("/articles?externalId=demo-2026-1103");
  await expect(page.getByText("Han River pedestrian bridge", { exact: false })).toBeVisible();
});

test("a wrong password shows an error and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("reviewer@galley.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Wrong email or password" }),
  ).toBeVisible();
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/signin/);
});

test("a viewer cannot open admin pages and does not see the Admin menu", async ({ page }) => {
  await signInPage(page, "viewer");
  await page.goto("/articles");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole("heading", { name: /don’t have access/ })).toBeVisible();
});

test("an admin sees the Admin page with the demo users", async ({ page }) => {
  await signInPage(page, "admin");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "viewer@galley.local", exact: true })).toBeVisible();
});

// Issue 12, item 5: a crafted callback never leads the browser off the site after sign-in.
for (const callback of ["/%5Cevil.example/phish", "/%09/evil.example"]) {
  test(`sign-in with callbackUrl=${callback} stays on this site`, async ({ page, baseURL }) => {
    await page.route(
      (url) => url.hostname.endsWith("evil.example"),
      (route) => route.fulfill({ status: 200, body: "phished" }),
    );
    await page.goto(`/signin?callbackUrl=${callback}`);
    await page.getByLabel("Email").fill("viewer@galley.local");
    await page.getByLabel("Password").fill("galley-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/articles$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test("the only admin cannot demote themself, and the Admin page says why", async ({ page }) => {
  await signInPage(page, "admin");
  await page.goto("/admin");
  const row = page.getByRole("row").filter({ hasText: "admin@galley.local" });
  await row.getByLabel("Role of admin@galley.local").selectOption("EDITOR");
  await row.getByRole("button", { name: "Set" }).click();
  await expect(row.getByRole("alert")).toHaveText(
    "The last active admin cannot be demoted or disabled",
  );
  await page.reload();
  await expect(page.getByLabel("Role of admin@galley.local")).toHaveValue("ADMIN");
});
