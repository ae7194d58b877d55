import { request as pwRequest, type APIRequestContext } from "@playwright/test";
import { API_RULES, PAGE_RULES, type MinRole } from "./authz-rules";
import { discover } from "./routes";
import { BASE_URL } from "../../playwright.config";
import {
  expect,
  ingestFresh,
  ORIGIN,
  publishArticle,
  signInApi,
  test,
  type DemoRole,
} from "./fixtures";

// Every page and API route × anonymous, viewer, reviewer, editor, admin and a
// revoked token. The route list comes from app/ on disk, not from the rules.
const RANK: Record<MinRole, number> = { public: 0, viewer: 1, reviewer: 2, editor: 3, admin: 4 };
const ROLES: DemoRole[] = ["viewer", "reviewer", "editor", "admin"];
type Caller = "anonymous" | "revoked" | DemoRole;

test("every route on disk has an authorization rule", () => {
  const { api, pages } = discover();
  expect(api.length).toBeGreaterThan(30);
  expect(
    api.filter((r) => !API_RULES[r]),
    "API routes without a rule in authz-rules.ts",
  ).toEqual([]);
  expect(
    pages.filter((r) => !PAGE_RULES[r]),
    "pages without a rule in authz-rules.ts",
  ).toEqual([]);
  expect(
    Object.keys(API_RULES).filter((r) => !api.includes(r)),
    "stale API rules",
  ).toEqual([]);
  expect(
    Object.keys(PAGE_RULES).filter((r) => !pages.includes(r)),
    "stale page rules",
  ).toEqual([]);
});

test.describe("authorization matrix", () => {
  test.describe.configure({ timeout: 240_000 });
  const callers = new Map<Caller, APIRequestContext>();
  let ids: Record<string, string> = {};
  let revokedToken = "";

  test.beforeAll(async ({ browser }) => {
    for (const role of ROLES) {
      const ctx = await pwRequest.newContext({ baseURL: BASE_URL });
      await signInApi(ctx, role);
      callers.set(role, ctx);
    }
    callers.set("anonymous", await pwRequest.newContext({ baseURL: BASE_URL }));
    const editor = callers.get("editor")!;
    const article = await ingestFresh(editor);
    await publishArticle(editor, article.id); // readers send feedback only on what they are shown
    const fb = await callers.get("anonymous")!.post(`/api/v1/articles/${article.id}/feedback`, {
      data: { category: "OTHER", comment: "matrix" },
      headers: { "x-forwarded-for": "10.77.0.1" },
    });
    expect(fb.status()).toBe(201);
    const ann = await editor.post(`/api/v1/articles/${article.id}/annotations`, {
      headers: { origin: ORIGIN },
      data: { segmentIndex: 1, start: 0, end: 2, category: "Fluency/Grammar", severity: "minor" },
    });
    expect(ann.status(), await ann.text()).toBe(201);
    const comment = await editor.post(`/api/v1/articles/${article.id}/comments`, {
      headers: { origin: ORIGIN },
      data: { body: "matrix" },
    });
    expect(comment.status(), await comment.text()).toBe(201);
    ids = {
      id: article.id,
      slug: article.slug,
      feedbackId: (await fb.json()).id,
      annotationId: (await ann.json()).id,
      commentId: (await comment.json()).id,
    };

    // A real token, created and revoked through the admin page.
    const page = await (await browser.newContext()).newPage();
    await signInApi(page.request, "admin");
    await page.goto("/admin");
    await page.getByLabel("Token name").fill("matrix-revoked");
    await page.getByRole("button", { name: "Create token" }).click();
    revokedToken = (await page.getByTestId("new-token").textContent())!.trim();
    const ok = await page.request.get("/api/v1/articles", {
      headers: { authorization: `Bearer ${revokedToken}` },
    });
    expect(ok.status()).toBe(200);
    await page
      .getByRole("row", { name: /matrix-revoked/ })
      .getByRole("button", { name: "Revoke" })
      .click();
    await expect(page.getByRole("row", { name: /matrix-revoked/ })).toContainText("revoked");
    await page.context().close();
    callers.set(
      "revoked",
      await pwRequest.newContext({
        baseURL: BASE_URL,
        extraHTTPHeaders: { authorization: `Bearer ${revokedToken}` },
      }),
    );
  });

  test.afterAll(async () => {
    for (const c of callers.values()) await c.dispose();
  });

  const fill = (p: string) => p.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? `{${k}}`);

  test("API routes answer 401/403/2xx as the policy says", async () => {
    const failures: string[] = [];
    for (const [key, rule] of Object.entries(API_RULES)) {
      const method = key.split(" ")[0]!;
      for (const caller of ["anonymous", "revoked", ...ROLES] as Caller[]) {
        const ctx = callers.get(caller)!;
        const res = await ctx.fetch(fill(rule.path), {
          method,
          headers: {
            origin: ORIGIN,
            ...(rule.contentType ? { "content-type": rule.contentType } : {}),
          },
          ...(rule.body !== undefined
            ? typeof rule.body === "string"
              ? { data: Buffer.from(rule.body) }
              : { data: rule.body }
            : {}),
          maxRedirects: 0,
        });
        const allowed =
          rule.min === "public" ||
          (caller !== "anonymous" && caller !== "revoked" && RANK[caller] >= RANK[rule.min]);
        let expected = allowed
          ? rule.ok
          : caller === "anonymous" || caller === "revoked"
            ? [401]
            : [403];
        // A bad token is refused even where no token is needed: the caller should learn it is bad.
        if (caller === "revoked" && rule.min === "public") expected = [...rule.ok, 401];
        const status = res.status();
        if (!expected.includes(status))
          failures.push(`${key} as ${caller}: got ${status}, expected ${expected.join("/")}`);
        if (status >= 500) failures.push(`${key} as ${caller}: server error ${status}`);
        if (!allowed && (res.headers()["content-type"] ?? "").includes("json") === false)
          failures.push(`${key} as ${caller}: error is not JSON`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("pages redirect anonymous readers to sign-in and unauthorised roles to /forbidden", async () => {
    const failures: string[] = [];
    for (const [key, rule] of Object.entries(PAGE_RULES)) {
      for (const caller of ["anonymous", ...ROLES] as Caller[]) {
        const res = await callers.get(caller)!.get(fill(rule.path), { maxRedirects: 0 });
        const status = res.status();
        const location = res.headers()["location"] ?? "";
        let verdict: string;
        if (status === 200) verdict = "ok";
        else if (status >= 300 && status < 400 && location.includes("/signin")) verdict = "signin";
        else if (status >= 300 && status < 400 && location.includes("/forbidden"))
          verdict = "forbidden";
        else if (status >= 300 && status < 400)
          verdict = "ok"; // e.g. "/" → /articles
        else verdict = `status ${status}`;
        let expected: string;
        if (rule.min === "public") expected = "ok";
        else if (caller === "anonymous") expected = "signin";
        else if (rule.min === "signed-in" || RANK[caller as DemoRole] >= RANK[rule.min])
          expected = "ok";
        else expected = "forbidden";
        if (verdict !== expected)
          failures.push(`${key} as ${caller}: ${verdict}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
