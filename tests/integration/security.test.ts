import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { POST as postArticleFeedback } from "@/app/api/v1/articles/[id]/feedback/route";
import { POST as postReaderForm } from "@/app/read/[slug]/feedback/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { saveRevision } from "@/lib/server/revisions";
import { authenticate } from "@/lib/server/users";
import { makeArticle, makeUser, publishArticle } from "./factories";

// Regression tests for issue 12 (docs/security.md lists which test proves which control).

const SECRET = "EMBARGOED: the minister resigns on Friday.";

afterEach(() => {
  for (const k of [
    "GALLEY_FEEDBACK_LIMIT_PER_READER",
    "GALLEY_TRUSTED_PROXIES",
    "GALLEY_LOGIN_LIMIT",
    "GALLEY_LOGIN_WINDOW_SECONDS",
  ])
    delete process.env[k];
  resetEnvCache();
});

const peer = () => `198.51.100.${1 + (randomBytes(1)[0]! % 250)}`;

function feedbackRequest(
  articleId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const req = new NextRequest(`http://localhost:3000/api/v1/articles/${articleId}/feedback`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-request-id": "fixed-request-id",
      "x-galley-peer": peer(),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return postArticleFeedback(req, { params: Promise.resolve({ id: articleId }) });
}

/** A published article (revision 1) with an unpublished draft (revision 2) holding SECRET. */
async function articleWithEmbargoedDraft() {
  const reviewer = await makeUser("REVIEWER");
  const editor = await makeUser("EDITOR");
  const article = await makeArticle(reviewer);
  await publishArticle(article.id, editor);
  await saveRevision({
    articleId: article.id,
    baseRevision: 1,
    segments: [{ index: 1, text: SECRET }],
    actor: reviewer,
  });
  return article;
}

describe("item 1: public feedback reveals nothing about unpublished text", () => {
  it("answers right and wrong guesses about a draft with byte-identical 400s and stores nothing", async () => {
    const article = await articleWithEmbargoedDraft();
    const base = { category: "OTHER", comment: "probe", segmentIndex: 1 };
    const probes = [
      { ...base, revisionSeen: 2, quoteStart: 0, quoteEnd: 9, quote: "EMBARGOED" }, // right
      { ...base, revisionSeen: 2, quoteStart: 0, quoteEnd: 9, quote: "XMBARGOED" }, // wrong
      { ...base, revisionSeen: 2, quoteStart: 0, quoteEnd: SECRET.length }, // the exact length
      { ...base, revisionSeen: 2, quoteStart: 0, quoteEnd: SECRET.length + 1 }, // one past it
      { ...base, revisionSeen: 3 }, // beyond the newest revision
      { ...base, revisionSeen: 2, segmentIndex: 99 },
    ];
    const answers: string[] = [];
    for (const probe of probes) {
      const res = await feedbackRequest(article.id, probe);
      answers.push(`${res.status} ${await res.text()}`);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^400 /);
    expect(answers[0]).not.toMatch(/\d+ characters|revision|latest/i);
    expect(await db().feedback.count({ where: { articleId: article.id } })).toBe(0);
    // The published text can still be quoted: the same offsets at revision 1 are accepted.
    const ok = await feedbackRequest(article.id, {
      ...base,
      revisionSeen: 1,
      quoteStart: 0,
      quoteEnd: 4,
    });
    expect(ok.status).toBe(201);
  });

  it("counts a probe against the reader's limit before looking at any text", async () => {
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "3";
    resetEnvCache();
    const article = await articleWithEmbargoedDraft();
    const me = { "x-galley-peer": "198.51.100.201" };
    const probe = {
      category: "OTHER",
      comment: "probe",
      segmentIndex: 1,
      revisionSeen: 2,
      quoteStart: 0,
      quoteEnd: 1,
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await feedbackRequest(article.id, probe, me)).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });
});

describe("item 2: no feedback on an article readers cannot see", () => {
  it("refuses feedback on a never-published article with 404 on both entry points, storing nothing", async () => {
    const reviewer = await makeUser("REVIEWER");
    const article = await makeArticle(reviewer);
    const api = await feedbackRequest(article.id, { category: "OTHER", comment: "hello" });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: "not_found" });

    const form = new NextRequest(`http://localhost:3000/read/${article.slug}/feedback`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        "x-galley-peer": peer(),
      },
      body: "category=OTHER&comment=hello",
    });
    const page = await postReaderForm(form, { params: Promise.resolve({ slug: article.slug }) });
    expect(page.status).toBe(404);
    expect(await db().feedback.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("item 4: X-Forwarded-For counts only through a configured proxy", () => {
  it("without GALLEY_TRUSTED_PROXIES, rotating X-Forwarded-For buys no extra allowance", async () => {
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "3";
    resetEnvCache();
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(reviewer);
    await publishArticle(article.id, editor);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await feedbackRequest(
        article.id,
        { category: "OTHER", comment: `rotating ${i}` },
        { "x-galley-peer": "203.0.113.9", "x-forwarded-for": `10.1.2.${i}` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it("behind a trusted proxy, each forwarded client has its own allowance", async () => {
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "1";
    process.env.GALLEY_TRUSTED_PROXIES = "203.0.113.0/24";
    resetEnvCache();
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(reviewer);
    await publishArticle(article.id, editor);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await feedbackRequest(
        article.id,
        { category: "OTHER", comment: `proxied ${i}` },
        // A spoofed left-most hop must not matter: the proxy appends the real client.
        { "x-galley-peer": "203.0.113.9", "x-forwarded-for": `6.6.6.6, 10.9.8.${i}` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201]);
  });
});

describe("items 3, 7, 8: password sign-in limits", () => {
  const attempt = (email: string, password: string, client: string) =>
    authenticate(email, password, client).then(
      (u) => (u ? "ok" : "wrong"),
      (e: { code?: string }) => e.code ?? "error",
    );

  it("item 3: counts concurrent attempts atomically, before any password is checked", async () => {
    const user = await makeUser("VIEWER", "the-right-password");
    const results = await Promise.all(
      Array.from({ length: 40 }, () => attempt(user.email, "wrong-password", "client-race")),
    );
    expect(results.filter((r) => r === "wrong")).toHaveLength(10);
    expect(results.filter((r) => r === "rate_limited")).toHaveLength(30);
    expect(await attempt(user.email, "the-right-password", "client-race")).toBe("rate_limited");
    // Only ten passwords were ever evaluated.
    expect(
      await db().auditEvent.count({
        where: { action: "auth.signin_failed", entityId: user.userId },
      }),
    ).toBe(10);
  });

  it("item 8: guessing from one client neither locks the owner out nor goes unslowed", async () => {
    process.env.GALLEY_LOGIN_LIMIT = "3";
    resetEnvCache();
    const user = await makeUser("VIEWER", "owners-password");
    const guesses: string[] = [];
    for (let i = 0; i < 4; i++) guesses.push(await attempt(user.email, `guess-${i}`, "attacker"));
    expect(guesses).toEqual(["wrong", "wrong", "wrong", "rate_limited"]);
    // The owner, from their own client, still gets in, after a backoff delay.
    const started = Date.now();
    expect(await attempt(user.email, "owners-password", "owner")).toBe("ok");
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    // Guesses from other clients are slowed too, and the per-email delay keeps doubling.
    const second = Date.now();
    expect(await attempt(user.email, "guess-x", "attacker-2")).toBe("wrong");
    expect(Date.now() - second).toBeGreaterThanOrEqual(450);
    const third = Date.now();
    expect(await attempt(user.email, "guess-y", "attacker-3")).toBe("wrong");
    expect(Date.now() - third).toBeGreaterThanOrEqual(950);
  });

  it("item 7: refused attempts become one audit event per key and window, with the count", async () => {
    process.env.GALLEY_LOGIN_LIMIT = "2";
    process.env.GALLEY_LOGIN_WINDOW_SECONDS = "3";
    resetEnvCache();
    const user = await makeUser("VIEWER", "pw-item-7");
    const client = `client-${randomBytes(4).toString("hex")}`;
    const mine = { entityId: { in: [user.userId, user.email, client] } };
    const before = await db().auditEvent.count({ where: mine });
    const results: string[] = [];
    for (let i = 0; i < 12; i++) results.push(await attempt(user.email, "nope", client));
    expect(results.filter((r) => r === "rate_limited")).toHaveLength(10);
    // Two evaluated failures; the ten refusals wrote nothing yet.
    expect((await db().auditEvent.count({ where: mine })) - before).toBe(2);
    await new Promise((r) => setTimeout(r, 3100));
    await attempt(user.email, "pw-item-7", "someone-else");
    await attempt(user.email, "pw-item-7", "someone-else");
    const throttled = await db().auditEvent.findMany({
      where: { action: "auth.signin_throttled", actorId: null, entityId: user.email },
    });
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.data).toMatchObject({ scope: "email+client", refused: 10, limit: 2 });
  });
});
