import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import {
  OPTIONS as feedbackPreflight,
  POST as submitFeedbackRoute,
} from "@/app/api/v1/articles/[id]/feedback/route";
import { PATCH as updateOutletRoute } from "@/app/api/v1/outlets/[id]/route";
import { GET as listOutletsRoute, POST as createOutletRoute } from "@/app/api/v1/outlets/route";
import {
  GET as lookupRoute,
  OPTIONS as lookupPreflight,
} from "@/app/api/v1/public/articles/lookup/route";
import { GET as readRedirect } from "@/app/read/route";
import type { UserActor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/server/api-tokens";
import { callRoute } from "./api-call";
import { makeArticle, makeUser, publishArticle } from "./factories";

const uid = () => randomBytes(3).toString("hex");
const ALLOWED = "https://news.example";
const OTHER = "https://elsewhere.example";

async function tokenFor(user: UserActor) {
  return (await createApiToken({ userId: user.userId, name: "outlets" }, user)).token;
}

async function adminToken() {
  return tokenFor(await makeUser("ADMIN"));
}

async function makeOutlet(token: string, body: Record<string, unknown> = {}) {
  const name = `Outlet ${uid()}`;
  const res = await callRoute(createOutletRoute, {
    url: "/api/v1/outlets",
    params: {},
    token,
    method: "POST",
    body: { name, ...body },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

describe("outlets API", () => {
  it("lets an admin create, list and change outlets, each write audited", async () => {
    const token = await adminToken();
    const created = await makeOutlet(token, {
      allowedOrigins: [ALLOWED, ALLOWED, "http://localhost:3311"],
      canonicalUrlPattern: "https://news.example/a/{externalId}",
      timeZone: "Asia/Seoul",
      disclosures: { en: { translated: "Machine translated." } },
      chatWebhookUrl: "https://chat.example/hooks/SECRET-PART",
    });
    expect(created).toMatchObject({
      allowedOrigins: [ALLOWED, "http://localhost:3311"],
      timeZone: "Asia/Seoul",
    });

    const list = await callRoute(listOutletsRoute, { url: "/api/v1/outlets", params: {}, token });
    const { items } = (await list.json()) as { items: { id: string }[] };
    expect(items.map((o) => o.id)).toContain(created.id);

    const patched = await callRoute(updateOutletRoute, {
      url: `/api/v1/outlets/${created.id}`,
      params: { id: created.id },
      token,
      method: "PATCH",
      body: { timeZone: "Europe/Paris", chatWebhookUrl: null },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ timeZone: "Europe/Paris", chatWebhookUrl: null });

    const events = await db().auditEvent.findMany({
      where: { entityType: "outlet", entityId: created.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["outlet.create", "outlet.update"]);
    // The chat webhook URL is a credential: the log keeps its host only.
    expect(JSON.stringify(events[0]!.data)).not.toContain("SECRET-PART");
    expect(events[1]!.data).toMatchObject({
      from: { timeZone: "Asia/Seoul", chatWebhookUrl: "https://chat.example/…" },
      to: { timeZone: "Europe/Paris", chatWebhookUrl: null },
    });
  });

  it("refuses non-admins, bad origins, zones and patterns, and a second outlet of one name", async () => {
    const editorToken = await tokenFor(await makeUser("EDITOR"));
    const denied = await callRoute(listOutletsRoute, {
      url: "/api/v1/outlets",
      params: {},
      token: editorToken,
    });
    expect(denied.status).toBe(403);
    const editorCreate = await callRoute(createOutletRoute, {
      url: "/api/v1/outlets",
      params: {},
      token: editorToken,
      method: "POST",
      body: { name: `x ${uid()}` },
    });
    expect(editorCreate.status).toBe(403);

    const token = await adminToken();
    const post = (body: unknown) =>
      callRoute(createOutletRoute, {
        url: "/api/v1/outlets",
        params: {},
        token,
        method: "POST",
        body,
      });
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await post({ name: `Bad ${uid()}`, ...body });
      expect(res.status).toBe(400);
      const json = (await res.json()) as { issues: { path: string }[] };
      expect(json.issues.map((i) => i.path)).toContain(path);
    };
    await bad({ allowedOrigins: ["https://news.example/"] }, "allowedOrigins.0");
    await bad({ allowedOrigins: ["*"] }, "allowedOrigins.0");
    await bad({ timeZone: "Mars/Olympus" }, "timeZone");
    await bad({ canonicalUrlPattern: "https://news.example/a/" }, "canonicalUrlPattern");
    await bad({ disclosures: { en: { footer: "x" } } }, "disclosures.en");
    // A chat URL Galley may never call (GALLEY_WEBHOOK_ALLOW_PRIVATE is off here).
    await bad({ chatWebhookUrl: "http://127.0.0.1:9/hook" }, "chatWebhookUrl");
    await bad({ chatWebhookUrl: "http://10.0.0.5/hook" }, "chatWebhookUrl");

    const first = await makeOutlet(token);
    expect((await post({ name: first.name })).status).toBe(409);
    const missing = await callRoute(updateOutletRoute, {
      url: "/api/v1/outlets/none",
      params: { id: "none" },
      token,
      method: "PATCH",
      body: { timeZone: "UTC" },
    });
    expect(missing.status).toBe(404);
  });
});

describe("public lookup", () => {
  it("returns the public text and disclosure of a published article, by external id or URL", async () => {
    const token = await adminToken();
    const outlet = await makeOutlet(token, {
      canonicalUrlPattern: "https://news.example/a/{externalId}",
    });
    const editor = await makeUser("EDITOR");
    const externalId = `ext-${uid()}`;
    const article = await makeArticle(editor, { outlet: outlet.name, externalId });
    await publishArticle(article.id, editor);

    const res = await callRoute(lookupRoute, {
      url: `/api/v1/public/articles/lookup?outlet=${encodeURIComponent(outlet.name)}&externalId=${externalId}`,
      params: {},
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ["disclosure", "id", "readUrl", "revision", "segments", "slug", "targetLang"].sort(),
    );
    expect(body).toMatchObject({
      id: article.id,
      revision: 1,
      readUrl: `/read/${article.slug}`,
      disclosure: { state: "reviewed" },
    });
    expect((body.segments as { text: string }[])[1]!.text).toBe("This is the first paragraph.");

    const byUrl = await callRoute(lookupRoute, {
      url: `/api/v1/public/articles/lookup?url=${encodeURIComponent(`https://news.example/a/${externalId}?ref=home`)}`,
      params: {},
    });
    expect(((await byUrl.json()) as { id: string }).id).toBe(article.id);

    // The no-JavaScript link: by outlet and external id to the reading page's form.
    const redirect = await readRedirect(
      new NextRequest(
        `http://localhost:3000/read?outlet=${encodeURIComponent(outlet.name)}&externalId=${externalId}`,
      ),
    );
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe(`/read/${article.slug}#feedback`);
  });

  it("answers an unpublished article exactly like one that does not exist", async () => {
    const token = await adminToken();
    const outlet = await makeOutlet(token);
    const reviewer = await makeUser("REVIEWER");
    const draft = {
      ...(await makeArticle(reviewer, { outlet: outlet.name, externalId: `d-${uid()}` })),
    };
    const draftExternalId = (await db().article.findUniqueOrThrow({ where: { id: draft.id } }))
      .externalId!;
    const ask = async (externalId: string) => {
      const res = await callRoute(lookupRoute, {
        url: `/api/v1/public/articles/lookup?outlet=${encodeURIComponent(outlet.name)}&externalId=${externalId}`,
        params: {},
      });
      const { requestId: _, ...rest } = (await res.json()) as Record<string, unknown>;
      return { status: res.status, body: rest };
    };
    const hidden = await ask(draftExternalId);
    const unknown = await ask("no-such-id");
    expect(hidden.status).toBe(404);
    expect(hidden).toEqual(unknown);
    expect(JSON.stringify(hidden.body)).not.toContain(draft.slug);

    const redirect = await readRedirect(
      new NextRequest(
        `http://localhost:3000/read?outlet=${encodeURIComponent(outlet.name)}&externalId=${draftExternalId}`,
      ),
    );
    expect(redirect.status).toBe(404);
    expect(redirect.headers.get("location")).toBeNull();
    // A malformed key is named, not answered as a missing article.
    const malformed = await readRedirect(new NextRequest("http://localhost:3000/read?outlet=x"));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toBe("bad_request");
  });
});

describe("CORS on the public endpoints", () => {
  async function setup() {
    const token = await adminToken();
    const outlet = await makeOutlet(token, { allowedOrigins: [ALLOWED] });
    const editor = await makeUser("EDITOR");
    const externalId = `ext-${uid()}`;
    const article = await makeArticle(editor, { outlet: outlet.name, externalId });
    await publishArticle(article.id, editor);
    const lookupUrl = `/api/v1/public/articles/lookup?outlet=${encodeURIComponent(outlet.name)}&externalId=${externalId}`;
    return { outlet, article, lookupUrl };
  }
  const preflight = (url: string, origin: string, method: string) =>
    new NextRequest(new URL(url, "http://localhost:3000"), {
      method: "OPTIONS",
      headers: {
        origin,
        host: "localhost:3000",
        "access-control-request-method": method,
        "access-control-request-headers": "content-type",
      },
    });

  it("answers the outlet's allowed origin, and no other, without credentials", async () => {
    const { lookupUrl } = await setup();
    const get = (origin: string) =>
      callRoute(lookupRoute, {
        url: lookupUrl,
        params: {},
        headers: { origin, host: "localhost:3000" },
      });
    const allowed = await get(ALLOWED);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    expect(allowed.headers.get("vary")).toContain("Origin");

    const other = await get(OTHER);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    // Same site (the reading page itself) needs no CORS.
    const same = await get("http://localhost:3000");
    expect(same.headers.get("access-control-allow-origin")).toBeNull();

    const ok = await lookupPreflight(preflight(lookupUrl, ALLOWED, "GET"), {
      params: Promise.resolve({}),
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    const refused = await lookupPreflight(preflight(lookupUrl, OTHER, "GET"), {
      params: Promise.resolve({}),
    });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets the allowed origin post feedback and refuses any other before storing anything", async () => {
    const { article } = await setup();
    const url = `/api/v1/articles/${article.id}/feedback`;
    const params = { id: article.id };

    const pre = await feedbackPreflight(preflight(url, ALLOWED, "POST"), {
      params: Promise.resolve(params),
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
      "content-type",
    );
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    const prefOther = await feedbackPreflight(preflight(url, OTHER, "POST"), {
      params: Promise.resolve(params),
    });
    expect(prefOther.headers.get("access-control-allow-origin")).toBeNull();
    expect(prefOther.headers.get("access-control-allow-methods")).toBeNull();

    const post = (origin: string, comment: string) =>
      callRoute(submitFeedbackRoute, {
        url,
        params,
        method: "POST",
        body: { category: "OTHER", comment },
        headers: { origin, host: "localhost:3000", "x-galley-peer": `10.9.${uid().length}.1` },
      });
    const accepted = await post(ALLOWED, "from the outlet's page");
    expect(accepted.status).toBe(201);
    expect(accepted.headers.get("access-control-allow-origin")).toBe(ALLOWED);

    const refused = await post(OTHER, "from elsewhere");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const stored = await db().feedback.findMany({
      where: { articleId: article.id },
      select: { comment: true },
    });
    expect(stored.map((f) => f.comment)).toEqual(["from the outlet's page"]);
  });
});
