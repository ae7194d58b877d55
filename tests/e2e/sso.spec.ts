import type { Browser, Page } from "@playwright/test";
import { startAppServer, type AppServer } from "../support/app-server";
import { readE2eServerInfo } from "../support/e2e-server-info";
import {
  E2E_OIDC_CLIENT_ID,
  E2E_OIDC_CLIENT_SECRET,
  e2eOidcEnv,
  e2eOidcPort,
} from "../support/oidc-e2e-config";
import {
  startTestOidcProvider,
  type TestAccount,
  type TestOidcProvider,
} from "../support/oidc-test-provider";
import { DEMO_PASSWORD, ORIGIN, expect, ingestFresh, signInApi, test } from "./fixtures";

// Issue 17 item 6: "Sign in with SSO" against a real OpenID provider (oidc-provider) that this
// spec starts. The app server was started before it (scripts/e2e-server.ts) with the issuer
// URL in its environment: next-auth fetches the discovery document only at sign-in.

const APP_PORT = new URL(ORIGIN).port;
const RUN = Date.now().toString(36);
let idp: TestOidcProvider;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  idp = await startTestOidcProvider({
    port: e2eOidcPort(APP_PORT),
    clientId: E2E_OIDC_CLIENT_ID,
    clientSecret: E2E_OIDC_CLIENT_SECRET,
    redirectUri: `${ORIGIN}/api/auth/callback/oidc`,
  });
});

test.afterAll(async () => {
  await idp?.close();
});

function account(login: string, groups: string[]): TestAccount {
  return { email: `${login}@newsroom.example`, email_verified: true, name: `SSO ${login}`, groups };
}

/** Galley's sign-in page → "Sign in with SSO" → the provider's login form → back to Galley. */
async function ssoSignIn(page: Page, login: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with SSO" }).click();
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("ignored-by-the-dev-login-form");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function sessionUid(page: Page): Promise<string> {
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(typeof session.uid).toBe("string");
  return session.uid;
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("a new user signs in with SSO and gets the role mapped from the provider's groups; the next sign-in reuses the user and refreshes the role", async ({
  browser,
}) => {
  const login = `desk-${RUN}`;
  idp.setAccount(login, account(login, ["desk", "everyone"]));

  const first = await newPage(browser);
  await ssoSignIn(first.page, login);
  await expect(first.page).toHaveURL(/\/articles/);
  await expect(first.page.getByTestId("current-user")).toContainText("EDITOR");
  // EDITOR may ingest an article; the audit log is for ADMIN only.
  await ingestFresh(first.page.request);
  expect((await first.page.request.get("/api/v1/audit")).status()).toBe(403);
  await first.page.goto("/audit");
  await expect(first.page).toHaveURL(/\/forbidden/);
  const uid = await sessionUid(first.page);
  await first.context.close();

  // The provider drops the user from "desk": the next sign-in is the same Galley user, now
  // with the default role (VIEWER), which cannot ingest.
  idp.setAccount(login, account(login, ["everyone"]));
  const second = await newPage(browser);
  await ssoSignIn(second.page, login);
  await expect(second.page).toHaveURL(/\/articles/);
  await expect(second.page.getByTestId("current-user")).toContainText("VIEWER");
  expect(await sessionUid(second.page)).toBe(uid);
  const ingest = await second.page.request.post("/api/v1/articles", {
    headers: { origin: ORIGIN },
    data: {},
  });
  expect(ingest.status()).toBe(403);
  await second.context.close();
});

test("a disabled SSO user is signed out at once and refused at the next SSO sign-in", async ({
  browser,
}) => {
  const login = `gone-${RUN}`;
  const email = `${login}@newsroom.example`;
  idp.setAccount(login, account(login, []));
  const user = await newPage(browser);
  await ssoSignIn(user.page, login);
  await expect(user.page.getByTestId("current-user")).toContainText("VIEWER");

  const admin = await newPage(browser);
  await signInApi(admin.context.request, "admin");
  await admin.page.goto("/admin");
  const row = admin.page.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");
  await admin.context.close();

  // The live session ends like a password user's (ADR 006: the user row is re-read).
  await user.page.goto("/articles");
  await expect(user.page).toHaveURL(/\/signin/);
  await user.context.close();
  // Signing in again at the provider (a fresh browser: no provider session) is refused by Galley.
  const again = await newPage(browser);
  await ssoSignIn(again.page, login);
  await expect(again.page).toHaveURL(/\/signin\?.*error=AccessDenied/);
  await expect(again.page.getByText("Your account cannot sign in to Galley")).toBeVisible();
  await again.page.goto("/articles");
  await expect(again.page).toHaveURL(/\/signin/);
  await again.context.close();
});

test("with GALLEY_PASSWORD_LOGIN=0 the sign-in page offers only SSO and the credentials callback refuses", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { databaseUrl, nextauthSecret } = readE2eServerInfo(APP_PORT);
  let second: AppServer | null = null;
  try {
    second = await startAppServer({
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: nextauthSecret,
      ...e2eOidcEnv(APP_PORT),
      GALLEY_PASSWORD_LOGIN: "0",
    });
    const { context, page } = await newPage(browser);
    await page.goto(`${second.url}/signin`);
    await expect(page.getByRole("button", { name: "Sign in with SSO" })).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toHaveCount(0);

    // The demo editor's correct password, posted as the form would: no session.
    const request = context.request;
    const csrf = await (await request.get(`${second.url}/api/auth/csrf`)).json();
    const res = await request.post(`${second.url}/api/auth/callback/credentials`, {
      form: {
        csrfToken: csrf.csrfToken,
        email: "editor@galley.local",
        password: DEMO_PASSWORD,
        json: "true",
      },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(400);
    const state = await request.storageState();
    expect(state.cookies.filter((c) => c.name.includes("session-token"))).toEqual([]);
    expect(await (await request.get(`${second.url}/api/auth/session`)).json()).toEqual({});
    await context.close();
  } finally {
    await second?.stop();
  }
  // The same password signs in where password login is on (the main server).
  const control = await newPage(browser);
  await signInApi(control.context.request, "editor");
  await control.context.close();
});
